package org.credo.credentials.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.util.List;
import java.util.Locale;
import org.credo.credentials.issuance.GeneralIssuance;
import org.credo.credentials.status.StatusPurpose;
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
 * W3C VC-API status updates for general credentials: {@code POST /credentials/status} with {@code {"credentialId",
 * "credentialStatus": [{"type": "BitstringStatusListEntry", "statusPurpose", "status"}]}}. Open Badges are managed on
 * their credential page and under {@code /api/v1/credentials}.
 */
@RestController
@PreAuthorize("hasAnyRole('REGISTRAR', 'ADMINISTRATOR', 'INTEGRATOR')")
@Tag(name = "VC-API", description = "W3C Verifiable Credentials API")
class VcApiStatusController {

    private final GeneralIssuance general;

    VcApiStatusController(GeneralIssuance general) {
        this.general = general;
    }

    @PostMapping(value = "/credentials/status", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(
            summary = "Revoke, suspend, reinstate or post a notice on a general credential",
            description = "status: true or false for revocation (true only) and suspension; 0x0 to 0x3 for message"
                    + " (no notice, under review, superseded, issued in error).")
    ResponseEntity<String> update(@AuthenticationPrincipal CredoUser user, @RequestBody String body) {
        JsonObject request;
        try {
            request = Json.createReader(new StringReader(body)).readObject();
        } catch (RuntimeException e) {
            throw ProblemException.badRequest("Unreadable request body", "The body is not a JSON object.");
        }
        if (!(request.get("credentialId") instanceof JsonString id)) {
            throw ProblemException.invalidField("credentialId", "name the id of the credential to update.");
        }
        var sent = request.get("credentialStatus");
        List<JsonValue> entries = sent instanceof JsonArray array ? array : sent == null ? List.of() : List.of(sent);
        if (entries.isEmpty()) {
            throw ProblemException.invalidField(
                    "credentialStatus", "send one or more {\"type\", \"statusPurpose\", \"status\"} objects.");
        }
        for (var entry : entries) {
            if (!(entry instanceof JsonObject status)
                    || !"BitstringStatusListEntry".equals(status.getString("type", ""))) {
                throw ProblemException.invalidField("credentialStatus.type", "must be BitstringStatusListEntry.");
            }
            var purpose = purpose(status.getString("statusPurpose", ""));
            general.updateStatus(user.organizationId(), id.getString(), purpose, value(status.get("status")));
        }
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_JSON)
                .body(Json.createObjectBuilder()
                        .add("credentialId", id.getString())
                        .add("updated", entries.size())
                        .build()
                        .toString());
    }

    private static StatusPurpose purpose(String name) {
        try {
            return StatusPurpose.valueOf(name.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalidField(
                    "credentialStatus.statusPurpose", "must be revocation, suspension or message.");
        }
    }

    private static int value(JsonValue status) {
        if (status == null || status == JsonValue.TRUE) {
            return 1;
        }
        if (status == JsonValue.FALSE) {
            return 0;
        }
        if (status instanceof JsonNumber number && number.isIntegral() && number.intValue() >= 0) {
            return number.intValue();
        }
        if (status instanceof JsonString text && text.getString().matches("0x[0-3]")) {
            return Integer.parseInt(text.getString().substring(2), 16);
        }
        throw ProblemException.invalidField(
                "credentialStatus.status", "must be true, false, or a message value from 0x0 to 0x3.");
    }
}
