package org.credo.credentials.wallet;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.credo.credentials.badges.OpenGraph;
import org.credo.platform.ProblemException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.ResponseBody;

/** The earner's public profile page at {@code /p/{handle}}, and the same as JSON for anyone. */
@Controller
@Tag(name = "Earner profiles", description = "Public profiles earners turned on, with the credentials they chose")
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

    @GetMapping(path = "/api/v1/profiles/{handle}", produces = "application/json")
    @ResponseBody
    @Operation(
            summary = "Read an earner's public profile",
            description = "Only profiles their earner turned on; only the credentials they chose, never revoked ones,"
                    + " never an email address. 404 (Problem Details) otherwise.")
    PublicProfiles.Profile json(@PathVariable String handle) {
        return profiles.find(handle).orElseThrow(() -> ProblemException.notFound("That profile"));
    }
}
