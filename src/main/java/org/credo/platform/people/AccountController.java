package org.credo.platform.people;

import org.credo.platform.ProblemException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Pages a person uses without being signed in: accepting an invitation and resetting a password. */
@Controller
class AccountController {

    private final PeopleService people;

    AccountController(PeopleService people) {
        this.people = people;
    }

    @GetMapping("/invitations/{token}")
    String invitation(@PathVariable String token, Model model) {
        try {
            model.addAttribute("email", people.invitationEmail(token));
            model.addAttribute("token", token);
        } catch (ProblemException e) {
            model.addAttribute("linkError", e.getMessage());
        }
        return "platform/invitation";
    }

    @PostMapping("/invitations/{token}")
    String acceptInvitation(
            @PathVariable String token,
            @RequestParam String password,
            @RequestParam String passwordConfirmation,
            Model model,
            RedirectAttributes redirect) {
        try {
            if (!password.equals(passwordConfirmation)) {
                throw ProblemException.invalidField(
                        "passwordConfirmation", "the two passwords differ; type the same one twice.");
            }
            people.acceptInvitation(token, password);
        } catch (ProblemException e) {
            model.addAttribute("token", token);
            model.addAttribute("formError", e.getMessage());
            e.field().ifPresent(f -> model.addAttribute("errorField", f));
            try {
                model.addAttribute("email", people.invitationEmail(token));
            } catch (ProblemException linkProblem) {
                model.addAttribute("linkError", linkProblem.getMessage());
            }
            return "platform/invitation";
        }
        redirect.addFlashAttribute("flash", "Your password is set. Sign in to continue.");
        return "redirect:/login";
    }

    @GetMapping("/password/forgot")
    String forgot() {
        return "platform/password-forgot";
    }

    @PostMapping("/password/forgot")
    String requestReset(@RequestParam String email, Model model) {
        if (email.isBlank() || !email.contains("@")) {
            model.addAttribute("formError", "Type the email address you sign in with.");
            model.addAttribute("email", email);
            return "platform/password-forgot";
        }
        people.requestPasswordReset(email);
        model.addAttribute("sent", true);
        model.addAttribute("email", email);
        return "platform/password-forgot";
    }

    @GetMapping("/password/reset")
    String resetForm(@RequestParam(defaultValue = "") String token, Model model) {
        try {
            people.checkPasswordResetToken(token);
            model.addAttribute("token", token);
        } catch (ProblemException e) {
            model.addAttribute("linkError", e.getMessage());
        }
        return "platform/password-reset";
    }

    @PostMapping("/password/reset")
    String reset(
            @RequestParam String token,
            @RequestParam String password,
            @RequestParam String passwordConfirmation,
            Model model,
            RedirectAttributes redirect) {
        try {
            if (!password.equals(passwordConfirmation)) {
                throw ProblemException.invalidField(
                        "passwordConfirmation", "the two passwords differ; type the same one twice.");
            }
            people.resetPassword(token, password);
        } catch (ProblemException e) {
            model.addAttribute("token", token);
            if (e.field().isPresent()) {
                model.addAttribute("formError", e.getMessage());
                model.addAttribute("errorField", e.field().get());
            } else {
                model.addAttribute("linkError", e.getMessage());
            }
            return "platform/password-reset";
        }
        redirect.addFlashAttribute("flash", "Your password is changed. Sign in with the new one.");
        return "redirect:/login";
    }
}
