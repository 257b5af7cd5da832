package org.credo.admissions.account;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import org.credo.platform.ProblemException;
import org.jspecify.annotations.Nullable;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The applicant's sign-up pages: the form, the "check your email" answer (the same for every address), and the
 * confirmation link, which signs the new applicant in and sends them to {@code /apply}.
 */
@Controller
class SignUpPages {

    static final String FORM = "admissions/sign-up";
    static final String SENT = "admissions/sign-up-sent";
    static final String VERIFY = "admissions/sign-up-verify";

    private final ApplicantSignUps signUps;
    private final SecurityContextRepository contexts;

    SignUpPages(ApplicantSignUps signUps, SecurityContextRepository contexts) {
        this.signUps = signUps;
        this.contexts = contexts;
    }

    @GetMapping("/apply/sign-up")
    String form(
            @RequestParam(required = false) @Nullable String program,
            @RequestParam(name = "org", required = false) @Nullable String organization,
            Model model) {
        model.addAttribute("signUp", SignUp.empty(program, organization));
        return form(model, program, organization);
    }

    @PostMapping("/apply/sign-up")
    String signUp(
            @Valid @ModelAttribute("signUp") SignUp signUp,
            BindingResult binding,
            HttpServletRequest request,
            Model model) {
        if (!binding.hasErrors()) {
            try {
                signUps.request(signUp, request.getRemoteAddr());
                model.addAttribute("email", ApplicantSignUps.normalize(signUp.email()));
                model.addAttribute(
                        "organizationName",
                        signUps.organization(signUp.organization()).name());
                return SENT;
            } catch (ProblemException e) {
                binding.rejectValue(e.field().orElse("email"), "invalid", fieldMessage(e));
            }
        }
        return form(model, signUp.program(), signUp.organization());
    }

    @GetMapping("/apply/sign-up/verify")
    String confirm(@RequestParam(defaultValue = "") String token, Model model) {
        try {
            model.addAttribute("pending", signUps.peek(token));
            model.addAttribute("token", token);
        } catch (ProblemException e) {
            model.addAttribute("linkError", e.getMessage());
        }
        return VERIFY;
    }

    @PostMapping("/apply/sign-up/verify")
    String verify(
            @RequestParam(defaultValue = "") String token,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model) {
        ApplicantSignUps.Verified verified;
        try {
            verified = signUps.verify(token);
        } catch (ProblemException e) {
            model.addAttribute("linkError", e.getMessage());
            return VERIFY;
        }
        if (verified instanceof ApplicantSignUps.Verified.Opened opened) {
            var user = opened.user();
            if (request.getSession(false) != null) {
                // A new session id on signing in, so a session id planted before cannot ride along.
                request.changeSessionId();
            }
            var context = SecurityContextHolder.createEmptyContext();
            context.setAuthentication(
                    UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
            SecurityContextHolder.setContext(context);
            contexts.saveContext(context, request, response);
            return "redirect:/apply";
        }
        model.addAttribute("alreadyAccount", ((ApplicantSignUps.Verified.AlreadyAccount) verified).email());
        return VERIFY;
    }

    private String form(Model model, @Nullable String program, @Nullable String slug) {
        try {
            var organization = signUps.organization(slug);
            model.addAttribute("organizationName", organization.name());
            signUps.programName(organization, program).ifPresent(name -> model.addAttribute("programName", name));
        } catch (ProblemException e) {
            model.addAttribute("organizationError", e.getMessage());
        }
        return FORM;
    }

    private static String fieldMessage(ProblemException e) {
        var message = e.getMessage();
        var field = e.field();
        return field.isPresent() && message != null && message.startsWith(field.get() + ": ")
                ? message.substring(field.get().length() + 2)
                : message == null ? "check this field." : message;
    }
}
