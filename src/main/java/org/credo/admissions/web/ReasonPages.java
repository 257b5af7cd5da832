package org.credo.admissions.web;

import java.util.UUID;
import org.credo.admissions.decision.Decisions;
import org.credo.admissions.decision.Outcome;
import org.credo.platform.CredoUser;
import org.credo.platform.ProblemException;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The organization's decision reason codes: listed per outcome, added, renamed, deactivated and reactivated. */
@Controller
@PreAuthorize("hasAnyRole('ADMISSIONS_OFFICER','ADMINISTRATOR')")
class ReasonPages {

    static final String PAGE = "admissions/reasons";

    private final Decisions decisions;

    ReasonPages(Decisions decisions) {
        this.decisions = decisions;
    }

    @GetMapping("/manage/admissions/reasons")
    String page(@AuthenticationPrincipal CredoUser user, Model model) {
        return show(user, model);
    }

    @PostMapping("/manage/admissions/reasons")
    String add(
            @AuthenticationPrincipal CredoUser user,
            @RequestParam(required = false) @Nullable Outcome outcome,
            @RequestParam(defaultValue = "") String code,
            @RequestParam(defaultValue = "") String label,
            Model model,
            RedirectAttributes redirect) {
        try {
            var reason = decisions.addReason(user.organizationId(), outcome, code, label);
            redirect.addFlashAttribute("flash", "Added reason code " + reason.code() + ".");
            return "redirect:/manage/admissions/reasons";
        } catch (ProblemException e) {
            model.addAttribute("newOutcome", outcome == null ? null : outcome.name());
            model.addAttribute("code", code);
            model.addAttribute("label", label);
            problem(model, e);
            return show(user, model);
        }
    }

    @PostMapping("/manage/admissions/reasons/{id}")
    String rename(
            @AuthenticationPrincipal CredoUser user,
            @PathVariable UUID id,
            @RequestParam(defaultValue = "") String label,
            Model model,
            RedirectAttributes redirect) {
        try {
            var reason = decisions.updateReason(user.organizationId(), id, label, null);
            redirect.addFlashAttribute("flash", "Renamed reason code " + reason.code() + ".");
            return "redirect:/manage/admissions/reasons";
        } catch (ProblemException e) {
            if (e.field().isEmpty()) {
                throw e;
            }
            model.addAttribute("renamed", id);
            model.addAttribute("label", label);
            problem(model, e);
            model.addAttribute("errorField", "label-" + id);
            return show(user, model);
        }
    }

    @PostMapping("/manage/admissions/reasons/{id}/active")
    String active(
            @AuthenticationPrincipal CredoUser user,
            @PathVariable UUID id,
            @RequestParam boolean active,
            Model model,
            RedirectAttributes redirect) {
        try {
            var reason = decisions.updateReason(user.organizationId(), id, null, active);
            redirect.addFlashAttribute(
                    "flash",
                    (active ? "Reactivated " : "Deactivated ")
                            + reason.code()
                            + (active
                                    ? "; it is offered for new decisions again."
                                    : "; new decisions no longer offer it."));
            return "redirect:/manage/admissions/reasons";
        } catch (ProblemException e) {
            model.addAttribute("error", "");
            model.addAttribute("errorMessage", e.getMessage());
            return show(user, model);
        }
    }

    private static void problem(Model model, ProblemException e) {
        model.addAttribute("error", e.field().orElse(""));
        model.addAttribute("errorMessage", e.getMessage().replaceFirst("^[A-Za-z]+: ", ""));
    }

    private String show(CredoUser user, Model model) {
        model.addAttribute("outcomes", Outcome.values());
        model.addAttribute("reasons", decisions.allReasons(user.organizationId()));
        if (!model.containsAttribute("renamed")) {
            model.addAttribute("renamed", null);
        }
        return PAGE;
    }
}
