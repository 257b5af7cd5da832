package org.credo.learners.record;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.credo.learners.LearnerStatus;
import org.jspecify.annotations.Nullable;

/** A learner record as stored: who the learner is, their number, program and status. */
public record Learner(
        UUID id,
        UUID organizationId,
        @Nullable UUID personId,
        String number,
        String legalGivenName,
        String legalFamilyName,
        @Nullable String preferredName,
        @Nullable LocalDate dateOfBirth,
        @Nullable String pronouns,
        LearnerStatus status,
        @Nullable UUID programId,
        @Nullable String programCode,
        @Nullable String programName,
        @Nullable Integer programVersion,
        @Nullable String catalogYear,
        @Nullable LocalDate matriculatedOn,
        boolean directoryOptOut,
        Instant createdAt,
        Instant updatedAt) {

    /** The legal name, given name first. */
    public String legalName() {
        return legalGivenName + " " + legalFamilyName;
    }

    /** The name to use with the learner: the preferred name, when there is one, with the family name. */
    public String name() {
        return preferredName == null || preferredName.isBlank() ? legalName() : preferredName + " " + legalFamilyName;
    }
}
