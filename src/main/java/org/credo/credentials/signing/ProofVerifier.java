package org.credo.credentials.signing;

import jakarta.json.JsonObject;
import org.jspecify.annotations.Nullable;

/** Checks the Data Integrity proofs of a document. */
public interface ProofVerifier {

    /** Verifies every proof of a secured document; never throws for a bad document, it reports why instead. */
    VerificationResult verify(JsonObject securedDocument);

    /**
     * Verifies every proof for an expected purpose ({@code authentication} for a holder's proof on a presentation),
     * and, when given, the {@code challenge} and {@code domain} the proof must carry.
     */
    VerificationResult verify(
            JsonObject securedDocument, String expectedPurpose, @Nullable String challenge, @Nullable String domain);
}
