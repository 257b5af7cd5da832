package org.credo.platform.web;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.credo.platform.CredoUser;
import org.credo.platform.HomeCard;
import org.credo.platform.HomeCards;
import org.credo.platform.Role;
import org.credo.platform.config.CredoProperties;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The home page: one section per role the user holds in the current organization. */
@Controller
class HomeController {

    static final String VIEW = "platform/home";

    private static final Logger log = LoggerFactory.getLogger(HomeController.class);

    private final long pauseMinutes;
    private final List<HomeCards> contributors;

    HomeController(CredoProperties properties, List<HomeCards> contributors) {
        this.pauseMinutes = properties.security().signInPause().toMinutes();
        this.contributors = contributors;
    }

    /** Each role the person holds here, with the cards of its work. */
    record RoleHome(Role role, List<HomeCard> cards) {}

    @GetMapping("/")
    String home(@AuthenticationPrincipal CredoUser user, Model model) {
        var cards = new ArrayList<HomeCard>();
        for (var contributor : contributors) {
            try {
                cards.addAll(contributor.cards(user));
            } catch (RuntimeException e) {
                // One module's card failing must not take the home page with it.
                log.warn("Home card of {} failed", contributor.getClass().getSimpleName(), e);
            }
        }
        var homes = Arrays.stream(Role.values())
                .filter(user::hasRole)
                .map(role -> new RoleHome(
                        role,
                        cards.stream()
                                .filter(card -> card.role() == role)
                                .sorted(Comparator.comparingInt(HomeCard::order))
                                .toList()))
                .toList();
        model.addAttribute("homes", homes);
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
