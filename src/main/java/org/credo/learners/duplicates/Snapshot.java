package org.credo.learners.duplicates;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A learner row as it was before a merge: what a merge may change, so that undoing it puts it back exactly. */
record Snapshot(
        UUID id,
        @Nullable UUID personId,
        String learnerNumber,
        String legalGivenName,
        String legalFamilyName,
        @Nullable String preferredName,
        @Nullable LocalDate dateOfBirth,
        @Nullable String pronouns,
        String status,
        @Nullable UUID programId,
        @Nullable String programCode,
        @Nullable String programName,
        @Nullable Integer programVersion,
        @Nullable String catalogYear,
        @Nullable LocalDate matriculatedOn,
        boolean directoryOptOut,
        String searchText,
        Instant updatedAt,
        @Nullable UUID mergedInto) {

    static Snapshot of(ResultSet rs, int row) throws SQLException {
        var merged = rs.getObject("merged_into", UUID.class);
        return new Snapshot(
                rs.getObject("id", UUID.class),
                rs.getObject("person_id", UUID.class),
                rs.getString("learner_number"),
                rs.getString("legal_given_name"),
                rs.getString("legal_family_name"),
                rs.getString("preferred_name"),
                rs.getObject("date_of_birth", LocalDate.class),
                rs.getString("pronouns"),
                rs.getString("status"),
                rs.getObject("program_id", UUID.class),
                rs.getString("program_code"),
                rs.getString("program_name"),
                (Integer) rs.getObject("program_version"),
                rs.getString("catalog_year"),
                rs.getObject("matriculated_on", LocalDate.class),
                rs.getBoolean("directory_opt_out"),
                rs.getString("search_text"),
                rs.getObject("updated_at", OffsetDateTime.class).toInstant(),
                merged);
    }

    String name() {
        return (preferredName == null ? legalGivenName : preferredName) + " " + legalFamilyName;
    }
}
