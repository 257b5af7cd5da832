package org.credo.notifications.outbox;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** One outbox email as staff see it: to whom, what, and how its delivery went. Bodies are not shown. */
public record Delivery(
        UUID id,
        String recipient,
        String subject,
        Status status,
        int attempts,
        @Nullable Instant nextAttemptAt,
        @Nullable String lastError,
        Instant createdAt,
        @Nullable Instant sentAt) {

    /** Where an email stands. */
    public enum Status {
        /** Not tried yet. */
        PENDING,
        /** Handed to the mail server. */
        SENT,
        /** The last attempt failed; another is scheduled at {@code nextAttemptAt}. */
        FAILED,
        /** Every attempt failed; only "retry now" sends it again. */
        ABANDONED
    }

    /** Whether staff may ask for another attempt now. */
    public boolean retryable() {
        return status == Status.FAILED || status == Status.ABANDONED;
    }
}
