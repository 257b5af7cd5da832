package org.credo.audittrail.chain;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** What an auditor narrows the trail to; every part is optional. */
public record AuditFilter(
        @Nullable String actor,
        @Nullable String subject,
        @Nullable String action,
        @Nullable Instant from,
        @Nullable Instant to) {

    public static AuditFilter none() {
        return new AuditFilter(null, null, null, null, null);
    }
}
