package org.credo.credentials.wallet;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.StringReader;
import org.jspecify.annotations.Nullable;

/** What an earner's page shows beyond the stored columns, read from the signed credential itself. */
record CredentialDetails(String issuerName, @Nullable String issuerUrl, String description, String criteria) {

    static CredentialDetails of(String document) {
        var credential = Json.createReader(new StringReader(document)).readObject();
        var issuer = object(credential, "issuer");
        var achievement = object(object(credential, "credentialSubject"), "achievement");
        return new CredentialDetails(
                text(issuer, "name", ""),
                issuer.containsKey("url") ? text(issuer, "url", "") : null,
                text(achievement, "description", ""),
                text(object(achievement, "criteria"), "narrative", ""));
    }

    private static JsonObject object(JsonObject parent, String key) {
        var value = parent.get(key);
        return value != null && value.getValueType() == JsonValue.ValueType.OBJECT
                ? value.asJsonObject()
                : JsonValue.EMPTY_JSON_OBJECT;
    }

    private static String text(JsonObject parent, String key, String fallback) {
        var value = parent.get(key);
        return value != null && value.getValueType() == JsonValue.ValueType.STRING ? parent.getString(key) : fallback;
    }
}
