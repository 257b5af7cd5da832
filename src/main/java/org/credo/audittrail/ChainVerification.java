package org.credo.audittrail;

import org.jspecify.annotations.Nullable;

/**
 * The outcome of re-checking an organization's audit chain: intact, or where it breaks and why.
 *
 * @param entriesChecked how many entries were read in order before the verdict
 * @param brokenAt the sequence number of the first entry that does not fit, when broken
 */
public record ChainVerification(
        boolean intact,
        long entriesChecked,
        @Nullable Long brokenAt,
        @Nullable String reason) {

    public static ChainVerification intact(long entries) {
        return new ChainVerification(true, entries, null, null);
    }

    public static ChainVerification broken(long entries, long at, String reason) {
        return new ChainVerification(false, entries, at, reason);
    }
}
