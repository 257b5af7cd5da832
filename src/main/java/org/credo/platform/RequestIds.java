package org.credo.platform;

/** Where the id of the current HTTP request lives, for logs and audit entries. */
public final class RequestIds {

    /** The MDC key that log lines and {@link ChangeStamp} read. */
    public static final String MDC_KEY = "requestId";

    /** The header a caller may send and always receives back. */
    public static final String HEADER = "X-Request-Id";

    private RequestIds() {}
}
