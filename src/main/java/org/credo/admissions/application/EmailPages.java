package org.credo.admissions.application;

import org.credo.platform.CredoUser;
import org.credo.platform.ProblemException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The organization's wording of the email confirming a submitted application. */
@Controller
@PreAuthorize("hasAnyRole('ADMISSIONS_OFFICER','ADMINISTRATOR')")
class EmailPages {

    static final String KIND = "APPLICATION_SUBMITTED";

    private final AdmissionEmails emails;

    EmailPages(AdmissionEmails emails) {
        this.emails = emails;
    }

    @GetMapping("/manage/admissions/emails")
    String page(@AuthenticationPrincipal CredoUser user, Model model) {
        var template = emails.template(user.organizationId(), KIND);
        model.addAttribute("subject", template.subject());
        model.addAttribute("body", template.body());
        model.addAttribute("custom", template.custom());
        return "admissions/emails";
    }

    @PostMapping("/manage/admissions/emails")
    String save(
            @AuthenticationPrincipal CredoUser user,
            @RequestParam(defaultValue = "") String subject,
            @RequestParam(defaultValue = "") String body,
            Model model,
            RedirectAttributes redirect) {
        try {
            emails.save(user.organizationId(), KIND, subject, body);
            redirect.addFlashAttribute("flash", "Saved the confirmation email.");
            return "redirect:/manage/admissions/emails";
        } catch (ProblemException e) {
            model.addAttribute("subject", subject);
            model.addAttribute("body", body);
            model.addAttribute("custom", true);
            model.addAttribute("error", e.field().orElse("subject"));
            model.addAttribute("errorMessage", e.getMessage().replaceFirst("^[A-Za-z]+: ", ""));
            return "admissions/emails";
        }
    }
}
