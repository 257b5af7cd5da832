package org.credo.registration.enrollment;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A learner on a section's waitlist; {@code position} is their place among those still waiting (0 when they are not
 * waiting: offered, enrolled, expired or gone).
 */
public record WaitlistEntry(
        UUID id,
        UUID sectionId,
        UUID learnerId,
        WaitlistStatus status,
        int priority,
        Instant joinedAt,
        @Nullable Instant offerExpiresAt,
        int position) {}
