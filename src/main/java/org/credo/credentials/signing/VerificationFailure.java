package org.credo.credentials.signing;

/** Why a proof did not verify, with a message a person can act on. */
public record VerificationFailure(Reason reason, String message) {

    /** The kinds of failure a verifier reports. */
    public enum Reason {
        /** The document carries no {@code proof}. */
        NO_PROOF,
        /** The proof is not a well-formed {@code DataIntegrityProof} for assertion. */
        MALFORMED_PROOF,
        /** The proof names a cryptosuite Credo does not verify. */
        UNSUPPORTED_CRYPTOSUITE,
        /** The verification method cannot be resolved to an Ed25519 public key. */
        UNKNOWN_VERIFICATION_METHOD,
        /** The {@code proofValue} is not a base58btc multibase Ed25519 signature. */
        MALFORMED_PROOF_VALUE,
        /** The document names a JSON-LD context that Credo does not ship. */
        UNKNOWN_CONTEXT,
        /** The document cannot be canonicalized (for example a term no context defines). */
        INVALID_DOCUMENT,
        /** The signature does not match the document: it was changed, or signed by another key. */
        BAD_SIGNATURE
    }
}
