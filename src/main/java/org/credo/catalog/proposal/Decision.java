package org.credo.catalog.proposal;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A reviewer's decision on a step: APPROVE, RETURN or REJECT, with who, when and the comment. */
public record Decision(
        UUID id,
        @Nullable UUID stepId,
        @Nullable String stepName,
        int round,
        UUID reviewerId,
        String reviewerName,
        String decision,
        @Nullable String comment,
        Instant decidedAt) {}
