package org.credo.admissions.web;

import java.util.UUID;
import org.credo.admissions.decision.Decisions;
import org.credo.admissions.decision.Outcome;
import org.credo.admissions.review.AdmissionFiles;
import org.credo.admissions.review.Reads;
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

/** An application for the committee: its answers, reads and scores, and the decision form. */
@Controller
@PreAuthorize("hasRole('ADMISSIONS_OFFICER')")
class DecisionPages {

    private final Decisions decisions;
    private final AdmissionFiles files;
    private final Reads reads;

    DecisionPages(Decisions decisions, AdmissionFiles files, Reads reads) {
        this.decisions = decisions;
        this.files = files;
        this.reads = reads;
    }

    @GetMapping("/manage/admissions/decisions/{applicationId}")
    String show(@AuthenticationPrincipal CredoUser user, @PathVariable UUID applicationId, Model model) {
        var current = decisions.find(user.organizationId(), applicationId).orElse(null);
        return page(
                user,
                applicationId,
                model,
                current == null ? null : current.outcome().name(),
                current == null ? null : current.reasonCode(),
                current == null ? null : current.conditions(),
                current == null ? null : current.note(),
                null);
    }

    @PostMapping("/manage/admissions/decisions/{applicationId}")
    String decide(
            @AuthenticationPrincipal CredoUser user,
            @PathVariable UUID applicationId,
            @RequestParam(required = false) @Nullable String outcome,
            @RequestParam(required = false) @Nullable String reasonCode,
            @RequestParam(required = false) @Nullable String conditions,
            @RequestParam(required = false) @Nullable String note,
            Model model,
            RedirectAttributes redirect) {
        try {
            var decided = decisions.decide(
                    user.organizationId(), applicationId, outcome(outcome), reasonCode, conditions, note);
            redirect.addFlashAttribute(
                    "flash", "Decided: " + decided.outcome().label() + ". The decision is held until its release.");
            return "redirect:/manage/admissions/decisions/" + applicationId;
        } catch (ProblemException e) {
            if (e.status().value() == 404) {
                throw e;
            }
            return page(user, applicationId, model, outcome, reasonCode, conditions, note, e);
        }
    }

    private String page(
            CredoUser user,
            UUID applicationId,
            Model model,
            @Nullable String outcome,
            @Nullable String reasonCode,
            @Nullable String conditions,
            @Nullable String note,
            @Nullable ProblemException problem) {
        var org = user.organizationId();
        var file = files.find(org, applicationId);
        model.addAttribute("file", file);
        model.addAttribute("answers", files.answers(org, applicationId));
        var all = reads.ofApplication(org, applicationId);
        // A reader whose own read is still open sees nobody's scores here either (blind reads).
        boolean blind = all.stream().anyMatch(r -> r.readerId().equals(user.personId()) && r.open());
        model.addAttribute("blind", blind);
        model.addAttribute("reads", all);
        model.addAttribute("decision", decisions.find(org, applicationId).orElse(null));
        model.addAttribute("reasons", decisions.reasons(org));
        model.addAttribute("outcomes", Outcome.values());
        model.addAttribute("outcome", outcome == null ? "" : outcome);
        model.addAttribute("reasonCode", reasonCode == null ? "" : reasonCode);
        model.addAttribute("conditions", conditions == null ? "" : conditions);
        model.addAttribute("note", note == null ? "" : note);
        model.addAttribute("problem", problem == null ? null : ReviewPages.message(problem));
        model.addAttribute(
                "problemField", problem == null ? "" : problem.field().orElse("outcome"));
        return "admissions/review/decision";
    }

    static @Nullable Outcome outcome(@Nullable String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Outcome.valueOf(value.trim().toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalidField("outcome", "choose ADMIT, CONDITIONAL_ADMIT, WAITLIST or DENY.");
        }
    }
}
