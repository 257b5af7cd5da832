package org.credo.learners.record;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.credo.learners.LearnerStatus;
import org.jspecify.annotations.Nullable;

/** One entry of a learner's status history: from, to, from which day, who and why. */
public record StatusChange(
        UUID id,
        @Nullable LearnerStatus from,
        LearnerStatus to,
        LocalDate effectiveOn,
        String reason,
        String changedBy,
        Instant changedAt) {}
