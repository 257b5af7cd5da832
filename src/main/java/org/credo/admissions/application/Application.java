package org.credo.admissions.application;

import java.time.Instant;
import java.util.UUID;
import org.credo.admissions.ApplicationStatus;
import org.jspecify.annotations.Nullable;

/** An application with the names of its cycle and program, as lists and pages show it. */
public record Application(
        UUID id,
        UUID organizationId,
        UUID cycleId,
        String cycleName,
        UUID programId,
        String programCode,
        String programName,
        UUID formId,
        int formVersion,
        String number,
        @Nullable UUID applicantPersonId,
        String applicantName,
        String applicantEmail,
        ApplicationStatus status,
        Source source,
        @Nullable Instant submittedAt,
        Instant createdAt,
        Instant updatedAt) {

    /** How an application came in. */
    public enum Source {
        APPLICANT("Applicant"),
        STAFF("Entered by staff"),
        IMPORT("Imported");

        private final String label;

        Source(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }
}
