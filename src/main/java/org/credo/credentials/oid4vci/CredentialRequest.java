package org.credo.credentials.oid4vci;

import jakarta.json.JsonArray;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import org.credo.platform.ProblemException;
import org.credo.platform.json.JsonLimits;

/**
 * A credential request (OpenID4VCI 1.0, section 8.2) reduced to what Credo issues: the configuration and the one
 * JWT key proof, from {@code proofs.jwt} (1.0) or the singular {@code proof} of earlier drafts.
 */
record CredentialRequest(String configurationId, String proofJwt) {

    /**
     * Reads a request body.
     *
     * @throws OAuthError with the error code the specification names for what is wrong
     */
    static CredentialRequest parse(String body) {
        JsonObject request;
        try {
            request = JsonLimits.ANY.read(body, "The request body").asJsonObject();
        } catch (ProblemException e) {
            throw invalidRequest(e.getMessage());
        } catch (JsonException | IllegalStateException | ClassCastException e) {
            throw invalidRequest("The body must be a JSON object.");
        }
        if (request.containsKey("credential_identifier")) {
            throw OAuthError.badRequest(
                    "unknown_credential_identifier",
                    "Credo issues no credential identifiers; send credential_configuration_id instead.");
        }
        if (!(request.get("credential_configuration_id") instanceof JsonString id)) {
            throw invalidRequest("Send credential_configuration_id (OpenID4VCI 1.0); "
                    + CredentialIssuerMetadata.OPEN_BADGE + " is the one Credo offers.");
        }
        if (!id.getString().equals(CredentialIssuerMetadata.OPEN_BADGE)) {
            throw OAuthError.badRequest(
                    "unknown_credential_configuration",
                    "Credo offers only the credential configuration " + CredentialIssuerMetadata.OPEN_BADGE + ".");
        }
        boolean hasProofs = request.containsKey("proofs");
        boolean hasProof = request.containsKey("proof");
        if (hasProofs && hasProof) {
            throw invalidRequest("Send either proofs or proof, not both.");
        }
        if (hasProofs) {
            return new CredentialRequest(id.getString(), fromProofs(request.get("proofs")));
        }
        if (hasProof) {
            return new CredentialRequest(id.getString(), fromProof(request.get("proof")));
        }
        throw invalidProof("The request has no key proof; send proofs.jwt with one proof JWT.");
    }

    private static String fromProofs(jakarta.json.JsonValue value) {
        if (!(value instanceof JsonObject proofs) || proofs.size() != 1) {
            throw invalidProof("proofs must be an object with one proof type: {\"jwt\": [\"...\"]}.");
        }
        if (!(proofs.get("jwt") instanceof JsonArray jwts)) {
            throw invalidProof("Credo takes proofs of type jwt only.");
        }
        if (jwts.size() != 1) {
            throw invalidRequest(
                    "Credo issues one credential per request: send exactly one proof JWT, not " + jwts.size() + ".");
        }
        if (!(jwts.get(0) instanceof JsonString jwt)) {
            throw invalidProof("A jwt proof must be a string.");
        }
        return jwt.getString();
    }

    private static String fromProof(jakarta.json.JsonValue value) {
        if (!(value instanceof JsonObject proof)) {
            throw invalidProof("proof must be an object: {\"proof_type\": \"jwt\", \"jwt\": \"...\"}.");
        }
        if (!"jwt".equals(proof.getString("proof_type", ""))) {
            throw invalidProof("Credo takes proofs of type jwt only.");
        }
        if (!(proof.get("jwt") instanceof JsonString jwt)) {
            throw invalidProof("proof.jwt must be a string.");
        }
        return jwt.getString();
    }

    private static OAuthError invalidRequest(String description) {
        return OAuthError.badRequest("invalid_credential_request", description);
    }

    private static OAuthError invalidProof(String description) {
        return OAuthError.badRequest("invalid_proof", description);
    }
}
