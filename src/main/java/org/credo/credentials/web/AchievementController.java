package org.credo.credentials.web;

import jakarta.validation.Validator;
import java.util.ArrayList;
import java.util.UUID;
import org.credo.credentials.achievement.AchievementImages;
import org.credo.credentials.achievement.AchievementType;
import org.credo.credentials.achievement.Achievements;
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
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Staff pages for achievements: list, draft, revise, publish. */
@Controller
@RequestMapping("/manage/achievements")
@PreAuthorize("hasAnyRole('REGISTRAR', 'ADMINISTRATOR', 'CURRICULUM_AUTHOR')")
class AchievementController {

    private final Achievements achievements;
    private final AchievementImages pictures;
    private final Validator validator;

    AchievementController(Achievements achievements, AchievementImages pictures, Validator validator) {
        this.achievements = achievements;
        this.pictures = pictures;
        this.validator = validator;
    }

    @GetMapping
    String list(@AuthenticationPrincipal CredoUser user, Model model) {
        model.addAttribute("achievements", achievements.all(user.organizationId()));
        return "credentials/achievements";
    }

    @GetMapping("/new")
    String newForm(Model model) {
        model.addAttribute("form", new AchievementForm());
        model.addAttribute("types", AchievementType.values());
        return "credentials/achievement-form";
    }

    @PostMapping
    String create(
            @AuthenticationPrincipal CredoUser user,
            @ModelAttribute("form") AchievementForm form,
            BindingResult binding,
            Model model,
            RedirectAttributes redirect) {
        var draft = validated(form, binding);
        if (draft == null) {
            model.addAttribute("types", AchievementType.values());
            return "credentials/achievement-form";
        }
        var saved = achievements.draft(user.organizationId(), draft);
        redirect.addFlashAttribute("flash", "Draft saved. Publish it to start issuing.");
        return "redirect:/manage/achievements/" + saved.id();
    }

    @GetMapping("/{id}")
    String show(@AuthenticationPrincipal CredoUser user, @PathVariable UUID id, Model model) {
        var achievement = achievements
                .find(user.organizationId(), id)
                .orElseThrow(() -> ProblemException.notFound("That achievement"));
        model.addAttribute("achievement", achievement);
        model.addAttribute("form", AchievementForm.of(achievement.content()));
        model.addAttribute("types", AchievementType.values());
        model.addAttribute(
                "picture", pictures.current(user.organizationId(), id).orElse(null));
        return "credentials/achievement";
    }

    @PostMapping("/{id}/image")
    String uploadImage(
            @AuthenticationPrincipal CredoUser user,
            @PathVariable UUID id,
            @RequestParam(value = "image", required = false) @Nullable MultipartFile file,
            RedirectAttributes redirect) {
        try {
            pictures.upload(user.organizationId(), id, UploadLimit.IMAGE.read(chosen(file, "image")));
            redirect.addFlashAttribute("flash", "Picture saved: credentials issued from now on show it.");
        } catch (ProblemException e) {
            if (e.status().value() == 404) {
                throw e;
            }
            redirect.addFlashAttribute("imageError", e.getMessage().replaceFirst("^image: ", ""));
        }
        return "redirect:/manage/achievements/" + id + "#picture";
    }

    @PostMapping("/{id}/image/generate")
    String generateImage(@AuthenticationPrincipal CredoUser user, @PathVariable UUID id, RedirectAttributes redirect) {
        pictures.generate(user.organizationId(), id);
        redirect.addFlashAttribute(
                "flash", "A design in your organization's colours is now this achievement's picture.");
        return "redirect:/manage/achievements/" + id + "#picture";
    }

    @PostMapping("/{id}/image/remove")
    String removeImage(@AuthenticationPrincipal CredoUser user, @PathVariable UUID id, RedirectAttributes redirect) {
        pictures.remove(user.organizationId(), id);
        redirect.addFlashAttribute("flash", "Picture removed: new badges are drawn from the achievement's name.");
        return "redirect:/manage/achievements/" + id + "#picture";
    }

    @PostMapping("/{id}")
    String revise(
            @AuthenticationPrincipal CredoUser user,
            @PathVariable UUID id,
            @ModelAttribute("form") AchievementForm form,
            BindingResult binding,
            Model model,
            RedirectAttributes redirect) {
        var achievement = achievements
                .find(user.organizationId(), id)
                .orElseThrow(() -> ProblemException.notFound("That achievement"));
        var draft = validated(form, binding);
        if (draft != null) {
            try {
                var saved = achievements.revise(user.organizationId(), id, draft);
                redirect.addFlashAttribute(
                        "flash",
                        saved.id().equals(id)
                                ? "Draft saved."
                                : "Saved as draft version " + saved.version()
                                        + "; the published version stays in use until you publish this one.");
                return "redirect:/manage/achievements/" + saved.id();
            } catch (ProblemException e) {
                binding.reject("problem", e.getMessage());
            }
        }
        model.addAttribute("achievement", achievement);
        model.addAttribute("types", AchievementType.values());
        model.addAttribute(
                "picture", pictures.current(user.organizationId(), id).orElse(null));
        return "credentials/achievement";
    }

    @PostMapping("/{id}/publish")
    String publish(@AuthenticationPrincipal CredoUser user, @PathVariable UUID id, RedirectAttributes redirect) {
        try {
            var published = achievements.publish(user.organizationId(), id);
            redirect.addFlashAttribute("flash", "Published version " + published.version() + "; it can be issued now.");
        } catch (ProblemException e) {
            redirect.addFlashAttribute("flashError", e.getMessage());
        }
        return "redirect:/manage/achievements/" + id;
    }

    private org.credo.credentials.achievement.AchievementDraft validated(AchievementForm form, BindingResult binding) {
        var errors = new ArrayList<String[]>();
        var draft = form.draft(errors);
        for (var error : errors) {
            binding.rejectValue(error[0], "invalid", error[1]);
        }
        for (var violation : validator.validate(draft)) {
            var path = violation.getPropertyPath().toString();
            var field = path.contains("[") || path.contains(".") ? path.replaceAll("[\\[.].*", "") : path;
            binding.rejectValue(field, "invalid", (path.equals(field) ? "" : path + ": ") + violation.getMessage());
        }
        return binding.hasErrors() ? null : draft;
    }

    private static MultipartFile chosen(@Nullable MultipartFile file, String field) {
        if (file == null || file.isEmpty()) {
            throw ProblemException.invalidField(field, "choose a PNG or SVG file to upload.");
        }
        return file;
    }
}
