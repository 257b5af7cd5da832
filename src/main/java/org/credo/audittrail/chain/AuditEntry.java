package org.credo.audittrail.chain;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * One recorded change, as stored. {@code subjectName} is what people call the subject (a credential's earner and
 * achievement, a person's name): the event's own, or the last one recorded for the same subject.
 */
public record AuditEntry(
        long sequenceNumber,
        UUID eventId,
        Instant occurredAt,
        @Nullable UUID actorId,
        String actorName,
        String action,
        String subjectType,
        String subjectId,
        @Nullable String subjectName,
        String summary,
        @Nullable String requestId,
        String previousHash,
        String entryHash) {}
