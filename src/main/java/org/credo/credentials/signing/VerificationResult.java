package org.credo.credentials.signing;

import java.util.List;

/** The outcome of verifying every proof of a document: verified only if there is a proof and all of them hold. */
public record VerificationResult(boolean verified, List<VerificationFailure> failures) {

    /** Copies the failures. */
    public VerificationResult {
        failures = List.copyOf(failures);
    }

    static VerificationResult of(List<VerificationFailure> failures) {
        return new VerificationResult(failures.isEmpty(), failures);
    }

    static VerificationResult failed(VerificationFailure.Reason reason, String message) {
        return of(List.of(new VerificationFailure(reason, message)));
    }
}
