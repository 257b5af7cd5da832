package org.credo.learners.hold;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import org.credo.learners.HoldAction;
import org.credo.platform.Role;
import org.jspecify.annotations.Nullable;

/** A hold on a learner, active until released. */
public record Hold(
        UUID id,
        UUID learnerId,
        String learnerNumber,
        String learnerName,
        UUID holdTypeId,
        String typeName,
        Set<HoldAction> blocks,
        Role office,
        String instructions,
        String reason,
        String placedBy,
        Instant placedAt,
        @Nullable Instant releasedAt,
        @Nullable String releasedBy,
        @Nullable String releaseReason) {

    /** Whether the hold still blocks. */
    public boolean active() {
        return releasedAt == null;
    }
}
