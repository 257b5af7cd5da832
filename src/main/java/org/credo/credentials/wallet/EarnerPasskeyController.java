package org.credo.credentials.wallet;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
import org.credo.platform.CurrentUser;
import org.credo.platform.PasskeyCeremonies;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Earners' passkeys: {@code static/js/passkeys.js} registers one on the account page and signs in with one on the
 * sign-in page through these JSON endpoints; removing one is a form. A refusal answers {@code {"error": ...}} with a
 * sentence the page shows.
 */
@Controller
class EarnerPasskeyController {

    private final WalletPasskeys passkeys;
    private final EarnerAccounts accounts;

    EarnerPasskeyController(WalletPasskeys passkeys, EarnerAccounts accounts) {
        this.passkeys = passkeys;
        this.accounts = accounts;
    }

    @PostMapping(value = "/wallet/account/passkeys/options", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<?> registrationOptions(HttpServletRequest request) {
        var account = EarnerSession.account(request).flatMap(accounts::find);
        if (account.isEmpty()) {
            return error(HttpStatus.UNAUTHORIZED, "Sign in to your wallet first.");
        }
        return ResponseEntity.ok(passkeys.registrationOptions(request, account.get()));
    }

    @PostMapping(value = "/wallet/account/passkeys", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<?> register(HttpServletRequest request, @RequestBody String body) {
        var account = EarnerSession.account(request).flatMap(accounts::find);
        if (account.isEmpty()) {
            return error(HttpStatus.UNAUTHORIZED, "Sign in to your wallet first.");
        }
        try {
            var passkey = passkeys.register(request, account.get(), body);
            return ResponseEntity.ok(Map.of("success", true, "label", passkey.label()));
        } catch (PasskeyCeremonies.Refused e) {
            return error(HttpStatus.BAD_REQUEST, e.getMessage());
        }
    }

    @PostMapping("/wallet/account/passkeys/{id}/delete")
    String remove(@PathVariable String id, HttpServletRequest request, RedirectAttributes redirect) {
        var account = EarnerSession.account(request).flatMap(accounts::find);
        if (account.isEmpty()) {
            return "redirect:/wallet/sign-in";
        }
        passkeys.remove(account.get(), id)
                .ifPresentOrElse(
                        label -> redirect.addFlashAttribute(
                                "flash", "Passkey '" + label + "' removed; it no longer opens your wallet."),
                        () -> redirect.addFlashAttribute(
                                "flashError", "That passkey is not yours or was already removed; reload the page."));
        return "redirect:/wallet/account";
    }

    @PostMapping(value = "/wallet/sign-in/passkey/options", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<String> signInOptions(HttpServletRequest request) {
        return ResponseEntity.ok(passkeys.signInOptions(request));
    }

    @PostMapping(value = "/wallet/sign-in/passkey", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<?> signIn(HttpServletRequest request, @RequestBody String body) {
        if (CurrentUser.find().isPresent()) {
            // The wallet of a signed-in person is the one of their login's address (ADR 25).
            return error(HttpStatus.CONFLICT, "You are signed in to Credo: open My credentials instead.");
        }
        try {
            var account = passkeys.signIn(request, body);
            EarnerSession.signIn(request, account.id(), accounts.emails(account.id()));
            return ResponseEntity.ok(Map.of("authenticated", true, "redirectUrl", "/wallet"));
        } catch (PasskeyCeremonies.Refused e) {
            return error(HttpStatus.UNAUTHORIZED, e.getMessage());
        }
    }

    private static ResponseEntity<Map<String, String>> error(HttpStatus status, String message) {
        return ResponseEntity.status(status).body(Map.of("error", message));
    }
}
