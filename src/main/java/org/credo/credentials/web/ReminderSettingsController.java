package org.credo.credentials.web;

import org.credo.credentials.insight.ReminderSettings;
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

/** Staff choose how many days before expiry earners are reminded, or turn reminders off. */
@Controller
@PreAuthorize("hasAnyRole('REGISTRAR', 'ADMINISTRATOR')")
class ReminderSettingsController {

    private static final String VIEW = "credentials/reminders";

    private final ReminderSettings settings;

    ReminderSettingsController(ReminderSettings settings) {
        this.settings = settings;
    }

    @GetMapping("/manage/credentials/reminders")
    String show(@AuthenticationPrincipal CredoUser user, Model model) {
        var setting = settings.setting(user.organizationId());
        model.addAttribute("setting", setting);
        model.addAttribute("enabled", setting.enabled());
        model.addAttribute("days", Integer.toString(setting.daysBefore()));
        model.addAttribute("zone", user.zone());
        return VIEW;
    }

    @PostMapping("/manage/credentials/reminders")
    String change(
            @AuthenticationPrincipal CredoUser user,
            @RequestParam(defaultValue = "false") boolean enabled,
            @RequestParam(required = false) @Nullable String days,
            Model model,
            RedirectAttributes redirect) {
        try {
            Integer chosen = null;
            if (enabled) {
                try {
                    chosen = Integer.valueOf(days == null ? "" : days.trim());
                } catch (NumberFormatException e) {
                    throw ProblemException.invalidField("daysBefore", "write a number of days between 1 and 365.");
                }
            }
            var saved = settings.change(user.organizationId(), chosen);
            redirect.addFlashAttribute(
                    "flash",
                    saved.enabled()
                            ? "Earners are reminded " + saved.daysBefore() + " days before a credential expires."
                            : "Expiry reminders are off.");
            return "redirect:/manage/credentials/reminders";
        } catch (ProblemException e) {
            model.addAttribute("setting", settings.setting(user.organizationId()));
            model.addAttribute("enabled", enabled);
            model.addAttribute("days", days == null ? "" : days);
            model.addAttribute("daysError", e.getMessage().replaceFirst("^daysBefore: ", ""));
            model.addAttribute("zone", user.zone());
            return VIEW;
        }
    }
}
