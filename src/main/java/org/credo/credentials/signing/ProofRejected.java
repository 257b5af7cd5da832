package org.credo.credentials.signing;

/** Internal signal that a proof fails verification for a stated reason. */
final class ProofRejected extends Exception {

    private final VerificationFailure failure;

    ProofRejected(VerificationFailure.Reason reason, String message) {
        super(message, null, false, false);
        this.failure = new VerificationFailure(reason, message);
    }

    VerificationFailure failure() {
        return failure;
    }
}
