package org.credo.platform;

import org.jspecify.annotations.Nullable;

/**
 * Sign-in attempts counted per source network (an IPv4 address, an IPv6 /64; ADR 20) for sign-in pages that
 * platform does not own, such as the earner wallet's. Each page counts under its own name, apart from staff
 * sign-in, in the same table and with the same pause as staff password sign-in. Every count is the same whether
 * the address typed belongs to anyone or not, so the answer tells nothing.
 */
public interface SourceThrottle {

    /** Whether password sign-in on this page is paused for the source's network now. */
    boolean passwordPaused(String page, @Nullable String source);

    /**
     * Counts a wrong password from the source; the failure that reaches {@code credo.security.max-failed-sign-ins-
     * per-source} pauses password sign-in on this page from that network.
     */
    void passwordFailed(String page, @Nullable String source);

    /**
     * Counts a request for an emailed sign-in link from the source and says whether to send it: false once the
     * network asked for {@code credo.security.max-sign-in-links-per-source} links within the pause period.
     */
    boolean linkAllowed(String page, @Nullable String source);
}
