package org.credo.credentials.issuance;

import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.credo.credentials.signing.ContextStore;
import org.credo.platform.ProblemException;
import org.jspecify.annotations.Nullable;

/**
 * What the W3C Verifiable Credentials Data Model (2.0, and 1.1 where it differs) requires of a credential before Credo
 * signs it. Every rule answers with a 400 that names the property and what is expected, and runs before anything is
 * allocated or signed. JSON-LD rules (terms that map to nothing, protected terms redefined) are checked by expansion
 * when the credential is signed.
 */
public final class DataModelRules {

    /** The base context of VC Data Model 2.0. */
    public static final String VC_V2 = "https://www.w3.org/ns/credentials/v2";
    /** The base context of VC Data Model 1.1. */
    public static final String VC_V1 = "https://www.w3.org/2018/credentials/v1";

    // An absolute URL or URN: a scheme, a colon, and no white space (RFC 3986 as other verifiers read it).
    private static final Pattern URL = Pattern.compile("[A-Za-z][A-Za-z0-9+.-]*:[^\\s]+");
    // XML Schema dateTimeStamp as VC 2.0 writes it; the offset may be left out (read as UTC).
    private static final Pattern DATE_TIME = Pattern.compile("-?([1-9][0-9]{3,}|0[0-9]{3})-(0[1-9]|1[0-2])"
            + "-(0[1-9]|[12][0-9]|3[01])T([01][0-9]|2[0-3]):[0-5][0-9]:([0-5][0-9]|60)(\\.[0-9]+)?"
            + "(Z|[+-]((0[0-9]|1[0-3]):[0-5][0-9]|14:00))?");
    private static final Set<String> LANGUAGE_VALUE_KEYS = Set.of("@value", "@language", "@direction");
    private static final Set<String> TYPED_PROPERTIES = Set.of("refreshService", "termsOfUse", "evidence");

    /**
     * Digests that the VC 2.0 specification publishes for its base context, so that a relatedResource naming it can
     * be checked without fetching it (the bytes Credo ships are the same document, differently packaged).
     */
    private static final Map<String, Map<String, String>> PUBLISHED_DIGESTS = Map.of(
            VC_V2,
            Map.of(
                    "SHA-256",
                    "24a18c90e9856d526111f29376e302d970b2bd10182e33959995b0207d7043b9",
                    "SHA-384",
                    "35239c36999d2155312091af194a1edb61634d6ad789a5e5b19f2aebdd762dd9"
                            + "d1dcaada40eda7ef921c6b8c0ae107a0"));

    private DataModelRules() {}

    /** The data model version a credential declares by its first context: 1.1 or 2.0. */
    public enum Version {
        V1_1,
        V2_0
    }

    /**
     * Checks a credential sent to be signed, at the path {@code at} (such as {@code credential}).
     *
     * @return the version of the data model it follows
     * @throws ProblemException a 400 naming the first property that breaks a rule
     */
    public static Version check(JsonObject credential, String at) {
        var version = contexts(credential, at);
        types(credential.get("type"), at + ".type", "VerifiableCredential");
        if (credential.containsKey("id")) {
            url(credential.get("id"), at + ".id");
        }
        issuer(credential, at, version);
        languageValues(credential, at);
        subjects(credential.get("credentialSubject"), at + ".credentialSubject");
        var from = dateTime(credential, version == Version.V1_1 ? "issuanceDate" : "validFrom", at);
        var until = dateTime(credential, version == Version.V1_1 ? "expirationDate" : "validUntil", at);
        if (from != null && until != null && until.isBefore(from)) {
            throw ProblemException.invalidField(
                    at + (version == Version.V1_1 ? ".expirationDate" : ".validUntil"),
                    "must not be earlier than " + (version == Version.V1_1 ? "issuanceDate" : "validFrom") + ".");
        }
        for (var name : TYPED_PROPERTIES) {
            typedObjects(credential.get(name), at + "." + name, false);
        }
        typedObjects(credential.get("credentialSchema"), at + ".credentialSchema", true);
        typedObjects(credential.get("credentialStatus"), at + ".credentialStatus", false);
        relatedResources(credential.get("relatedResource"), at + ".relatedResource");
        statusEntries(credential, at);
        return version;
    }

