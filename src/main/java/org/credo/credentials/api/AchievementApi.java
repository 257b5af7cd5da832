package org.credo.credentials.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.credo.credentials.achievement.Achievement;
import org.credo.credentials.achievement.AchievementDraft;
import org.credo.credentials.achievement.Achievements;
import org.credo.platform.CredoUser;
import org.credo.platform.ProblemException;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Achievements (credential definitions) over the REST API. */
@RestController
@RequestMapping("/api/v1/achievements")
@PreAuthorize("hasAnyRole('REGISTRAR', 'ADMINISTRATOR', 'INTEGRATOR')")
@Tag(name = "Achievements", description = "Versioned Open Badges 3.0 achievements; only published versions are issued")
class AchievementApi {

    private final Achievements achievements;

    AchievementApi(Achievements achievements) {
        this.achievements = achievements;
    }

    @GetMapping
    List<Achievement> list(@AuthenticationPrincipal CredoUser user) {
        return achievements.all(user.organizationId());
    }

    @PostMapping
    @Operation(summary = "Save a draft of a new achievement")
    ResponseEntity<Achievement> draft(
            @AuthenticationPrincipal CredoUser user, @Valid @RequestBody AchievementDraft draft) {
        var saved = achievements.draft(user.organizationId(), draft);
        return ResponseEntity.created(URI.create("/api/v1/achievements/" + saved.id()))
                .body(saved);
    }

    @GetMapping("/{id}")
    Achievement show(@AuthenticationPrincipal CredoUser user, @PathVariable UUID id) {
        return achievements
                .find(user.organizationId(), id)
                .orElseThrow(() -> ProblemException.notFound("That achievement"));
    }

    @PutMapping("/{id}")
    @Operation(
            summary = "Change an achievement",
            description = "A draft changes in place; a published version gets a new draft version.")
    Achievement revise(
            @AuthenticationPrincipal CredoUser user,
            @PathVariable UUID id,
            @Valid @RequestBody AchievementDraft draft) {
        return achievements.revise(user.organizationId(), id, draft);
    }

    @PostMapping("/{id}/publish")
    Achievement publish(@AuthenticationPrincipal CredoUser user, @PathVariable UUID id) {
        return achievements.publish(user.organizationId(), id);
    }
}
