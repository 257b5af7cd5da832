package org.credo.catalog.web;

import java.util.Map;
import java.util.UUID;
import org.credo.catalog.approval.ApprovalChain;
import org.credo.platform.CredoUser;
import org.credo.platform.ProblemException;
import org.credo.platform.Role;
import org.jspecify.annotations.Nullable;
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

/** The approval chain settings: everyone on the catalog staff sees them; administrators change them. */
@Controller
@RequestMapping("/manage/catalog/chain")
@PreAuthorize(
        "hasAnyRole('ADMINISTRATOR','REGISTRAR','CURRICULUM_AUTHOR','COMMITTEE_MEMBER','CATALOG_EDITOR','AUDITOR')")
class ChainPages {

    private final ApprovalChain chain;

    ChainPages(ApprovalChain chain) {
        this.chain = chain;
    }

    @GetMapping
    String show(@AuthenticationPrincipal CredoUser user, Model model) {
        model.addAttribute("steps", chain.steps(user.organizationId()));
        model.addAttribute("groups", chain.groups(user.organizationId()));
        model.addAttribute("roles", Role.values());
        return "catalog/chain";
    }

    @PostMapping("/steps")
    @PreAuthorize("hasRole('ADMINISTRATOR')")
    String addStep(
            @AuthenticationPrincipal CredoUser user,
            @RequestParam(required = false) @Nullable Integer position,
            @RequestParam(defaultValue = "") String name,
            @RequestParam(defaultValue = "") String reviewer,
            RedirectAttributes redirect) {
        return act(redirect, Map.of("position", "position", "name", "name", "reviewer", "reviewer"), () -> {
            if (position == null) {
                throw ProblemException.invalidField("position", "is required: 1 for the first step");
            }
            Role role = reviewer.startsWith("role:") ? Role.valueOf(reviewer.substring(5)) : null;
            UUID group = reviewer.startsWith("group:") ? UUID.fromString(reviewer.substring(6)) : null;
            var step = chain.addStep(user.organizationId(), position, name, role, group);
            return "Step \"" + step.name() + "\" added at position " + step.position() + ".";
        });
    }

    @PostMapping("/steps/{id}/delete")
    @PreAuthorize("hasRole('ADMINISTRATOR')")
    String removeStep(@AuthenticationPrincipal CredoUser user, @PathVariable UUID id, RedirectAttributes redirect) {
        return act(redirect, Map.of(), () -> {
            chain.removeStep(user.organizationId(), id);
            return "Step removed. Proposals already in review keep the chain they were submitted into.";
        });
    }

    @PostMapping("/groups")
    @PreAuthorize("hasRole('ADMINISTRATOR')")
    String createGroup(
            @AuthenticationPrincipal CredoUser user,
            @RequestParam(defaultValue = "") String name,
            RedirectAttributes redirect) {
        return act(
                redirect,
                Map.of("name", "group-name"),
                () -> "Review group \""
                        + chain.createGroup(user.organizationId(), name).name() + "\" created.");
    }

    @PostMapping("/groups/{id}/members")
    @PreAuthorize("hasRole('ADMINISTRATOR')")
    String addMember(
            @AuthenticationPrincipal CredoUser user,
            @PathVariable UUID id,
            @RequestParam(defaultValue = "") String email,
            RedirectAttributes redirect) {
        return act(redirect, Map.of("email", "email-" + id), () -> {
            chain.addMember(user.organizationId(), id, email);
            return email.trim() + " added.";
        });
    }

    @PostMapping("/groups/{id}/members/{personId}/delete")
    @PreAuthorize("hasRole('ADMINISTRATOR')")
    String removeMember(
            @AuthenticationPrincipal CredoUser user,
            @PathVariable UUID id,
            @PathVariable UUID personId,
            RedirectAttributes redirect) {
        return act(redirect, Map.of(), () -> {
            chain.removeMember(user.organizationId(), id, personId);
            return "Member removed.";
        });
    }

    /**
     * Does the action and says how it went on the chain page; a refusal about a field links to the field, whose id on
     * the page {@code fieldIds} gives by the problem's field name.
     */
    private static String act(
            RedirectAttributes redirect, Map<String, String> fieldIds, java.util.function.Supplier<String> action) {
        try {
            redirect.addFlashAttribute("flash", action.get());
        } catch (ProblemException e) {
            redirect.addFlashAttribute("flashError", e.getMessage());
            e.field().map(fieldIds::get).ifPresent(id -> redirect.addFlashAttribute("flashErrorField", id));
        }
        return "redirect:/manage/catalog/chain";
    }
}