    /** The instant a date-time property names, read as UTC when it has no offset; null when it is absent. */
    public static @Nullable Instant instant(JsonObject object, String name) {
        if (!(object.get(name) instanceof JsonString text)) {
            return null;
        }
        var value = text.getString();
        try {
            return OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException e) {
            return LocalDateTime.parse(value).toInstant(ZoneOffset.UTC);
        }
    }

    private static Version contexts(JsonObject credential, String at) {
        var context = credential.get("@context");
        var where = at + ".@context";
        if (!(context instanceof JsonArray array) || array.isEmpty()) {
            throw ProblemException.invalidField(
                    where, "must be an array whose first entry is " + VC_V2 + " (or " + VC_V1 + " for VC 1.1).");
        }
        var first = array.get(0) instanceof JsonString s ? s.getString() : "";
        if (!first.equals(VC_V2) && !first.equals(VC_V1)) {
            throw ProblemException.invalidField(
                    where, "the first entry must be " + VC_V2 + " (or " + VC_V1 + " for VC 1.1).");
        }
        var store = ContextStore.shipped();
        for (int i = 1; i < array.size(); i++) {
            var entry = array.get(i);
            if (entry instanceof JsonString url) {
                if (!store.knows(url.getString())) {
                    throw ProblemException.invalidField(
                            where + "[" + i + "]",
                            "unknown context " + url.getString()
                                    + ": Credo never fetches contexts from the network; it knows " + store.urls()
                                    + ", or define the terms inline in a context object.");
                }
            } else if (!(entry instanceof JsonObject)) {
                throw ProblemException.invalidField(
                        where + "[" + i + "]", "a context is a URL string or a context object.");
            }
        }
        return first.equals(VC_V1) ? Version.V1_1 : Version.V2_0;
    }

    private static void types(@Nullable JsonValue type, String where, String required) {
        List<JsonValue> values = type instanceof JsonArray array ? array : type == null ? List.of() : List.of(type);
        if (values.isEmpty()) {
            throw ProblemException.invalidField(where, "is required and must include " + required + ".");
        }
        var found = false;
        for (var value : values) {
            if (!(value instanceof JsonString name) || name.getString().isBlank()) {
                throw ProblemException.invalidField(where, "every type is a non-empty string.");
            }
            found |= name.getString().equals(required);
        }
        if (!found) {
            throw ProblemException.invalidField(where, "must include " + required + ".");
        }
    }

    private static void url(@Nullable JsonValue value, String where) {
        if (!(value instanceof JsonString text)
                || !URL.matcher(text.getString()).matches()) {
            throw ProblemException.invalidField(where, "must be one URL (such as urn:uuid:… or https://…).");
        }
    }

    private static void issuer(JsonObject credential, String at, Version version) {
        if (!credential.containsKey("issuer")) {
            return; // Credo names itself as the issuer.
        }
        var issuer = credential.get("issuer");
        var where = at + ".issuer";
        if (issuer instanceof JsonObject object) {
            if (!object.containsKey("id")) {
                throw ProblemException.invalidField(where + ".id", "an issuer object must have an id URL.");
            }
            url(object.get("id"), where + ".id");
            languageValues(object, where);
        } else if (!(issuer instanceof JsonString text)
                || !URL.matcher(text.getString()).matches()) {
            throw ProblemException.invalidField(where, "must be a URL or an object with an id URL.");
        }
    }

    // name and description: a string, a language value object, or an array of them.
    private static void languageValues(JsonObject object, String at) {
        for (var name : List.of("name", "description")) {
            var value = object.get(name);
            if (value == null) {
                continue;
            }
            List<JsonValue> values = value instanceof JsonArray array ? array : List.of(value);
            for (var item : values) {
                if (item instanceof JsonString) {
                    continue;
                }
                if (item instanceof JsonObject language
                        && language.get("@value") instanceof JsonString
                        && LANGUAGE_VALUE_KEYS.containsAll(language.keySet())
                        && stringsOnly(language)) {
                    continue;
                }
                throw ProblemException.invalidField(
                        at + "." + name,
                        "must be a string or a language value object {\"@value\", \"@language\", \"@direction\"}"
                                + " with nothing else.");
            }
        }
    }

    private static boolean stringsOnly(JsonObject object) {
        return object.values().stream().allMatch(JsonString.class::isInstance);
    }

