package org.credo.platform.branding;

import org.credo.platform.CredoUser;
import org.credo.platform.ProblemException;
import org.credo.platform.UploadLimit;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The organization's logo and colours, set once by an administrator. */
@Controller
@PreAuthorize("hasRole('ADMINISTRATOR')")
class BrandingController {

    static final String VIEW = "platform/branding";

    private final BrandingService brandings;

    BrandingController(BrandingService brandings) {
        this.brandings = brandings;
    }

    @GetMapping("/admin/organization/branding")
    String page(@AuthenticationPrincipal CredoUser admin, Model model) {
        var branding = brandings.of(admin.organizationId());
        model.addAttribute("form", BrandingForm.of(branding));
        model.addAttribute("current", branding);
        return VIEW;
    }

    @PostMapping("/admin/organization/branding")
    String colours(
            @AuthenticationPrincipal CredoUser admin,
            @ModelAttribute("form") BrandingForm form,
            BindingResult binding,
            Model model,
            RedirectAttributes redirect) {
        try {
            brandings.colours(admin.organizationId(), form.getPrimaryColour(), form.getAccentColour());
            redirect.addFlashAttribute("flash", "Colours saved: public pages and certificates use them now.");
            return "redirect:/admin/organization/branding";
        } catch (ProblemException e) {
            binding.rejectValue(
                    e.field().orElse("primaryColour"), "invalid", e.getMessage().replaceFirst("^\\w+: ", ""));
        }
        model.addAttribute("current", brandings.of(admin.organizationId()));
        return VIEW;
    }

    @PostMapping("/admin/organization/logo")
    String logo(
            @AuthenticationPrincipal CredoUser admin,
            @RequestParam(value = "logo", required = false) @Nullable MultipartFile file,
            Model model,
            RedirectAttributes redirect) {
        try {
            brandings.logo(admin.organizationId(), UploadLimit.IMAGE.read(chosen(file, "logo")));
            redirect.addFlashAttribute("flash", "Logo saved: public pages and certificates show it now.");
            return "redirect:/admin/organization/branding";
        } catch (ProblemException e) {
            var branding = brandings.of(admin.organizationId());
            model.addAttribute("form", BrandingForm.of(branding));
            model.addAttribute("current", branding);
            model.addAttribute("logoError", e.getMessage().replaceFirst("^\\w+: ", ""));
            return VIEW;
        }
    }

    @PostMapping("/admin/organization/logo/remove")
    String removeLogo(@AuthenticationPrincipal CredoUser admin, RedirectAttributes redirect) {
        brandings.removeLogo(admin.organizationId());
        redirect.addFlashAttribute("flash", "Logo removed: public pages show your organization's name alone.");
        return "redirect:/admin/organization/branding";
    }

    private static MultipartFile chosen(@Nullable MultipartFile file, String field) {
        if (file == null || file.isEmpty()) {
            throw ProblemException.invalidField(field, "choose a PNG or SVG file to upload.");
        }
        return file;
    }
}
