package org.credo.credentials.issuer;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Objects;
import org.credo.credentials.signing.Base58Btc;
import org.credo.credentials.signing.DidKey;
import org.jspecify.annotations.Nullable;

/**
 * The did:web method (W3C CCG did:web method specification): where a DID's document lives, and how an Ed25519 key is
 * read from it. Every refusal is an {@link IllegalArgumentException} whose message says why in plain words.
 */
final class DidWeb {

    private static final String PREFIX = "did:web:";

    private DidWeb() {}

    /**
     * The https URL of a did:web's DID document: {@code did:web:example.com} is
     * {@code https://example.com/.well-known/did.json}, {@code did:web:example.com%3A8443:users:alice} is
     * {@code https://example.com:8443/users/alice/did.json}.
     */
    static URI documentUrl(String did) {
        if (!did.startsWith(PREFIX) || did.length() == PREFIX.length()) {
            throw new IllegalArgumentException(did + " is not a did:web");
        }
        var parts = did.substring(PREFIX.length()).split(":", -1);
        var authority = URLDecoder.decode(parts[0], StandardCharsets.UTF_8);
        var colon = authority.indexOf(':');
        var host = colon < 0 ? authority : authority.substring(0, colon);
        int port = -1;
        if (colon >= 0) {
            var digits = authority.substring(colon + 1);
            if (!digits.matches("\\d{1,5}") || Integer.parseInt(digits) > 65535) {
                throw new IllegalArgumentException("The did:web " + did + " names an invalid port");
            }
            port = Integer.parseInt(digits);
        }
        if (host.matches("[0-9.]+") || host.startsWith("[")) {
            throw new IllegalArgumentException(
                    "The did:web " + did + " names an IP address; a did:web must name a domain");
        }
        if (!host.matches("(?i)[a-z0-9]([a-z0-9-]*[a-z0-9])?(\\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*")) {
            throw new IllegalArgumentException("The did:web " + did + " does not name a valid domain");
        }
        var path = new StringBuilder();
        for (int i = 1; i < parts.length; i++) {
            var segment = URLDecoder.decode(parts[i], StandardCharsets.UTF_8);
            if (segment.isEmpty() || segment.equals(".") || segment.equals("..") || segment.contains("/")) {
                throw new IllegalArgumentException("The did:web " + did + " has an invalid path segment");
            }
            path.append('/').append(segment);
        }
        path.append(parts.length == 1 ? "/.well-known/did.json" : "/did.json");
        try {
            return new URI("https", null, host.toLowerCase(java.util.Locale.ROOT), port, path.toString(), null, null);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("The did:web " + did + " does not make a URL", e);
        }
    }

    /**
     * The raw Ed25519 key of a verification method in a DID document, if the document is the DID's and lists the
     * method for issuing (assertionMethod). Reads Multikey and Ed25519VerificationKey2020 (publicKeyMultibase),
     * Ed25519VerificationKey2018 (publicKeyBase58) and JsonWebKey or JsonWebKey2020 (an OKP Ed25519 publicKeyJwk).
     */
    static byte[] publicKey(JsonObject document, String did, String methodId) {
        if (!did.equals(string(document, "id"))) {
            throw new IllegalArgumentException(
                    "Its DID document is for " + string(document, "id") + ", not for " + did);
        }
        JsonObject method = null;
        for (var candidate : all(document.get("verificationMethod"), document.get("assertionMethod"))) {
            if (candidate instanceof JsonObject object && names(object.get("id"), did, methodId)) {
                method = object;
            }
        }
        if (method == null) {
            throw new IllegalArgumentException("Its DID document lists no key " + methodId + "");
        }
        var authorized = all(document.get("assertionMethod")).stream()
                .anyMatch(entry -> names(entry instanceof JsonObject object ? object.get("id") : entry, did, methodId));
        if (!authorized) {
            throw new IllegalArgumentException(
                    "Its DID document does not allow the key " + methodId + " to issue credentials (assertionMethod)");
        }
        var controller = string(method, "controller");
        if (controller != null && !controller.equals(did)) {
            throw new IllegalArgumentException(
                    "The key " + methodId + " is controlled by " + controller + ", not by " + did);
        }
        var type = Objects.requireNonNullElse(string(method, "type"), "(no type)");
        try {
            return switch (type) {
                case "Multikey", "Ed25519VerificationKey2020" ->
                    DidKey.parse("did:key:" + Objects.requireNonNull(string(method, "publicKeyMultibase")))
                            .publicKey();
                case "Ed25519VerificationKey2018" ->
                    length32(Base58Btc.decode(Objects.requireNonNull(string(method, "publicKeyBase58"))));
                case "JsonWebKey", "JsonWebKey2020" -> jwk(method.get("publicKeyJwk"));
                default -> throw new IllegalArgumentException("type " + type + " is not one Credo reads");
            };
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new IllegalArgumentException(
                    "The key " + methodId + " in its DID document is not an Ed25519 public key Credo can read ("
                            + (e.getMessage() == null ? type : e.getMessage()) + ")");
        }
    }

    private static byte[] jwk(@Nullable JsonValue value) {
        if (!(value instanceof JsonObject jwk)
                || !"OKP".equals(string(jwk, "kty"))
                || !"Ed25519".equals(string(jwk, "crv"))
                || string(jwk, "x") == null) {
            throw new IllegalArgumentException("publicKeyJwk is not an OKP Ed25519 key");
        }
        return length32(Base64.getUrlDecoder().decode(Objects.requireNonNull(string(jwk, "x"))));
    }

    private static byte[] length32(byte[] key) {
        if (key.length != 32) {
            throw new IllegalArgumentException("an Ed25519 public key has 32 bytes, this has " + key.length);
        }
        return key;
    }

    /** Whether an id, absolute or relative to the DID ({@code #key-1}), names the verification method. */
    private static boolean names(@Nullable JsonValue id, String did, String methodId) {
        if (!(id instanceof JsonString text)) {
            return false;
        }
        var value = text.getString();
        return value.equals(methodId) || (value.startsWith("#") && (did + value).equals(methodId));
    }

    private static List<JsonValue> all(@Nullable JsonValue... values) {
        var all = new java.util.ArrayList<JsonValue>();
        for (var value : values) {
            if (value instanceof JsonArray array) {
                all.addAll(array);
            } else if (value instanceof JsonObject || value instanceof JsonString) {
                all.add(value);
            }
        }
        return all;
    }

    private static @Nullable String string(JsonObject object, String name) {
        return object.get(name) instanceof JsonString value ? value.getString() : null;
    }
}
