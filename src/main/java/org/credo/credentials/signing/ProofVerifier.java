package org.credo.credentials.signing;

import jakarta.json.JsonObject;

/** Checks the Data Integrity proofs of a document. */
public interface ProofVerifier {

    /** Verifies every proof of a secured document; never throws for a bad document, it reports why instead. */
    VerificationResult verify(JsonObject securedDocument);
}
