package org.credo.admissions.web;

import org.credo.admissions.decision.Outcome;
import org.credo.admissions.release.LetterTemplates;
import org.credo.platform.CredoUser;
import org.credo.platform.Organizations;
import org.credo.platform.ProblemException;
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
 * The organization's decision email and letter per outcome: edited with the merge fields listed, a live preview for a
 * sample applicant, and reset to Credo's wording. A change applies to decisions released after it.
 */
@Controller
@PreAuthorize("hasAnyRole('ADMISSIONS_OFFICER','ADMINISTRATOR')")
class LetterPages {

    static final String PAGE = "admissions/letters";
    static final String PREVIEW = "admissions/letters :: preview";

    private final LetterTemplates templates;
    private final Organizations organizations;

    LetterPages(LetterTemplates templates, Organizations organizations) {
        this.templates = templates;
        this.organizations = organizations;
    }

    @GetMapping("/manage/admissions/letters")
    String page(
            @AuthenticationPrincipal CredoUser user,
            @RequestParam(defaultValue = "ADMIT") Outcome outcome,
            Model model) {
        var t = templates.all(user.organizationId()).get(outcome);
        return show(user, model, outcome, t.subject(), t.emailBody(), t.letterBody());
    }

    @PostMapping("/manage/admissions/letters/{outcome}")
    String save(
            @AuthenticationPrincipal CredoUser user,
            @PathVariable Outcome outcome,
            @RequestParam(defaultValue = "") String subject,
            @RequestParam(defaultValue = "") String emailBody,
            @RequestParam(defaultValue = "") String letterBody,
            Model model,
            RedirectAttributes redirect) {
        try {
            templates.save(user.organizationId(), outcome, subject, emailBody, letterBody);
            redirect.addFlashAttribute(
                    "flash",
                    "Saved the " + outcome.label().toLowerCase(java.util.Locale.ROOT)
                            + " email and letter; decisions released from now on use them.");
            return "redirect:/manage/admissions/letters?outcome=" + outcome.name();
        } catch (ProblemException e) {
            model.addAttribute("error", e.field().orElse("subject"));
            model.addAttribute("errorMessage", message(e));
            return show(user, model, outcome, subject, emailBody, letterBody);
        }
    }

    @PostMapping("/manage/admissions/letters/{outcome}/reset")
    String reset(@AuthenticationPrincipal CredoUser user, @PathVariable Outcome outcome, RedirectAttributes redirect) {
        templates.reset(user.organizationId(), outcome);
        redirect.addFlashAttribute(
                "flash",
                "The " + outcome.label().toLowerCase(java.util.Locale.ROOT) + " email and letter are Credo's again.");
        return "redirect:/manage/admissions/letters?outcome=" + outcome.name();
    }

    @PostMapping("/manage/admissions/letters/{outcome}/preview")
    String preview(
            @AuthenticationPrincipal CredoUser user,
            @PathVariable Outcome outcome,
            @RequestParam(defaultValue = "") String subject,
            @RequestParam(defaultValue = "") String emailBody,
            @RequestParam(defaultValue = "") String letterBody,
            Model model) {
        try {
            templates.validate(subject, emailBody, letterBody);
        } catch (ProblemException e) {
            model.addAttribute("previewError", message(e));
        }
        model.addAttribute("preview", templates.preview(organizationName(user), subject, emailBody, letterBody));
        return PREVIEW;
    }

    private String show(
            CredoUser user, Model model, Outcome outcome, String subject, String emailBody, String letterBody) {
        var defaults = templates.defaults(outcome);
        model.addAttribute("outcomes", Outcome.values());
        model.addAttribute("outcome", outcome);
        model.addAttribute("fields", LetterTemplates.FIELDS);
        model.addAttribute("subject", subject);
        model.addAttribute("emailBody", emailBody);
        model.addAttribute("letterBody", letterBody);
        model.addAttribute(
                "custom",
                !(defaults.subject().equals(subject.strip())
                        && defaults.emailBody().equals(emailBody.strip())
                        && defaults.letterBody().equals(letterBody.strip())));
        model.addAttribute("preview", templates.preview(organizationName(user), subject, emailBody, letterBody));
        return PAGE;
    }

    private String organizationName(CredoUser user) {
        return organizations.find(user.organizationId()).map(o -> o.name()).orElse("Your organization");
    }

    private static String message(ProblemException e) {
        return e.getMessage().replaceFirst("^[A-Za-z]+: ", "");
    }
}
