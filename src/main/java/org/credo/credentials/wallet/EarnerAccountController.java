package org.credo.credentials.wallet;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Pattern;
import org.credo.credentials.EarnerProfileChanged;
import org.credo.credentials.issuance.IssuedCredential;
import org.credo.credentials.issuance.IssuedCredentials;
import org.credo.platform.ProblemException;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Signing in to the wallet (password or emailed link) and the earner's own settings: addresses, password, and the
 * public profile with the credentials it shows.
 */
@Controller
class EarnerAccountController {

    static final Pattern EMAIL = Pattern.compile("^[^@\\s]{1,64}@[^@\\s]+\\.[^@\\s]+$");
    static final Pattern HANDLE = Pattern.compile("^[a-z0-9](?:[a-z0-9-]{1,38}[a-z0-9])$");
    static final int MIN_PASSWORD = 12;

    private final Earners earners;
    private final EarnerAccounts accounts;
    private final IssuedCredentials credentials;
    private final ApplicationEventPublisher events;
    private final WalletPasskeys passkeys;

    EarnerAccountController(
            Earners earners,
            EarnerAccounts accounts,
            IssuedCredentials credentials,
            ApplicationEventPublisher events,
            WalletPasskeys passkeys) {
        this.earners = earners;
        this.accounts = accounts;
        this.credentials = credentials;
        this.events = events;
        this.passkeys = passkeys;
    }

    @GetMapping("/wallet/sign-in")
    String signInPage(HttpServletRequest request, Model model) {
        if (EarnerSession.account(request).isPresent()
                || org.credo.platform.CurrentUser.find().isPresent()) {
            return "redirect:/wallet";
        }
        model.addAttribute("email", "");
        return "wallet/sign-in";
    }

    @PostMapping("/wallet/sign-in/password")
    String passwordSignIn(
            @RequestParam(defaultValue = "") String email,
            @RequestParam(defaultValue = "") String password,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model) {
        var account = email.isBlank() || password.isEmpty() || password.length() > 200
                ? java.util.Optional.<EarnerAccounts.Account>empty()
                : earners.passwordSignIn(email, password, request.getRemoteAddr());
        if (account.isEmpty()) {
            // 400, not 401: a page answer to a form, and 401 would ask the browser for HTTP authentication.
            response.setStatus(400);
            model.addAttribute("email", email);
            model.addAttribute(
                    "passwordError",
                    "That email address and password do not match, or password sign-in is paused for 15 minutes after"
                            + " too many tries (for this address or from your network). Ask for a sign-in link instead,"
                            + " or use a passkey.");
            return "wallet/sign-in";
        }
        EarnerSession.signIn(
                request, account.get().id(), accounts.emails(account.get().id()));
        return "redirect:/wallet";
    }

    /** The same answer whether or not the address is known, so the page cannot be used to find earners. */
    @PostMapping("/wallet/sign-in/link")
    String requestLink(
            @RequestParam(defaultValue = "") String email,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model) {
        if (!EMAIL.matcher(email.trim()).matches() || email.length() > 320) {
            response.setStatus(400);
            model.addAttribute("email", email);
            model.addAttribute("linkError", "Enter an email address, such as name@example.org.");
            return "wallet/sign-in";
        }
        earners.sendSignInLink(email, request.getRemoteAddr());
        model.addAttribute("email", email.trim());
        model.addAttribute("minutes", EarnerLinks.VALIDITY.toMinutes());
        return "wallet/link-sent";
    }

    /** Shows a button rather than signing in at once: mail scanners that open links must not use them up. */
    @GetMapping("/wallet/sign-in/{token}")
    String linkPage(@PathVariable String token, HttpServletResponse response, Model model) {
        var check = earners.peekSignIn(token);
        if (check.outcome() != ClaimLinks.Outcome.VALID) {
            return refused(check.outcome(), response, model);
        }
        model.addAttribute("token", token);
        return "wallet/sign-in-link";
    }

    @PostMapping("/wallet/sign-in/{token}")
    String useLink(@PathVariable String token, HttpServletRequest request, HttpServletResponse response, Model model) {
        var check = earners.redeemSignIn(token);
        var account = check.outcome() == ClaimLinks.Outcome.VALID && check.email() != null
                ? earners.accountOf(check.email())
                : java.util.Optional.<EarnerAccounts.Account>empty();
        if (account.isEmpty()) {
            return refused(
                    check.outcome() == ClaimLinks.Outcome.VALID ? ClaimLinks.Outcome.UNKNOWN : check.outcome(),
                    response,
                    model);
        }
        EarnerSession.signIn(
                request, account.get().id(), accounts.emails(account.get().id()));
        return "redirect:/wallet";
    }

