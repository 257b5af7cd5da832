package org.credo.catalog.course;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** One published version of a course. Immutable: a change is a new version. */
public record CourseVersion(
        UUID id,
        UUID courseId,
        int version,
        LocalDate effectiveFrom,
        CourseContent content,
        boolean retired,
        @Nullable UUID proposalId,
        Instant publishedAt,
        @Nullable UUID publishedBy) {}
