package org.credo.billing.charges;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A manual charge or credit adjustment: posted at once, or waiting for a second bursar above the threshold. */
public record Adjustment(
        UUID id,
        UUID learnerId,
        Kind kind,
        BigDecimal amount,
        String currency,
        String reason,
        LocalDate dueOn,
        Status status,
        @Nullable UUID requestedById,
        String requestedBy,
        Instant requestedAt,
        @Nullable String decidedBy,
        @Nullable UUID entryId) {

    /** A charge adds to what the learner owes (fee revenue); a credit takes off it (write-off). */
    public enum Kind {
        CHARGE,
        CREDIT
    }

    /** Where the adjustment stands. */
    public enum Status {
        PENDING,
        POSTED,
        REJECTED
    }
}
