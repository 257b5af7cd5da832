package org.credo.platform.people;

import jakarta.validation.Validator;
import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;
import org.credo.platform.CredoUser;
import org.credo.platform.PageQuery;
import org.credo.platform.ProblemException;
import org.credo.platform.Role;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The administrator's pages for the people of the current organization. */
@Controller
@RequestMapping("/admin/users")
@PreAuthorize("hasRole('ADMINISTRATOR')")
class UserAdminController {

    private final People people;
    private final PeopleService service;
    private final Validator validator;

    UserAdminController(People people, PeopleService service, Validator validator) {
        this.people = people;
        this.service = service;
        this.validator = validator;
    }

    @GetMapping
    String list(
            @AuthenticationPrincipal CredoUser admin,
            @RequestParam(required = false) @Nullable String q,
            @RequestParam(required = false) @Nullable Integer page,
            @RequestParam(required = false) @Nullable String sort,
            @RequestHeader(value = "HX-Request", required = false) @Nullable String htmx,
            Model model) {
        var query = PageQuery.of(page, null, sort, People.SORTABLE, true);
        model.addAttribute("members", people.members(admin.organizationId(), q, query));
        model.addAttribute("q", q == null ? "" : q);
        // htmx search swaps just the table; a normal request gets the whole page.
        return htmx != null ? "platform/users :: table" : "platform/users";
    }

    @GetMapping("/new")
    String inviteForm(Model model) {
        model.addAttribute("form", new InvitationForm());
        model.addAttribute("allRoles", Role.values());
        return "platform/user-invite";
    }

    @PostMapping
    String invite(
            @AuthenticationPrincipal CredoUser admin,
            @ModelAttribute("form") InvitationForm form,
            BindingResult binding,
            Model model,
            RedirectAttributes redirect) {
        var invitation = form.toInvitation();
        for (var violation : validator.validate(invitation)) {
            binding.rejectValue(violation.getPropertyPath().toString(), "invalid", violation.getMessage());
        }
        if (!binding.hasErrors()) {
            try {
                service.invite(admin.organizationId(), admin.organizationName(), invitation);
                redirect.addFlashAttribute("flash", "Invitation sent to " + invitation.email() + ".");
                return "redirect:/admin/users";
            } catch (ProblemException e) {
                binding.reject("problem", e.getMessage());
            }
        }
        model.addAttribute("allRoles", Role.values());
        return "platform/user-invite";
    }

    @GetMapping("/{personId}")
    String show(@AuthenticationPrincipal CredoUser admin, @PathVariable UUID personId, Model model) {
        var membership = people.membership(admin.organizationId(), personId)
                .orElseThrow(() -> ProblemException.notFound("That member"));
        model.addAttribute("person", people.findById(personId).orElseThrow());
        model.addAttribute("membership", membership);
        model.addAttribute("allRoles", Role.values());
        return "platform/user";
    }

    @PostMapping("/{personId}/roles")
    String changeRoles(
            @AuthenticationPrincipal CredoUser admin,
            @PathVariable UUID personId,
            @RequestParam(required = false) @Nullable Set<Role> roles,
            RedirectAttributes redirect) {
        try {
            service.changeRoles(admin.organizationId(), personId, roles == null ? EnumSet.noneOf(Role.class) : roles);
            redirect.addFlashAttribute("flash", "Roles saved.");
        } catch (ProblemException e) {
            redirect.addFlashAttribute("flashError", e.getMessage());
        }
        return "redirect:/admin/users/" + personId;
    }

    @PostMapping("/{personId}/deactivate")
    String deactivate(
            @AuthenticationPrincipal CredoUser admin, @PathVariable UUID personId, RedirectAttributes redirect) {
        try {
            service.deactivate(admin.organizationId(), personId, admin.personId());
            redirect.addFlashAttribute(
                    "flash", "Deactivated. They can no longer act in " + admin.organizationName() + ".");
        } catch (ProblemException e) {
            redirect.addFlashAttribute("flashError", e.getMessage());
        }
        return "redirect:/admin/users/" + personId;
    }

    @PostMapping("/{personId}/reactivate")
    String reactivate(
            @AuthenticationPrincipal CredoUser admin, @PathVariable UUID personId, RedirectAttributes redirect) {
        try {
            service.reactivate(admin.organizationId(), personId);
            redirect.addFlashAttribute("flash", "Reactivated.");
        } catch (ProblemException e) {
            redirect.addFlashAttribute("flashError", e.getMessage());
        }
        return "redirect:/admin/users/" + personId;
    }
}
