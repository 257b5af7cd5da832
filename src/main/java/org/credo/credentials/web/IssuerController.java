package org.credo.credentials.web;

import java.util.UUID;
import org.credo.credentials.issuer.IssuancePolicy;
import org.credo.credentials.issuer.Issuers;
import org.credo.platform.CredoUser;
import org.credo.platform.ProblemException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The administrator's view of the organization's issuer: DIDs, keys, rotation and retirement. */
@Controller
@RequestMapping("/manage/issuer")
@PreAuthorize("hasRole('ADMINISTRATOR')")
class IssuerController {

    private final Issuers issuers;

    IssuerController(Issuers issuers) {
        this.issuers = issuers;
    }

    @GetMapping
    String show(@AuthenticationPrincipal CredoUser user, Model model) {
        var issuer = issuers.issuer(user.organizationId());
        model.addAttribute("issuer", issuer);
        model.addAttribute("didWeb", issuers.didWeb(issuer.organization()));
        model.addAttribute("didKey", issuer.key().didKey().did());
        model.addAttribute("keys", issuers.keys(user.organizationId()));
        model.addAttribute("policy", issuers.policy(user.organizationId()));
        model.addAttribute("zone", user.zone());
        return "credentials/issuer";
    }

    @PostMapping("/rotate")
    String rotate(@AuthenticationPrincipal CredoUser user, RedirectAttributes redirect) {
        var key = issuers.rotate(user.organizationId());
        redirect.addFlashAttribute(
                "flash",
                "Key " + key.keyNumber() + " signs from now on; older keys stay published until you retire them.");
        return "redirect:/manage/issuer";
    }

    @PostMapping("/keys/{keyId}/retire")
    String retire(@AuthenticationPrincipal CredoUser user, @PathVariable UUID keyId, RedirectAttributes redirect) {
        try {
            issuers.retire(user.organizationId(), keyId);
            redirect.addFlashAttribute("flash", "Key retired. Credentials it signed no longer verify.");
        } catch (ProblemException e) {
            redirect.addFlashAttribute("flashError", e.getMessage());
        }
        return "redirect:/manage/issuer";
    }

    @PostMapping("/profile")
    String profile(
            @AuthenticationPrincipal CredoUser user,
            @RequestParam(defaultValue = "") String description,
            @RequestParam(defaultValue = "") String imageUrl,
            RedirectAttributes redirect) {
        try {
            issuers.describe(user.organizationId(), description, imageUrl);
            redirect.addFlashAttribute("flash", "Issuer profile saved; new credentials carry it.");
        } catch (ProblemException e) {
            redirect.addFlashAttribute("flashError", e.getMessage());
        }
        return "redirect:/manage/issuer";
    }

    @PostMapping("/policy")
    String policy(
            @AuthenticationPrincipal CredoUser user,
            @RequestParam(defaultValue = "false") boolean generalCredentials,
            @RequestParam(defaultValue = "false") boolean suspensionEntries,
            RedirectAttributes redirect) {
        issuers.usePolicy(user.organizationId(), new IssuancePolicy(generalCredentials, suspensionEntries));
        redirect.addFlashAttribute("flash", "Issuing settings saved; new credentials follow them.");
        return "redirect:/manage/issuer";
    }

    @PostMapping("/did-method")
    String didMethod(
            @AuthenticationPrincipal CredoUser user, @RequestParam String method, RedirectAttributes redirect) {
        try {
            issuers.useDidMethodNow(user.organizationId(), method);
            redirect.addFlashAttribute("flash", "New credentials are issued as did:" + method + ".");
        } catch (ProblemException e) {
            redirect.addFlashAttribute("flashError", e.getMessage());
        }
        return "redirect:/manage/issuer";
    }
}