    private static void subjects(@Nullable JsonValue subject, String where) {
        List<JsonValue> subjects =
                subject instanceof JsonArray array ? array : subject == null ? List.of() : List.of(subject);
        if (subjects.isEmpty()) {
            throw ProblemException.invalidField(where, "is required: one subject object or an array of them.");
        }
        for (int i = 0; i < subjects.size(); i++) {
            var path = subject instanceof JsonArray ? where + "[" + i + "]" : where;
            if (!(subjects.get(i) instanceof JsonObject object) || object.isEmpty()) {
                throw ProblemException.invalidField(path, "a subject is an object with at least one claim or an id.");
            }
            if (object.containsKey("id")) {
                url(object.get("id"), path + ".id");
            }
        }
    }

    private static @Nullable Instant dateTime(JsonObject credential, String name, String at) {
        var value = credential.get(name);
        if (value == null) {
            return null;
        }
        if (!(value instanceof JsonString text)
                || !DATE_TIME.matcher(text.getString()).matches()) {
            throw ProblemException.invalidField(
                    at + "." + name, "must be an XML Schema date-time such as 2026-06-01T12:00:00Z.");
        }
        try {
            return instant(credential, name);
        } catch (DateTimeParseException e) {
            throw ProblemException.invalidField(at + "." + name, "is not a date that exists: " + text.getString());
        }
    }

    private static void typedObjects(@Nullable JsonValue value, String where, boolean idRequired) {
        if (value == null) {
            return;
        }
        List<JsonValue> items = value instanceof JsonArray array ? array : List.of(value);
        for (int i = 0; i < items.size(); i++) {
            var path = value instanceof JsonArray ? where + "[" + i + "]" : where;
            if (!(items.get(i) instanceof JsonObject object)) {
                throw ProblemException.invalidField(path, "must be an object with a type.");
            }
            if (!object.containsKey("type")) {
                throw ProblemException.invalidField(path + ".type", "is required.");
            }
            var type = object.get("type");
            List<JsonValue> types = type instanceof JsonArray array ? array : List.of(type);
            if (types.isEmpty()
                    || !types.stream()
                            .allMatch(t ->
                                    t instanceof JsonString s && !s.getString().isBlank())) {
                throw ProblemException.invalidField(path + ".type", "must be a string or an array of strings.");
            }
            if (idRequired || object.containsKey("id")) {
                url(object.get("id"), path + ".id");
            }
        }
    }

    private static void relatedResources(@Nullable JsonValue value, String where) {
        if (value == null) {
            return;
        }
        List<JsonValue> items = value instanceof JsonArray array ? array : List.of(value);
        var ids = new HashSet<String>();
        for (int i = 0; i < items.size(); i++) {
            var path = value instanceof JsonArray ? where + "[" + i + "]" : where;
            if (!(items.get(i) instanceof JsonObject resource)) {
                throw ProblemException.invalidField(
                        path, "must be an object with an id and a digestSRI or digestMultibase.");
            }
            url(resource.get("id"), path + ".id");
            var id = resource.getString("id");
            if (!ids.add(id)) {
                throw ProblemException.invalidField(path + ".id", "names " + id + " twice; each resource once.");
            }
            var sri = resource.get("digestSRI");
            var multibase = resource.get("digestMultibase");
            if (sri == null && multibase == null) {
                throw ProblemException.invalidField(path, "needs a digestSRI or a digestMultibase.");
            }
            if (sri != null) {
                checkDigest(id, sri, path + ".digestSRI", DataModelRules::sriDigest);
            }
            if (multibase != null) {
                checkDigest(id, multibase, path + ".digestMultibase", DataModelRules::multibaseDigest);
            }
        }
    }

    /** A digest as an algorithm and its bytes. */
    private record Digest(String algorithm, byte[] bytes) {}

    private interface DigestReader {
        @Nullable
        Digest read(String text);
    }

    private static void checkDigest(String id, JsonValue value, String where, DigestReader reader) {
        var digest = value instanceof JsonString text ? reader.read(text.getString()) : null;
        if (digest == null) {
            throw ProblemException.invalidField(
                    where,
                    where.endsWith("SRI")
                            ? "must be sha256-, sha384- or sha512- followed by the base64 digest."
                            : "must be a multibase (u… base64url or z… base58btc) SHA-256 digest.");
        }
        var published = PUBLISHED_DIGESTS.getOrDefault(id, Map.of()).get(digest.algorithm());
        if (published != null && !HexFormat.of().formatHex(digest.bytes()).equals(published)) {
            throw ProblemException.invalidField(
                    where, "does not match the digest of " + id + " (" + digest.algorithm() + " " + published + ").");
        }
    }

