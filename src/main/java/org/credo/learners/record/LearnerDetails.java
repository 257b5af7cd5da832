package org.credo.learners.record;

import java.time.LocalDate;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** What staff type about a learner: names, birth date, pronouns, program, privacy. */
public record LearnerDetails(
        String legalGivenName,
        String legalFamilyName,
        @Nullable String preferredName,
        @Nullable LocalDate dateOfBirth,
        @Nullable String pronouns,
        @Nullable UUID programId,
        @Nullable LocalDate matriculatedOn,
        boolean directoryOptOut) {}
