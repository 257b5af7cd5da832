package org.credo.credentials.verification;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import org.credo.credentials.verification.VerificationReport.PublicFacts;
import org.jspecify.annotations.Nullable;

/** Reads the public facts of a credential: what anyone holding it can read, and nothing more. */
final class Facts {

    private Facts() {}

    static PublicFacts of(JsonObject credential) {
        var subject = subject(credential);
        var achievement = subject != null && subject.get("achievement") instanceof JsonObject a ? a : null;
        return new PublicFacts(
                string(credential, "id"),
                achievement != null ? string(achievement, "name") : string(credential, "name"),
                credential.get("issuer") instanceof JsonObject issuer ? string(issuer, "name") : null,
                issuerId(credential),
                subject == null ? null : recipientName(subject),
                time(credential, "validFrom"),
                time(credential, "validUntil"));
    }

    static @Nullable String issuerId(JsonObject credential) {
        var issuer = credential.get("issuer");
        if (issuer instanceof JsonString id) {
            return id.getString();
        }
        return issuer instanceof JsonObject object ? string(object, "id") : null;
    }

    private static @Nullable JsonObject subject(JsonObject credential) {
        var subject = credential.get("credentialSubject");
        if (subject instanceof JsonArray array && !array.isEmpty() && array.get(0) instanceof JsonObject first) {
            return first;
        }
        return subject instanceof JsonObject object ? object : null;
    }

    // Open Badges puts the name among the subject's identifiers, unhashed; an email identifier is always skipped.
    private static @Nullable String recipientName(JsonObject subject) {
        var name = string(subject, "name");
        if (name != null) {
            return name;
        }
        if (subject.get("identifier") instanceof JsonArray identifiers) {
            for (JsonValue value : identifiers) {
                if (value instanceof JsonObject identity
                        && "name".equals(string(identity, "identityType"))
                        && identity.get("hashed") == JsonValue.FALSE) {
                    return string(identity, "identityHash");
                }
            }
        }
        return null;
    }

    private static @Nullable String string(JsonObject object, String name) {
        return object.get(name) instanceof JsonString value ? value.getString() : null;
    }

    private static @Nullable Instant time(JsonObject object, String name) {
        try {
            return CredentialVerifier.instant(object, name);
        } catch (DateTimeParseException | ClassCastException e) {
            return null;
        }
    }
}
