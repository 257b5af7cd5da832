package org.credo.registration.enrollment;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A learner's place in a section: enrolled, dropped, or withdrawn with a W. */
public record Enrollment(
        UUID id,
        UUID sectionId,
        UUID termId,
        UUID learnerId,
        String courseCode,
        BigDecimal credits,
        EnrollmentStatus status,
        @Nullable String grade,
        @Nullable String overrideReason,
        Instant registeredAt,
        Instant changedAt) {}
