package org.credo.credentials.verification;

import java.util.ArrayList;
import java.util.List;
import org.credo.credentials.signing.VcJwt;
import org.credo.platform.ProblemException;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * Reads the VC-JWT a VC-API request carries instead of a JSON credential: a compact JWT given as a string, or a VC
 * 2.0 {@code EnvelopedVerifiableCredential} whose id is a {@code data:application/vc+jwt,<jwt>} URL.
 */
final class EnvelopedCredentials {

    static final String DATA_URL = "data:application/vc+jwt,";

    private EnvelopedCredentials() {}

    /**
     * The compact JWT of a request's credential, or null when the credential is JSON to verify as it is.
     *
     * @throws ProblemException a 400 for a string that is not a JWT, or an envelope of another media type
     */
    static @Nullable String jwt(@Nullable JsonNode credential) {
        if (credential == null) {
            return null;
        }
        if (credential.isString()) {
            var text = credential.asString();
            if (!VcJwt.looksLikeOne(text)) {
                throw ProblemException.invalidField(
                        "verifiableCredential",
                        "a string must be a VC-JWT (header.payload.signature, base64url); send any other credential"
                                + " as a JSON object.");
            }
            return text;
        }
        if (credential.isObject() && types(credential.get("type")).contains("EnvelopedVerifiableCredential")) {
            var id = credential.path("id").asString("");
            if (!id.startsWith(DATA_URL)) {
                throw ProblemException.invalidField(
                        "verifiableCredential.id",
                        "an EnvelopedVerifiableCredential's id must be " + DATA_URL
                                + "<jwt>; Credo verifies no other enveloped format.");
            }
            return id.substring(DATA_URL.length());
        }
        return null;
    }

    private static List<String> types(@Nullable JsonNode type) {
        var values = new ArrayList<String>();
        if (type != null && type.isString()) {
            values.add(type.asString());
        } else if (type != null && type.isArray()) {
            type.forEach(t -> values.add(t.asString("")));
        }
        return values;
    }
}
