package org.credo.admissions.withdrawal;

import java.util.UUID;
import org.credo.admissions.review.AdmissionFile;
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

/**
 * The confirmation step of a withdrawal, for the applicant (reason optional) and for the admissions office on the
 * applicant's behalf (reason required). A refused withdrawal shows the page again with the reason kept and what went
 * wrong; nothing changes.
 */
@Controller
class WithdrawalPages {

    static final String PAGE = "admissions/withdraw";

    private final Withdrawals withdrawals;

    WithdrawalPages(Withdrawals withdrawals) {
        this.withdrawals = withdrawals;
    }

    @GetMapping("/apply/applications/{id}/withdraw")
    @PreAuthorize("hasRole('APPLICANT')")
    String confirmOwn(@AuthenticationPrincipal CredoUser user, @PathVariable UUID id, Model model) {
        return page(model, withdrawals.own(user, id), true, "", null);
    }

    @PostMapping("/apply/applications/{id}/withdraw")
    @PreAuthorize("hasRole('APPLICANT')")
    String withdrawOwn(
            @AuthenticationPrincipal CredoUser user,
            @PathVariable UUID id,
            @RequestParam(required = false) @Nullable String reason,
            Model model,
            RedirectAttributes redirect) {
        var file = withdrawals.own(user, id);
        try {
            withdrawals.byApplicant(user, id, reason);
        } catch (ProblemException e) {
            if (e.status().value() == 404) {
                throw e;
            }
            return page(model, withdrawals.own(user, id), true, reason, e);
        }
        redirect.addFlashAttribute("flash", "You withdrew application " + file.number() + ".");
        return "redirect:/apply/applications/" + id;
    }

    @GetMapping("/manage/admissions/applications/{id}/withdraw")
    @PreAuthorize("hasAnyRole('ADMISSIONS_OFFICER','ADMINISTRATOR')")
    String confirmOnBehalf(@AuthenticationPrincipal CredoUser user, @PathVariable UUID id, Model model) {
        return page(model, withdrawals.find(user.organizationId(), id), false, "", null);
    }

    @PostMapping("/manage/admissions/applications/{id}/withdraw")
    @PreAuthorize("hasAnyRole('ADMISSIONS_OFFICER','ADMINISTRATOR')")
    String withdrawOnBehalf(
            @AuthenticationPrincipal CredoUser user,
            @PathVariable UUID id,
            @RequestParam(required = false) @Nullable String reason,
            Model model,
            RedirectAttributes redirect) {
        var org = user.organizationId();
        var file = withdrawals.find(org, id);
        try {
            withdrawals.onBehalf(org, id, reason);
        } catch (ProblemException e) {
            if (e.status().value() == 404) {
                throw e;
            }
            return page(model, withdrawals.find(org, id), false, reason, e);
        }
        redirect.addFlashAttribute(
                "flash", "Withdrew application " + file.number() + " on " + file.applicantName() + "'s behalf.");
        return "redirect:/manage/admissions/applications/" + id;
    }

    private static String page(
            Model model, AdmissionFile file, boolean own, @Nullable String reason, @Nullable ProblemException problem) {
        model.addAttribute("app", file);
        model.addAttribute("own", own);
        model.addAttribute(
                "base", own ? "/apply/applications/" + file.id() : "/manage/admissions/applications/" + file.id());
        model.addAttribute("reason", reason == null ? "" : reason);
        model.addAttribute("refusal", Withdrawals.refusal(file.status()));
        String field = problem == null ? null : problem.field().orElse(null);
        model.addAttribute("problemField", field);
        model.addAttribute(
                "problem",
                problem == null
                        ? null
                        : field != null && problem.getMessage().startsWith(field + ": ")
                                ? problem.getMessage().substring(field.length() + 2)
                                : problem.getMessage());
        return PAGE;
    }
}
