package org.credo.platform.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.UUID;
import org.credo.platform.CredoUser;
import org.credo.platform.people.Accounts;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Lets a person who belongs to several organizations act in another one. */
@Controller
class OrganizationSwitchController {

    private final Accounts accounts;
    private final SecurityContextRepository contexts;

    OrganizationSwitchController(Accounts accounts, SecurityContextRepository contexts) {
        this.accounts = accounts;
        this.contexts = contexts;
    }

    @PostMapping("/organizations/switch")
    String switchOrganization(
            @AuthenticationPrincipal CredoUser user,
            @RequestParam UUID organizationId,
            HttpServletRequest request,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        var switched = accounts.switchTo(user.personId(), organizationId);
        if (switched.isEmpty()) {
            redirect.addFlashAttribute("flashError", "You are not an active member of that organization.");
            return "redirect:/";
        }
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                switched.get(), null, switched.get().getAuthorities()));
        SecurityContextHolder.setContext(context);
        contexts.saveContext(context, request, response);
        redirect.addFlashAttribute(
                "flash", "You are now working in " + switched.get().organizationName() + ".");
        return "redirect:/";
    }
}
