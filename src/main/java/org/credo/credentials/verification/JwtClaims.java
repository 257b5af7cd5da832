package org.credo.credentials.verification;

import jakarta.json.Json;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The credential a VC-JWT carries, and its registered claims. Open Badges 3.0 and VC 2.0 make the payload the
 * credential itself; the older VC 1.1 form puts it in {@code vc}, with {@code iss}, {@code jti}, {@code sub},
 * {@code nbf} and {@code exp} standing for its issuer, id, subject id and dates (VC Data Model 1.1, section 6.3.1),
 * which are filled in where the credential leaves them out. A claim that contradicts the credential is a problem.
 */
record JwtClaims(
        JsonObject credential,
        @Nullable Instant notBefore,
        @Nullable Instant expires,
        @Nullable String problem) {

    private static final String VC_V1 = "https://www.w3.org/2018/credentials/v1";
    // Far beyond any real date, and within what Instant can hold.
    private static final BigDecimal MAX_SECONDS = BigDecimal.valueOf(1_000_000_000_000L);

    static JwtClaims read(JsonObject payload) {
        Instant notBefore;
        Instant expires;
        try {
            notBefore = numericDate(payload, "nbf");
            expires = numericDate(payload, "exp");
        } catch (IllegalArgumentException e) {
            return new JwtClaims(payload, null, null, e.getMessage());
        }
        for (var name : new String[] {"iss", "jti", "sub"}) {
            if (payload.containsKey(name) && !(payload.get(name) instanceof JsonString)) {
                return new JwtClaims(payload, notBefore, expires, "The JWT's " + name + " claim is not a string.");
            }
        }
        var credential = payload.get("vc") instanceof JsonObject vc ? unwrap(vc, payload, notBefore, expires) : payload;
        return new JwtClaims(credential, notBefore, expires, contradiction(payload, credential));
    }

    private static JsonObject unwrap(
            JsonObject vc, JsonObject claims, @Nullable Instant notBefore, @Nullable Instant expires) {
        var credential = Json.createObjectBuilder(vc);
        var iss = string(claims, "iss");
        if (iss != null && !vc.containsKey("issuer")) {
            credential.add("issuer", iss);
        } else if (iss != null && vc.get("issuer") instanceof JsonObject issuer && !issuer.containsKey("id")) {
            credential.add("issuer", Json.createObjectBuilder(issuer).add("id", iss));
        }
        var jti = string(claims, "jti");
        if (jti != null && !vc.containsKey("id")) {
            credential.add("id", jti);
        }
        var sub = string(claims, "sub");
        if (sub != null && vc.get("credentialSubject") instanceof JsonObject subject && !subject.containsKey("id")) {
            credential.add(
                    "credentialSubject", Json.createObjectBuilder(subject).add("id", sub));
        }
        var v1 = CredentialVerifier.strings(vc.get("@context")).stream()
                .findFirst()
                .filter(VC_V1::equals)
                .isPresent();
        var from = v1 ? "issuanceDate" : "validFrom";
        var until = v1 ? "expirationDate" : "validUntil";
        if (notBefore != null && !vc.containsKey(from)) {
            credential.add(from, notBefore.toString());
        }
        if (expires != null && !vc.containsKey(until)) {
            credential.add(until, expires.toString());
        }
        return credential.build();
    }

    private static @Nullable String contradiction(JsonObject claims, JsonObject credential) {
        var iss = string(claims, "iss");
        var issuer = Facts.issuerId(credential);
        if (iss != null && issuer != null && !iss.equals(issuer)) {
            return "The JWT's iss claim (" + iss + ") is not the credential's issuer (" + issuer
                    + "): the token contradicts itself.";
        }
        var jti = string(claims, "jti");
        var id = string(credential, "id");
        if (jti != null && id != null && !jti.equals(id)) {
            return "The JWT's jti claim (" + jti + ") is not the credential's id (" + id
                    + "): the token contradicts itself.";
        }
        var sub = string(claims, "sub");
        var subject = credential.get("credentialSubject") instanceof JsonObject s ? string(s, "id") : null;
        if (sub != null && subject != null && !Objects.equals(sub, subject)) {
            return "The JWT's sub claim (" + sub + ") is not the credential's subject (" + subject
                    + "): the token contradicts itself.";
        }
        return null;
    }

    private static @Nullable Instant numericDate(JsonObject claims, String name) {
        var value = claims.get(name);
        if (value == null) {
            return null;
        }
        if (!(value instanceof JsonNumber number)
                || number.bigDecimalValue().abs().compareTo(MAX_SECONDS) > 0) {
            throw new IllegalArgumentException(
                    "The JWT's " + name + " claim is not a NumericDate (seconds since 1970-01-01T00:00:00Z).");
        }
        var seconds = number.bigDecimalValue();
        return Instant.ofEpochSecond(
                seconds.longValue(),
                seconds.remainder(BigDecimal.ONE).movePointRight(9).longValue());
    }

    private static @Nullable String string(JsonObject object, String name) {
        return object.get(name) instanceof JsonString value ? value.getString() : null;
    }
}