    @GetMapping("/wallet/account")
    String account(HttpServletRequest request, Model model) {
        var account = EarnerSession.account(request).flatMap(accounts::find);
        if (account.isEmpty()) {
            return "redirect:/wallet/sign-in";
        }
        fill(model, account.get());
        return "wallet/account";
    }

    @PostMapping("/wallet/account/emails")
    String addEmail(
            @RequestParam(defaultValue = "") String email,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model,
            RedirectAttributes redirect) {
        var account = require(request);
        if (!EMAIL.matcher(email.trim()).matches() || email.length() > 320) {
            return form(
                    response,
                    model,
                    account,
                    "newEmail",
                    email,
                    "emailError",
                    "Enter an email address, such as name@example.org.");
        }
        var result = earners.requestEmail(account.id(), email);
        return switch (result) {
            case TAKEN ->
                form(
                        response,
                        model,
                        account,
                        "newEmail",
                        email,
                        "emailError",
                        "Another person already verified this address in Credo, so it cannot be added to your wallet."
                                + " If it is yours, sign in with it instead.");
            case ALREADY_YOURS ->
                form(
                        response,
                        model,
                        account,
                        "newEmail",
                        email,
                        "emailError",
                        "This address is already in your wallet.");
            case THROTTLED ->
                form(
                        response,
                        model,
                        account,
                        "newEmail",
                        email,
                        "emailError",
                        "We sent several links to this address just now; use one of them or try again in 15 minutes.");
            case SENT -> {
                redirect.addFlashAttribute(
                        "flash",
                        "We sent a link to " + email.trim() + ". Open it within " + EarnerLinks.VALIDITY.toMinutes()
                                + " minutes to add the address.");
                yield "redirect:/wallet/account";
            }
        };
    }

    @GetMapping("/wallet/account/emails/verify/{token}")
    String verifyPage(@PathVariable String token, HttpServletResponse response, Model model) {
        var check = earners.peekVerify(token);
        if (check.outcome() != ClaimLinks.Outcome.VALID) {
            return refused(check.outcome(), response, model);
        }
        model.addAttribute("token", token);
        model.addAttribute("email", check.email());
        return "wallet/verify-email";
    }

    @PostMapping("/wallet/account/emails/verify/{token}")
    String verify(
            @PathVariable String token,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model,
            RedirectAttributes redirect) {
        var verified = earners.verify(token);
        if (verified.outcome() != ClaimLinks.Outcome.VALID) {
            return refused(verified.outcome(), response, model);
        }
        if (verified.taken()) {
            response.setStatus(409);
            model.addAttribute(
                    "reason",
                    "Another person verified " + verified.email() + " first, so it was not added to your wallet.");
            return "wallet/claim-refused";
        }
        EarnerSession.account(request).ifPresent(id -> EarnerSession.refresh(request, accounts.emails(id)));
        redirect.addFlashAttribute(
                "flash", verified.email() + " is verified: your wallet now shows the credentials issued to it.");
        return EarnerSession.account(request).isPresent() ? "redirect:/wallet" : "redirect:/wallet/sign-in";
    }

    @PostMapping("/wallet/account/password")
    String password(
            @RequestParam(required = false) @Nullable String current,
            @RequestParam(defaultValue = "") String password,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model,
            RedirectAttributes redirect) {
        var account = require(request);
        if (password.length() < MIN_PASSWORD || password.length() > 200) {
            return form(
                    response,
                    model,
                    account,
                    null,
                    null,
                    "passwordError",
                    "Choose a password of " + MIN_PASSWORD + " to 200 characters.");
        }
        if (!earners.setPassword(account.id(), current, password)) {
            return form(response, model, account, null, null, "currentError", "Your current password is not right.");
        }
        redirect.addFlashAttribute("flash", "Your password is saved: you can sign in with it from now on.");
        return "redirect:/wallet/account";
    }

