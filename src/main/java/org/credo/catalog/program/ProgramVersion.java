package org.credo.catalog.program;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** One published version of a program. Immutable: a change is a new version. */
public record ProgramVersion(
        UUID id,
        UUID programId,
        int version,
        LocalDate effectiveFrom,
        ProgramContent content,
        boolean retired,
        @Nullable UUID proposalId,
        Instant publishedAt,
        @Nullable UUID publishedBy) {}
