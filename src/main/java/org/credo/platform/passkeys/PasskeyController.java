package org.credo.platform.passkeys;

import org.credo.platform.CredoUser;
import org.credo.platform.ProblemException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The signed-in user's passkeys; the browser registers new ones through Spring Security's endpoints. */
@Controller
class PasskeyController {

    static final String VIEW = "platform/passkeys";

    private final Passkeys passkeys;

    PasskeyController(Passkeys passkeys) {
        this.passkeys = passkeys;
    }

    @GetMapping("/account/passkeys")
    String list(@AuthenticationPrincipal CredoUser user, Model model) {
        model.addAttribute("passkeys", passkeys.of(user));
        return VIEW;
    }

    @PostMapping("/account/passkeys/{id}/delete")
    String delete(@AuthenticationPrincipal CredoUser user, @PathVariable String id, RedirectAttributes redirect) {
        try {
            var label = passkeys.delete(user, id);
            redirect.addFlashAttribute("flash", "Passkey '" + label + "' deleted; it no longer signs you in.");
        } catch (ProblemException | IllegalArgumentException e) {
            redirect.addFlashAttribute("flashError", "That passkey is not yours or no longer exists; reload the page.");
        }
        return "redirect:/account/passkeys";
    }
}
