package org.credo.credentials.network;

/** Why a document of another server was not read, in words a verifier's user can follow. */
public final class FetchFailure extends RuntimeException {

    /** The kind of failure, for code that must tell them apart. */
    public enum Reason {
        /** The operator turned network resolution off. */
        DISABLED,
        /** Not an https URL, or one with credentials in it. */
        NOT_ALLOWED,
        /** The host is, or resolves to, an address that is not public. */
        PRIVATE_ADDRESS,
        /** The host name does not resolve. */
        UNKNOWN_HOST,
        /** No connection, a TLS failure, or a broken HTTP answer. */
        UNREACHABLE,
        /** Slower than the time limit. */
        TIMEOUT,
        /** Larger than the size limit. */
        TOO_LARGE,
        /** More redirects than allowed. */
        TOO_MANY_REDIRECTS,
        /** An HTTP status other than 200, or content that is not JSON. */
        BAD_RESPONSE
    }

    private final Reason reason;

    FetchFailure(Reason reason, String message) {
        super(message, null, false, false);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
