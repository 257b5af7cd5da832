package org.credo.credentials.signing;

import com.apicatalog.jsonld.JsonLdError;
import jakarta.json.JsonObject;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/** The steps of one EdDSA cryptosuite that differ from the other: proof configuration and canonicalization. */
interface ProofAlgorithm {

    /** The proof configuration for proof options (without proofValue) and the unsecured document. */
    JsonObject proofConfig(JsonObject proofOptions, JsonObject unsecuredDocument);

    /** The document to hash when verifying, after the cryptosuite's own checks of the proof options. */
    JsonObject documentToVerify(JsonObject unsecuredDocument, JsonObject proofOptions) throws ProofRejected;

    /** The proof to attach: the configuration as it appears in the secured document, with its proofValue. */
    JsonObject proof(JsonObject proofConfig, String proofValue);

    /** The canonical bytes of a JSON object under this cryptosuite. */
    byte[] canonicalize(JsonObject json) throws JsonLdError;

    /** The canonical bytes of a proof configuration. */
    default byte[] canonicalizeProofConfig(JsonObject proofConfig) throws JsonLdError {
        return canonicalize(proofConfig);
    }

    /** SHA-256 of the canonical proof configuration, then SHA-256 of the canonical document (64 bytes). */
    default byte[] hashData(JsonObject proofConfig, JsonObject document) throws JsonLdError {
        byte[] hash = new byte[64];
        MessageDigest sha256 = sha256();
        System.arraycopy(sha256.digest(canonicalizeProofConfig(proofConfig)), 0, hash, 0, 32);
        System.arraycopy(sha256.digest(canonicalize(document)), 0, hash, 32, 32);
        return hash;
    }

    /** A new SHA-256 digest, the hash of both cryptosuites and of RDFC-1.0. */
    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }
}
