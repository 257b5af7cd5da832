package org.credo.admissions.account;

import org.credo.platform.CredoUser;
import org.credo.platform.Organizations;
import org.credo.platform.ProblemException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The organization's wording of the email that confirms an applicant's sign-up: edited with the placeholders listed,
 * a live preview for a sample applicant, and reset to Credo's wording. Sign-ups after a save use it.
 */
@Controller
@PreAuthorize("hasAnyRole('ADMISSIONS_OFFICER','ADMINISTRATOR')")
class SignUpEmailPages {

    static final String PAGE = "admissions/sign-up-email";
    static final String PREVIEW = "admissions/sign-up-email :: preview";

    private final SignUpEmails emails;
    private final Organizations organizations;

    SignUpEmailPages(SignUpEmails emails, Organizations organizations) {
        this.emails = emails;
        this.organizations = organizations;
    }

    @GetMapping("/manage/admissions/emails/sign-up")
    String page(@AuthenticationPrincipal CredoUser user, Model model) {
        var template = emails.verifyTemplate(user.organizationId());
        return show(user, model, template.subject(), template.body(), template.custom());
    }

    @PostMapping("/manage/admissions/emails/sign-up")
    String save(
            @AuthenticationPrincipal CredoUser user,
            @RequestParam(defaultValue = "") String subject,
            @RequestParam(defaultValue = "") String body,
            Model model,
            RedirectAttributes redirect) {
        try {
            emails.saveVerify(user.organizationId(), subject, body);
            redirect.addFlashAttribute("flash", "Saved the sign-up confirmation email; sign-ups from now on use it.");
            return "redirect:/manage/admissions/emails/sign-up";
        } catch (ProblemException e) {
            model.addAttribute("error", e.field().orElse("body"));
            model.addAttribute("errorMessage", message(e));
            return show(user, model, subject, body, true);
        }
    }

    @PostMapping("/manage/admissions/emails/sign-up/reset")
    String reset(@AuthenticationPrincipal CredoUser user, RedirectAttributes redirect) {
        emails.resetVerify(user.organizationId());
        redirect.addFlashAttribute("flash", "The sign-up confirmation email is Credo's again.");
        return "redirect:/manage/admissions/emails/sign-up";
    }

    @PostMapping("/manage/admissions/emails/sign-up/preview")
    String preview(
            @AuthenticationPrincipal CredoUser user,
            @RequestParam(defaultValue = "") String subject,
            @RequestParam(defaultValue = "") String body,
            Model model) {
        try {
            SignUpEmails.validate(subject, body);
        } catch (ProblemException e) {
            model.addAttribute("previewError", message(e));
        }
        model.addAttribute("preview", SignUpEmails.preview(organizationName(user), subject, body));
        return PREVIEW;
    }

    private String show(CredoUser user, Model model, String subject, String body, boolean custom) {
        model.addAttribute("fields", SignUpEmails.VERIFY_FIELDS);
        model.addAttribute("subject", subject);
        model.addAttribute("body", body);
        model.addAttribute("custom", custom);
        model.addAttribute("preview", SignUpEmails.preview(organizationName(user), subject, body));
        return PAGE;
    }

    private String organizationName(CredoUser user) {
        return organizations.find(user.organizationId()).map(o -> o.name()).orElse("Your organization");
    }

    private static String message(ProblemException e) {
        return e.getMessage().replaceFirst("^[A-Za-z]+: ", "");
    }
}
