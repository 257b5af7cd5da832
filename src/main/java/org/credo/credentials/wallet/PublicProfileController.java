package org.credo.credentials.wallet;

import org.credo.credentials.badges.OpenGraph;
import org.credo.platform.ProblemException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/** The earner's public profile page at {@code /p/{handle}}; {@link WalletApi} serves the same as JSON. */
@Controller
class PublicProfileController {

    private final PublicProfiles profiles;

    PublicProfileController(PublicProfiles profiles) {
        this.profiles = profiles;
    }

    @GetMapping("/p/{handle}")
    String page(@PathVariable String handle, Model model) {
        var profile = profiles.find(handle).orElseThrow(() -> ProblemException.notFound("That profile"));
        model.addAttribute("profile", profile);
        profile.credentials().stream()
                .findFirst()
                .ifPresent(first -> model.addAttribute(
                        OpenGraph.MODEL,
                        new OpenGraph(
                                profile.name() + "'s credentials",
                                profile.credentials().size() + " credential(s) " + profile.name() + " chose to share.",
                                profile.url(),
                                first.imageUrl(),
                                "Badge of " + first.achievement(),
                                false)));
        return "wallet/profile";
    }
}
