package org.credo.learners.web;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.credo.learners.HoldAction;
import org.credo.learners.hold.HoldTypes;
import org.credo.learners.hold.LearnerHolds;
import org.credo.learners.record.LearnerRecords;
import org.credo.platform.CredoUser;
import org.credo.platform.ProblemException;
import org.credo.platform.Role;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The offices' hold pages: active holds, placing and releasing them; the registrar's hold types. */
@Controller
@PreAuthorize("hasAnyRole('REGISTRAR','ADMISSIONS_OFFICER','ADVISOR','BURSAR')")
class HoldPages {

    private final LearnerHolds holds;
    private final HoldTypes types;
    private final LearnerRecords records;
    private final RecordView recordView;

    HoldPages(LearnerHolds holds, HoldTypes types, LearnerRecords records, RecordView recordView) {
        this.holds = holds;
        this.types = types;
        this.records = records;
        this.recordView = recordView;
    }

    @GetMapping("/manage/holds")
    String list(@AuthenticationPrincipal CredoUser user, Model model) {
        if (!model.containsAttribute("holdForm")) {
            model.addAttribute("holdForm", new HoldForm());
        }
        var org = user.organizationId();
        model.addAttribute("holds", holds.active(org, null, 200));
        model.addAttribute(
                "placeable",
                types.all(org).stream()
                        .filter(t -> t.active() && user.hasRole(t.office()))
                        .toList());
        model.addAttribute(
                "canReadRecords",
                user.hasRole(Role.REGISTRAR) || user.hasRole(Role.ADMISSIONS_OFFICER) || user.hasRole(Role.ADVISOR));
        return "learners/holds";
    }

    @PostMapping("/manage/holds")
    String place(
            @AuthenticationPrincipal CredoUser user,
            @ModelAttribute("holdForm") HoldForm form,
            BindingResult binding,
            @RequestParam(required = false) @Nullable UUID returnTo,
            Model model,
            RedirectAttributes redirect) {
        if (!binding.hasErrors()) {
            try {
                var number = form.getLearnerNumber();
                var learner = records.byNumber(user.organizationId(), number)
                        .orElseThrow(() -> ProblemException.invalidField(
                                "learnerNumber", "no learner has the number '" + number.trim() + "'."));
                if (form.getHoldTypeId() == null) {
                    throw ProblemException.invalidField("holdTypeId", "choose the type of hold.");
                }
                var hold = holds.place(user, learner.id(), form.getHoldTypeId(), form.getReason());
                redirect.addFlashAttribute(
                        "flash", "Placed a " + hold.typeName() + " hold on " + hold.learnerName() + ".");
                return returnTo == null ? "redirect:/manage/holds" : "redirect:/manage/learners/" + returnTo;
            } catch (ProblemException e) {
                if (!FieldProblems.reject(binding, e, HoldForm.FIELDS, "reason")) {
                    throw e;
                }
            }
        }
        // The page the form was on, again, with what was typed and the bad field marked.
        return returnTo == null ? list(user, model) : recordView.show(user, returnTo, model);
    }

    @PostMapping("/manage/holds/{id}/release")
    String release(
            @AuthenticationPrincipal CredoUser user,
            @PathVariable UUID id,
            @RequestParam(defaultValue = "") String reason,
            @RequestParam(required = false) @Nullable UUID returnTo,
            RedirectAttributes redirect) {
        try {
            var hold = holds.release(user, id, reason);
            redirect.addFlashAttribute(
                    "flash", "Released the " + hold.typeName() + " hold on " + hold.learnerName() + ".");
        } catch (ProblemException e) {
            if (e.status().value() == 404) {
                throw e;
            }
            redirect.addFlashAttribute("flashError", e.getMessage().replaceFirst("^[A-Za-z]+: ", "Not released: "));
        }
        return returnTo == null ? "redirect:/manage/holds" : "redirect:/manage/learners/" + returnTo;
    }

    @GetMapping("/manage/holds/types")
    @PreAuthorize("hasRole('REGISTRAR')")
    String types(@AuthenticationPrincipal CredoUser user, Model model) {
        model.addAttribute("types", types.all(user.organizationId()));
        model.addAttribute("actions", HoldAction.values());
        model.addAttribute("offices", HoldTypes.OFFICES);
        return "learners/hold-types";
    }

    @PostMapping("/manage/holds/types")
    @PreAuthorize("hasRole('REGISTRAR')")
    String saveType(
            @AuthenticationPrincipal CredoUser user,
            @RequestParam(required = false) @Nullable UUID id,
            @RequestParam(defaultValue = "") String name,
            @RequestParam(required = false) @Nullable List<HoldAction> blocks,
            @RequestParam(required = false) @Nullable Role office,
            @RequestParam(defaultValue = "") String instructions,
            @RequestParam(required = false) @Nullable String active,
            RedirectAttributes redirect) {
        try {
            if (office == null) {
                throw ProblemException.invalidField("office", "choose the office that owns the hold.");
            }
            Set<HoldAction> set = blocks == null || blocks.isEmpty() ? Set.of() : EnumSet.copyOf(blocks);
            var type = types.save(user.organizationId(), id, name, set, office, instructions, "true".equals(active));
            redirect.addFlashAttribute("flash", "Saved the hold type " + type.name() + ".");
        } catch (ProblemException e) {
            redirect.addFlashAttribute("flashError", e.getMessage().replaceFirst("^[A-Za-z]+: ", "Not saved: "));
        }
        return "redirect:/manage/holds/types";
    }
}
