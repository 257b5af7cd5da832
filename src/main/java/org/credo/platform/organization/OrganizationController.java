package org.credo.platform.organization;

import jakarta.validation.Validator;
import org.credo.platform.CredoUser;
import org.credo.platform.ProblemException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Organization settings, and creating another organization, for administrators. */
@Controller
@PreAuthorize("hasRole('ADMINISTRATOR')")
class OrganizationController {

    private final OrganizationService organizations;
    private final Validator validator;

    OrganizationController(OrganizationService organizations, Validator validator) {
        this.organizations = organizations;
        this.validator = validator;
    }

    @GetMapping("/admin/organization")
    String settings(@AuthenticationPrincipal CredoUser admin, Model model) {
        var organization = organizations.find(admin.organizationId()).orElseThrow();
        model.addAttribute("form", OrganizationForm.of(organization));
        model.addAttribute("zones", Zones.ALL);
        return "platform/organization";
    }

    @PostMapping("/admin/organization")
    String save(
            @AuthenticationPrincipal CredoUser admin,
            @ModelAttribute("form") OrganizationForm form,
            BindingResult binding,
            Model model,
            RedirectAttributes redirect) {
        form.setSlug(organizations.find(admin.organizationId()).orElseThrow().slug());
        if (validate(form, binding)) {
            organizations.update(admin.organizationId(), form.settings());
            redirect.addFlashAttribute("flash", "Organization settings saved.");
            return "redirect:/admin/organization";
        }
        model.addAttribute("zones", Zones.ALL);
        return "platform/organization";
    }

    @GetMapping("/organizations/new")
    String newOrganization(Model model) {
        model.addAttribute("form", new OrganizationForm());
        model.addAttribute("zones", Zones.ALL);
        return "platform/organization-new";
    }

    @PostMapping("/organizations")
    String create(
            @AuthenticationPrincipal CredoUser admin,
            @ModelAttribute("form") OrganizationForm form,
            BindingResult binding,
            Model model,
            RedirectAttributes redirect) {
        if (validate(form, binding)) {
            try {
                var created = organizations.create(form.getSlug().trim(), form.settings(), admin.personId());
                redirect.addFlashAttribute(
                        "flash",
                        "Created " + created.name()
                                + ". You are its administrator; switch to it in the organization menu.");
                return "redirect:/";
            } catch (ProblemException e) {
                binding.rejectValue(
                        e.field().orElse("slug"), "invalid", e.getMessage().replaceFirst("^\\w+: ", ""));
            }
        }
        model.addAttribute("zones", Zones.ALL);
        return "platform/organization-new";
    }

    private boolean validate(OrganizationForm form, BindingResult binding) {
        for (var violation : validator.validate(form.settings().normalized())) {
            binding.rejectValue(violation.getPropertyPath().toString(), "invalid", violation.getMessage());
        }
        return !binding.hasErrors();
    }
}