    private static @Nullable Digest sriDigest(String text) {
        var dash = text.indexOf('-');
        if (dash < 0) {
            return null;
        }
        var algorithm = switch (text.substring(0, dash)) {
            case "sha256" -> "SHA-256";
            case "sha384" -> "SHA-384";
            case "sha512" -> "SHA-512";
            default -> null;
        };
        if (algorithm == null) {
            return null;
        }
        try {
            var bytes = Base64.getDecoder().decode(text.substring(dash + 1));
            return bytes.length == length(algorithm) ? new Digest(algorithm, bytes) : null;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static @Nullable Digest multibaseDigest(String text) {
        if (text.length() < 2) {
            return null;
        }
        byte[] bytes;
        try {
            bytes = switch (text.charAt(0)) {
                case 'u' -> Base64.getUrlDecoder().decode(text.substring(1));
                case 'z' -> org.credo.credentials.signing.Base58Btc.decode(text.substring(1));
                default -> null;
            };
        } catch (IllegalArgumentException e) {
            return null;
        }
        if (bytes == null) {
            return null;
        }
        return switch (bytes.length) {
            case 32 -> new Digest("SHA-256", bytes);
            case 48 -> new Digest("SHA-384", bytes);
            case 64 -> new Digest("SHA-512", bytes);
            default -> null;
        };
    }

    private static int length(String algorithm) {
        try {
            return MessageDigest.getInstance(algorithm).getDigestLength();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    // Every BitstringStatusListEntry anywhere in the credential, so that a malformed one is never signed.
    private static void statusEntries(JsonValue value, String where) {
        if (value instanceof JsonArray array) {
            for (int i = 0; i < array.size(); i++) {
                statusEntries(array.get(i), where + "[" + i + "]");
            }
            return;
        }
        if (!(value instanceof JsonObject object)) {
            return;
        }
        if (object.get("type") instanceof JsonString type && type.getString().equals("BitstringStatusListEntry")) {
            statusEntry(object, where);
        }
        for (var entry : object.entrySet()) {
            if (!entry.getKey().startsWith("@")) {
                statusEntries(entry.getValue(), where + "." + entry.getKey());
            }
        }
    }

    private static void statusEntry(JsonObject entry, String where) {
        if (!(entry.get("statusPurpose") instanceof JsonString purpose)
                || purpose.getString().isBlank()) {
            throw ProblemException.invalidField(
                    where + ".statusPurpose", "must be a string such as revocation, suspension or message.");
        }
        if (!(entry.get("statusListIndex") instanceof JsonString index)
                || !index.getString().matches("0|[1-9][0-9]*")) {
            throw ProblemException.invalidField(
                    where + ".statusListIndex", "must be a whole number of 0 or more, written as a string (\"42\").");
        }
        url(entry.get("statusListCredential"), where + ".statusListCredential");
        var size = 1;
        if (entry.containsKey("statusSize")) {
            if (!(entry.get("statusSize") instanceof JsonNumber number)
                    || !number.isIntegral()
                    || number.intValue() < 1
                    || number.intValue() > 8) {
                throw ProblemException.invalidField(where + ".statusSize", "must be a whole number from 1 to 8.");
            }
            size = number.intValue();
        }
        if (size > 1 && !entry.containsKey("statusMessage")) {
            throw ProblemException.invalidField(where + ".statusMessage", "is required when statusSize is above 1.");
        }
        if (entry.containsKey("statusMessage")) {
            if (!(entry.get("statusMessage") instanceof JsonArray messages) || messages.size() != (1 << size)) {
                throw ProblemException.invalidField(
                        where + ".statusMessage",
                        "must be an array of " + (1 << size) + " messages, one per value of the " + size
                                + "-bit status.");
            }
            for (var message : messages) {
                if (!(message instanceof JsonObject m)
                        || !(m.get("status") instanceof JsonString)
                        || !(m.get("message") instanceof JsonString)) {
                    throw ProblemException.invalidField(
                            where + ".statusMessage", "each message is {\"status\": \"0x0\", \"message\": \"…\"}.");
                }
            }
        }
    }
}
