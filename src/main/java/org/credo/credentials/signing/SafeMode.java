package org.credo.credentials.signing;

import com.apicatalog.jsonld.JsonLdError;
import com.apicatalog.jsonld.JsonLdErrorCode;
import com.apicatalog.jsonld.lang.Keywords;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.Map;

/**
 * The checks of JSON-LD "safe mode" that other verifiers apply (Digital Bazaar's canonicalizer among them), on an
 * expanded document: a type, datatype, property or node id that no context turns into an absolute IRI would be
 * dropped silently by RDF conversion, so the claim would be unsigned. Such a document is an error. A text's base
 * direction ({@code @direction}) is not: without an {@code rdfDirection} option, which the Data Integrity cryptosuites
 * do not set, RDF keeps the text and its language and leaves the direction out, exactly as jsonld.js does, so that
 * credentials with directed text (VC 2.0 section 11.1) sign and verify the same everywhere.
 */
final class SafeMode {

    private SafeMode() {}

    static void check(JsonValue expanded) throws JsonLdError {
        if (expanded instanceof JsonArray array) {
            for (JsonValue item : array) {
                check(item);
            }
        } else if (expanded instanceof JsonObject object) {
            checkObject(object);
        }
    }

    private static void checkObject(JsonObject object) throws JsonLdError {
        boolean valueObject = object.containsKey(Keywords.VALUE);
        for (Map.Entry<String, JsonValue> entry : object.entrySet()) {
            String key = entry.getKey();
            JsonValue value = entry.getValue();
            if (key.equals(Keywords.TYPE)) {
                if (!(valueObject
                        && value instanceof JsonString json
                        && json.getString().equals(Keywords.JSON))) {
                    checkIris(value, valueObject ? "datatype" : "@type");
                }
            } else if (key.equals(Keywords.ID)) {
                checkIris(value, "@id");
            } else if (valueObject) {
                continue;
            } else if (!key.startsWith("@")) {
                requireAbsolute(key, "property");
                check(value);
            } else if (!key.equals(Keywords.VALUE)) {
                check(value);
            }
        }
    }

    private static void checkIris(JsonValue value, String what) throws JsonLdError {
        if (value instanceof JsonString iri) {
            requireAbsolute(iri.getString(), what);
        } else if (value instanceof JsonArray array) {
            for (JsonValue item : array) {
                checkIris(item, what);
            }
        }
    }

    // Like jsonld.js: a scheme ([A-Za-z][A-Za-z0-9+.-]*), a colon, no whitespace; or a blank node id ("_:").
    static boolean isAbsoluteOrBlank(String iri) {
        int colon = iri.indexOf(':');
        if (colon < 1) {
            return false;
        }
        boolean blank = colon == 1 && iri.charAt(0) == '_';
        for (int i = 0; i < colon && !blank; i++) {
            char c = iri.charAt(i);
            boolean letter = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
            if (!(letter || (i > 0 && ((c >= '0' && c <= '9') || c == '+' || c == '-' || c == '.')))) {
                return false;
            }
        }
        for (int i = colon + 1; i < iri.length(); i++) {
            char c = iri.charAt(i);
            if (c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r') {
                return false;
            }
        }
        return true;
    }

    private static void requireAbsolute(String iri, String what) throws JsonLdError {
        if (!isAbsoluteOrBlank(iri)) {
            throw new JsonLdError(
                    JsonLdErrorCode.UNSPECIFIED,
                    "not safe JSON-LD: relative " + what + " reference \"" + iri
                            + "\"; no context of the document defines it, so it would not be signed");
        }
    }
}
