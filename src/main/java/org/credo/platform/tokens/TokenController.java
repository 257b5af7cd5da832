package org.credo.platform.tokens;

import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;
import org.credo.platform.CredoUser;
import org.credo.platform.ProblemException;
import org.credo.platform.Role;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The signed-in user's personal access tokens. */
@Controller
class TokenController {

    private final ApiTokenService tokens;
    private final TokenOwners owners;

    TokenController(ApiTokenService tokens, TokenOwners owners) {
        this.tokens = tokens;
        this.owners = owners;
    }

    @GetMapping("/account/tokens")
    String list(@AuthenticationPrincipal CredoUser user, Model model) {
        model.addAttribute("tokens", tokens.list(user));
        model.addAttribute("myRoles", user.roles());
        return "platform/tokens";
    }

    @PostMapping("/account/tokens")
    String create(
            @AuthenticationPrincipal CredoUser user,
            @RequestParam String name,
            @RequestParam(required = false) @Nullable Set<Role> roles,
            @RequestParam(defaultValue = "90") int expiresInDays,
            @RequestParam(required = false) @Nullable UUID organization,
            Model model) {
        try {
            if (name.isBlank()) {
                throw ProblemException.invalidField(
                        "name", "give the token a name you will recognise, such as 'CI import'.");
            }
            if (expiresInDays < 1 || expiresInDays > 365) {
                throw ProblemException.invalidField("expiresInDays", "choose between 1 and 365 days.");
            }
            // The organization the page showed, even if another tab has switched the session since.
            var owner = owners.in(user.personId(), organization);
            var created = tokens.create(
                    owner,
                    new ApiTokenRequest(name, roles == null ? EnumSet.noneOf(Role.class) : roles, expiresInDays));
            model.addAttribute("created", created);
            model.addAttribute("createdIn", owner.organizationName());
        } catch (ProblemException e) {
            model.addAttribute("formError", e.getMessage());
            // The field the error summary links to: the one named, when the form has it.
            model.addAttribute(
                    "formField",
                    e.field()
                            .filter(f -> f.equals("expiresInDays") || f.equals("roles"))
                            .orElse("name"));
            model.addAttribute("name", name);
        }
        model.addAttribute("tokens", tokens.list(user));
        model.addAttribute("myRoles", user.roles());
        return "platform/tokens";
    }

    @PostMapping("/account/tokens/{id}/revoke")
    String revoke(@AuthenticationPrincipal CredoUser user, @PathVariable UUID id, RedirectAttributes redirect) {
        try {
            tokens.revoke(user, id);
            redirect.addFlashAttribute("flash", "Token revoked; it stops working at once.");
        } catch (ProblemException e) {
            redirect.addFlashAttribute("flashError", e.getMessage());
        }
        return "redirect:/account/tokens";
    }
}
