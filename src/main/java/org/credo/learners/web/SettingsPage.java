package org.credo.learners.web;

import java.util.EnumSet;
import java.util.List;
import org.credo.learners.record.LearnerNumbers;
import org.credo.learners.record.LearnerNumbers.SelfEdit;
import org.credo.platform.CredoUser;
import org.credo.platform.ProblemException;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The registrar's settings: the learner-number format and what learners may change themselves. */
@Controller
@PreAuthorize("hasRole('REGISTRAR')")
class SettingsPage {

    private final LearnerNumbers numbers;

    SettingsPage(LearnerNumbers numbers) {
        this.numbers = numbers;
    }

    @GetMapping("/manage/learners/settings")
    String settings(@AuthenticationPrincipal CredoUser user, Model model) {
        model.addAttribute("settings", numbers.settings(user.organizationId()));
        model.addAttribute("fields", SelfEdit.values());
        return "learners/settings";
    }

    @PostMapping("/manage/learners/settings")
    String save(
            @AuthenticationPrincipal CredoUser user,
            @RequestParam(defaultValue = "") String prefix,
            @RequestParam(defaultValue = "7") int digits,
            @RequestParam(required = false) @Nullable List<SelfEdit> selfEdit,
            RedirectAttributes redirect) {
        try {
            numbers.change(
                    user.organizationId(),
                    prefix,
                    digits,
                    selfEdit == null || selfEdit.isEmpty() ? EnumSet.noneOf(SelfEdit.class) : EnumSet.copyOf(selfEdit));
            redirect.addFlashAttribute("flash", "Saved the learner settings.");
        } catch (ProblemException e) {
            redirect.addFlashAttribute("flashError", e.getMessage().replaceFirst("^[A-Za-z]+: ", "Not saved: "));
        }
        return "redirect:/manage/learners/settings";
    }
}
