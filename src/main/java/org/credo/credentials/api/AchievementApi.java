package org.credo.credentials.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.credo.credentials.achievement.Achievement;
import org.credo.credentials.achievement.AchievementDraft;
import org.credo.credentials.achievement.AchievementImages;
import org.credo.credentials.achievement.Achievements;
import org.credo.platform.CredoUser;
import org.credo.platform.ProblemException;
import org.credo.platform.UploadLimit;
import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** Achievements (credential definitions) over the REST API. */
@RestController
@RequestMapping("/api/v1/achievements")
@PreAuthorize("hasAnyRole('REGISTRAR', 'ADMINISTRATOR', 'INTEGRATOR')")
@Tag(name = "Achievements", description = "Versioned Open Badges 3.0 achievements; only published versions are issued")
class AchievementApi {

    /** An achievement's picture: its public URL (cached a year; a new picture gets a new URL) and what it is. */
    record ImageView(
            UUID imageId, String url, String pngUrl, String contentType, int width, int height, boolean generated) {

        static ImageView of(AchievementImages.Current current) {
            var image = current.image();
            return new ImageView(
                    image.id(),
                    current.url(),
                    current.url() + ".png",
                    image.contentType(),
                    image.width(),
                    image.height(),
                    current.generated());
        }
    }

    private final Achievements achievements;
    private final AchievementImages pictures;

    AchievementApi(Achievements achievements, AchievementImages pictures) {
        this.achievements = achievements;
        this.pictures = pictures;
    }

    @GetMapping("/{id}/image")
    @Operation(summary = "The achievement's picture", description = "404 when it has none.")
    ImageView image(@AuthenticationPrincipal CredoUser user, @PathVariable UUID id) {
        return pictures.current(user.organizationId(), id)
                .map(ImageView::of)
                .orElseThrow(() -> ProblemException.notFound("A picture of that achievement"));
    }

    @PutMapping(value = "/{id}/image", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(
            summary = "Upload the achievement's picture",
            description = "A PNG or an SVG without scripts, event handlers, external references, foreign objects or a"
                    + " DOCTYPE; at most 1 MB and 4096 pixels a side, sent as the multipart part 'image'. Credentials"
                    + " issued from now on carry it.")
    ImageView uploadImage(
            @AuthenticationPrincipal CredoUser user,
            @PathVariable UUID id,
            @RequestParam(value = "image", required = false) @Nullable MultipartFile file) {
        return ImageView.of(pictures.upload(user.organizationId(), id, UploadLimit.IMAGE.read(chosen(file, "image"))));
    }

    @PostMapping("/{id}/image/generated")
    @Operation(summary = "Use a generated design in the organization's colours as the achievement's picture")
    ImageView generateImage(@AuthenticationPrincipal CredoUser user, @PathVariable UUID id) {
        return ImageView.of(pictures.generate(user.organizationId(), id));
    }

    @DeleteMapping("/{id}/image")
    @Operation(summary = "Remove the achievement's picture")
    ResponseEntity<Void> removeImage(@AuthenticationPrincipal CredoUser user, @PathVariable UUID id) {
        pictures.remove(user.organizationId(), id);
        return ResponseEntity.noContent().build();
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

    private static MultipartFile chosen(@Nullable MultipartFile file, String field) {
        if (file == null || file.isEmpty()) {
            throw ProblemException.invalidField(field, "choose a PNG or SVG file to upload.");
        }
        return file;
    }
}
