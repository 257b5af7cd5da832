package org.credo.credentials.badges;

import java.time.Duration;
import java.util.UUID;
import org.credo.credentials.issuance.IssuedCredentials;
import org.credo.platform.BoundedCache;
import org.credo.platform.ProblemException;
import org.credo.platform.PublicPages;
import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.context.request.ServletWebRequest;

/**
 * The public picture of a credential's badge, for link previews of its verification and share pages. It shows the
 * achievement and the issuer only, carries no credential inside, and so reveals nothing the verification page does not.
 */
@Controller
class BadgePictures {

    static final int KEPT = 2_000;

    private final IssuedCredentials credentials;
    private final BadgeImages badges;
    private final BoundedCache<Drawn, byte[]> pictures = new BoundedCache<>(KEPT, Duration.ofDays(1));

    /** What a badge picture shows. */
    private record Drawn(
            String achievementName,
            String issuerName,
            @Nullable UUID picture) {}

    BadgePictures(IssuedCredentials credentials, BadgeImages badges) {
        this.credentials = credentials;
        this.badges = badges;
    }

    /**
     * The picture depends on the achievement's name, the issuer's name and the achievement's picture the credential
     * names (a picture never changes under its id): it is drawn once per triple and kept (at most {@value #KEPT}
     * pictures), and its entity tag names the triple.
     */
    @GetMapping("/verify/{id}/badge.png")
    @Nullable
    ResponseEntity<byte[]> badge(@PathVariable String id, ServletWebRequest request) {
        UUID credentialId;
        try {
            credentialId = UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw ProblemException.notFound("That badge");
        }
        var credential =
                credentials.findAnywhere(credentialId).orElseThrow(() -> ProblemException.notFound("That badge"));
        var drawn = new Drawn(
                credential.achievementName(),
                BadgeImages.issuerName(credential.document()),
                badges.pictureReference(credential.document()));
        if (PublicPages.notModified(request, Duration.ofDays(1), "badge.png", drawn)) {
            return null;
        }
        return ResponseEntity.ok()
                .contentType(MediaType.IMAGE_PNG)
                .body(pictures.get(drawn, () -> badges.plainPng(credential)));
    }
}
