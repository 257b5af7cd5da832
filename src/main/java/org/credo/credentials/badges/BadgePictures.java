package org.credo.credentials.badges;

import java.time.Duration;
import java.util.UUID;
import org.credo.credentials.issuance.IssuedCredentials;
import org.credo.platform.ProblemException;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * The public picture of a credential's badge, for link previews of its verification and share pages. It shows the
 * achievement and the issuer only, carries no credential inside, and so reveals nothing the verification page does not.
 */
@Controller
class BadgePictures {

    private final IssuedCredentials credentials;
    private final BadgeImages badges;

    BadgePictures(IssuedCredentials credentials, BadgeImages badges) {
        this.credentials = credentials;
        this.badges = badges;
    }

    @GetMapping("/verify/{id}/badge.png")
    ResponseEntity<byte[]> badge(@PathVariable String id) {
        UUID credentialId;
        try {
            credentialId = UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw ProblemException.notFound("That badge");
        }
        var credential =
                credentials.findAnywhere(credentialId).orElseThrow(() -> ProblemException.notFound("That badge"));
        return ResponseEntity.ok()
                .contentType(MediaType.IMAGE_PNG)
                .cacheControl(CacheControl.maxAge(Duration.ofDays(1)).cachePublic())
                .body(badges.plainPng(credential));
    }
}