    @PostMapping("/wallet/account/profile")
    @Transactional
    String profile(
            @RequestParam(defaultValue = "") String handle,
            @RequestParam(defaultValue = "false") boolean enabled,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model,
            RedirectAttributes redirect) {
        var account = require(request);
        var chosen = handle.trim().toLowerCase(Locale.ROOT);
        if (!HANDLE.matcher(chosen).matches()) {
            return form(
                    response,
                    model,
                    account,
                    "handle",
                    handle,
                    "handleError",
                    "Use 3 to 40 letters, digits or hyphens, starting and ending with a letter or digit.");
        }
        if (accounts.handleTaken(chosen, account.id())) {
            return form(
                    response,
                    model,
                    account,
                    "handle",
                    handle,
                    "handleError",
                    "Someone else uses this name; choose another.");
        }
        accounts.setProfile(account.id(), chosen, enabled);
        events.publishEvent(new EarnerProfileChanged(
                Earners.stamp(account), account.id(), "Public profile /p/" + chosen + (enabled ? " on" : " off")));
        redirect.addFlashAttribute(
                "flash",
                enabled
                        ? "Your public profile is on at /p/" + chosen + "; it shows only the credentials you choose."
                        : "Your public profile is off: nobody can see it.");
        return "redirect:/wallet/account";
    }

    /** Shows or hides one of the earner's credentials on the public profile; a revoked one is never shown. */
    @PostMapping("/wallet/credentials/{id}/profile")
    @Transactional
    String showOnProfile(
            @PathVariable UUID id,
            @RequestParam boolean shown,
            HttpServletRequest request,
            RedirectAttributes redirect) {
        var account = require(request);
        IssuedCredential credential = credentials
                .findAnywhere(id)
                .filter(c -> EarnerSession.owns(request, c.recipientEmail()))
                .orElseThrow(() -> ProblemException.notFound("That credential"));
        if (shown && credential.state() == IssuedCredential.State.REVOKED) {
            redirect.addFlashAttribute("flashError", "A revoked credential cannot be shown on your profile.");
            return "redirect:/wallet/credentials/" + id;
        }
        if (accounts.showOnProfile(account.id(), id, shown)) {
            events.publishEvent(new EarnerProfileChanged(
                    Earners.stamp(account),
                    account.id(),
                    (shown ? "Shows " : "Hides ") + credential.achievementName() + " on the public profile"));
        }
        redirect.addFlashAttribute(
                "flash",
                shown
                        ? (account.profileEnabled()
                                ? "Your public profile shows this credential."
                                : "Your profile will show this credential once you turn the profile on.")
                        : "Your public profile no longer shows this credential.");
        return "redirect:/wallet/credentials/" + id;
    }

    private EarnerAccounts.Account require(HttpServletRequest request) {
        return EarnerSession.account(request)
                .flatMap(accounts::find)
                .orElseThrow(() -> ProblemException.notFound("Your wallet"));
    }

    private String form(
            HttpServletResponse response,
            Model model,
            EarnerAccounts.Account account,
            @Nullable String field,
            @Nullable String value,
            String errorName,
            String error) {
        response.setStatus(400);
        fill(model, account);
        if (field != null) {
            model.addAttribute(field, value);
        }
        model.addAttribute(errorName, error);
        return "wallet/account";
    }

    private void fill(Model model, EarnerAccounts.Account account) {
        model.addAttribute("account", account);
        model.addAttribute("emails", accounts.emails(account.id()));
        model.addAttribute("passkeys", passkeys.of(account.id()));
        model.addAttribute("credoLogin", org.credo.platform.CurrentUser.find().isPresent());
        if (!model.containsAttribute("newEmail")) {
            model.addAttribute("newEmail", "");
        }
        if (!model.containsAttribute("handle")) {
            model.addAttribute("handle", account.handle() == null ? "" : account.handle());
        }
    }

    private static String refused(ClaimLinks.Outcome outcome, HttpServletResponse response, Model model) {
        response.setStatus(outcome == ClaimLinks.Outcome.UNKNOWN ? 404 : 410);
        model.addAttribute(
                "reason",
                switch (outcome) {
                    case USED -> "This link was already used. Each link works once; ask for a new one.";
                    case EXPIRED ->
                        "This link has expired. Links work for " + EarnerLinks.VALIDITY.toMinutes()
                                + " minutes; ask for a new one.";
                    default -> "This link is not valid.";
                });
        return "wallet/claim-refused";
    }
}
