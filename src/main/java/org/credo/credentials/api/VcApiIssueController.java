package org.credo.credentials.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.net.URI;
import java.util.UUID;
import org.credo.credentials.achievement.Achievements;
import org.credo.credentials.issuance.CredentialDocuments;
import org.credo.credentials.issuance.Issuance;
import org.credo.credentials.signing.ContextStore;
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

/**
 * W3C VC-API issuing: {@code POST /credentials/issue} with {@code {"credential": …, "options": {"cryptosuite": …}}}
 * answers 201 with {@code {"verifiableCredential": …}}. Credo sets the issuer, id and status entries.
 */
@RestController
@PreAuthorize("hasAnyRole('REGISTRAR', 'ADMINISTRATOR', 'INTEGRATOR')")
@Tag(name = "VC-API", description = "W3C Verifiable Credentials API")
class VcApiIssueController {

    private static final ContextStore CONTEXTS = ContextStore.shipped();

    private final Issuance issuance;
    private final Achievements achievements;
    private final CredentialDocuments documents;

    VcApiIssueController(Issuance issuance, Achievements achievements, CredentialDocuments documents) {
        this.issuance = issuance;
        this.achievements = achievements;
        this.documents = documents;
    }

    @PostMapping(value = "/credentials/issue", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(
            summary = "Issue (sign) an Open Badges credential",
            description =
                    "credentialSubject.achievement.id must be the URL of a published achievement of the caller's organization; "
                            + "options.cryptosuite is eddsa-rdfc-2022 (default) or eddsa-jcs-2022.")
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
        checkContexts(credential);
        checkType(credential);
        if (credential.containsKey("proof")) {
            throw ProblemException.invalidField(
                    "credential.proof", "send the credential without a proof; Credo adds it.");
        }
        if (credential.containsKey("credentialStatus")) {
            throw ProblemException.invalidField(
                    "credential.credentialStatus", "leave it out; Credo allocates status entries.");
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

    private static void checkContexts(JsonObject credential) {
        var context = credential.get("@context");
        if (context == null
                || context.getValueType() != JsonValue.ValueType.ARRAY
                || context.asJsonArray().isEmpty()
                || !"https://www.w3.org/ns/credentials/v2".equals(stringAt(context, 0))) {
            throw ProblemException.invalidField(
                    "credential.@context",
                    "must be an array starting with https://www.w3.org/ns/credentials/v2 (VC Data Model 2.0).");
        }
        for (var value : context.asJsonArray()) {
            if (value instanceof JsonString url && !CONTEXTS.knows(url.getString())) {
                throw ProblemException.invalidField(
                        "credential.@context",
                        "unknown context " + url.getString()
                                + ": Credo never fetches contexts from the network; it knows " + CONTEXTS.urls() + ".");
            }
        }
    }

    private static void checkType(JsonObject credential) {
        var type = credential.get("type");
        var text = type == null ? "" : type.toString();
        if (!text.contains("\"VerifiableCredential\"")
                || !(text.contains("\"OpenBadgeCredential\"") || text.contains("\"AchievementCredential\""))) {
            throw ProblemException.invalidField(
                    "credential.type", "must include VerifiableCredential and OpenBadgeCredential.");
        }
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

    private static String stringAt(JsonValue array, int index) {
        return array.asJsonArray().get(index) instanceof JsonString s ? s.getString() : null;
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
