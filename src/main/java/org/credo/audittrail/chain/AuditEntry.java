package org.credo.audittrail.chain;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** One recorded change, as stored. */
public record AuditEntry(
        long sequenceNumber,
        UUID eventId,
        Instant occurredAt,
        @Nullable UUID actorId,
        String actorName,
        String action,
        String subjectType,
        String subjectId,
        String summary,
        @Nullable String requestId,
        String previousHash,
        String entryHash) {}
