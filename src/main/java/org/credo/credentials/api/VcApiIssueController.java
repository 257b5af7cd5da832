package org.credo.credentials.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.io.StringReader;
import java.net.URI;
import java.util.UUID;
import org.credo.credentials.achievement.Achievements;
import org.credo.credentials.issuance.CredentialDocuments;
import org.credo.credentials.issuance.GeneralIssuance;
import org.credo.credentials.issuance.Issuance;
import org.credo.credentials.signing.Cryptosuite;
import org.credo.credentials.signing.DocumentLimits;
import org.credo.platform.CredoUser;
import org.credo.platform.ProblemException;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.UriUtils;

/**
 * W3C VC-API issuing: {@code POST /credentials/issue} with {@code {"credential": …, "options": {"cryptosuite": …}}}
 * answers 201 with {@code {"verifiableCredential": …}}. Credo sets the issuer, id and status entries.
 */
@RestController
@PreAuthorize("hasAnyRole('REGISTRAR', 'ADMINISTRATOR', 'INTEGRATOR')")
@Tag(name = "VC-API", description = "W3C Verifiable Credentials API")
class VcApiIssueController {

    private final Issuance issuance;
    private final Achievements achievements;
    private final CredentialDocuments documents;
    private final GeneralIssuance general;

    VcApiIssueController(
            Issuance issuance, Achievements achievements, CredentialDocuments documents, GeneralIssuance general) {
        this.issuance = issuance;
        this.general = general;
        this.achievements = achievements;
        this.documents = documents;
    }

    @PostMapping(value = "/credentials/issue", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(
            summary = "Issue (sign) a credential",
            description = "An OpenBadgeCredential names a published achievement of the caller's organization in"
                    + " credentialSubject.achievement.id; Credo embeds the achievement as published. Any other VC 2.0"
                    + " or VC 1.1 credential is signed as sent when the organization allows general credentials."
                    + " options.cryptosuite is eddsa-rdfc-2022 (default) or eddsa-jcs-2022.")
    ResponseEntity<String> issue(@AuthenticationPrincipal CredoUser user, @RequestBody String body) {
        JsonObject request = parse(body);
        if (!(request.get("credential") instanceof JsonObject credential)) {
            throw ProblemException.invalidField("credential", "send the credential to sign as a JSON object.");
        }
        var suite = Cryptosuite.RDFC;
        if (request.get("options") instanceof JsonObject options
                && options.get("cryptosuite") instanceof JsonString name) {
            suite = Cryptosuite.byId(name.getString())
                    .orElseThrow(() -> ProblemException.invalidField(
                            "options.cryptosuite",
                            "'" + name.getString() + "' is not supported; use eddsa-rdfc-2022 or eddsa-jcs-2022."));
        }
        if (credential.containsKey("proof")) {
            throw ProblemException.invalidField(
                    "credential.proof", "send the credential without a proof; Credo adds it.");
        }
        if (!openBadge(credential)) {
            var signed = general.issue(user.organizationId(), credential, suite, user.displayName());
            return ResponseEntity.created(URI.create("/credentials/"
                            + UriUtils.encodePathSegment(
                                    signed.getString("id"), java.nio.charset.StandardCharsets.UTF_8)))
                    .contentType(MediaType.APPLICATION_JSON)
                    .body(Json.createObjectBuilder()
                            .add("verifiableCredential", signed)
                            .build()
                            .toString());
        }
        if (!(credential.get("credentialSubject") instanceof JsonObject subject)) {
            throw ProblemException.invalidField(
                    "credential.credentialSubject", "an AchievementSubject object is required.");
        }
        var achievement = achievementOf(user, subject);
        var name = identity(subject, "name");
        var email = identity(subject, "emailAddress");
        var issued = issuance.issueDocument(
                user.organizationId(),
                credential,
                achievement,
                suite,
                name == null ? "(not named)" : name,
                email == null ? "" : email.toLowerCase(java.util.Locale.ROOT),
                user.displayName());
        var response = Json.createObjectBuilder()
                .add(
                        "verifiableCredential",
                        Json.createReader(new StringReader(issued.document())).readObject())
                .build();
        return ResponseEntity.created(URI.create("/api/v1/credentials/" + issued.id()))
                .contentType(MediaType.APPLICATION_JSON)
                .body(response.toString());
    }

    private org.credo.credentials.achievement.Achievement achievementOf(CredoUser user, JsonObject subject) {
        var how = "set credentialSubject.achievement.id to the URL of a published achievement, such as "
                + documents
                        .achievementUrl(UUID.fromString("00000000-0000-0000-0000-000000000000"))
                        .replace("00000000-0000-0000-0000-000000000000", "<id>")
                + " (ids in GET /api/v1/achievements).";
        if (!(subject.get("achievement") instanceof JsonObject achievement)
                || !(achievement.get("id") instanceof JsonString id)) {
            throw ProblemException.invalidField("credential.credentialSubject.achievement.id", how);
        }
        var prefix = documents
                .achievementUrl(UUID.fromString("00000000-0000-0000-0000-000000000000"))
                .replace("00000000-0000-0000-0000-000000000000", "");
        if (!id.getString().startsWith(prefix)) {
            throw ProblemException.invalidField("credential.credentialSubject.achievement.id", how);
        }
        UUID achievementId;
        try {
            achievementId = UUID.fromString(id.getString().substring(prefix.length()));
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalidField("credential.credentialSubject.achievement.id", how);
        }
        return achievements
                .find(user.organizationId(), achievementId)
                .orElseThrow(() -> ProblemException.invalidField("credential.credentialSubject.achievement.id", how));
    }

    private static boolean openBadge(JsonObject credential) {
        var type = credential.get("type");
        var text = type == null ? "" : type.toString();
        return text.contains("\"OpenBadgeCredential\"") || text.contains("\"AchievementCredential\"");
    }

    private static String identity(JsonObject subject, String type) {
        if (subject.get("identifier") instanceof jakarta.json.JsonArray identifiers) {
            for (var value : identifiers) {
                if (value instanceof JsonObject id
                        && type.equals(id.getString("identityType", ""))
                        && !id.getBoolean("hashed", true)) {
                    return id.getString("identityHash", null);
                }
            }
        }
        return null;
    }

    private static JsonObject parse(String body) {
        DocumentLimits.check(body, "The request body");
        try {
            return Json.createReader(new StringReader(body)).readObject();
        } catch (RuntimeException e) {
            throw ProblemException.badRequest(
                    "Unreadable request body", "The body is not a JSON object: " + e.getMessage());
        }
    }
}
