package org.credo.platform.web;

import java.util.Arrays;
import org.credo.platform.CredoUser;
import org.credo.platform.Role;
import org.credo.platform.config.CredoProperties;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The home page: one section per role the user holds in the current organization. */
@Controller
class HomeController {

    static final String VIEW = "platform/home";

    private final long pauseMinutes;

    HomeController(CredoProperties properties) {
        this.pauseMinutes = properties.security().signInPause().toMinutes();
    }

    @GetMapping("/")
    String home(@AuthenticationPrincipal CredoUser user, Model model) {
        model.addAttribute(
                "homeRoles", Arrays.stream(Role.values()).filter(user::hasRole).toList());
        return VIEW;
    }

    @GetMapping("/login")
    String login(
            @RequestParam(required = false) @Nullable String error,
            @RequestParam(required = false) @Nullable String email,
            Model model) {
        model.addAttribute("error", error);
        model.addAttribute("email", email);
        model.addAttribute("pauseMinutes", pauseMinutes);
        return "platform/login";
    }
}
