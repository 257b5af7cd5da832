package org.credo.admissions.crm;

import java.time.Instant;
import java.util.UUID;
import org.credo.admissions.ApplicationStatus;
import org.credo.learners.LearnerStatus;
import org.jspecify.annotations.Nullable;

/** An email campaign: whom it goes to, what it says, and when it is (or was) sent. */
public record Campaign(
        UUID id,
        UUID organizationId,
        String name,
        Kind kind,
        Segment segment,
        String subject,
        String body,
        Status status,
        @Nullable Instant sendAt,
        @Nullable Instant sentAt,
        @Nullable Integer recipientCount,
        String createdBy,
        Instant createdAt,
        Instant updatedAt) {

    /** Whether people who unsubscribed are left out. */
    public enum Kind {
        /** Recruitment mail: carries an unsubscribe link, never reaches an unsubscribed address. */
        MARKETING("Marketing"),
        /** Mail about the person's own application or record: reaches everyone in the segment. */
        TRANSACTIONAL("Transactional");

        private final String label;

        Kind(String label) {
            this.label = label;
        }

        /** The words a person reads. */
        public String label() {
            return label;
        }
    }

    /** Where a campaign stands. */
    public enum Status {
        DRAFT("Draft", "secondary"),
        SCHEDULED("Scheduled", "info"),
        /** Being sent, page by page; the campaign page shows how far it got. */
        SENDING("Sending", "warning"),
        SENT("Sent", "success");

        private final String label;
        private final String tone;

        Status(String label, String tone) {
            this.label = label;
            this.tone = tone;
        }

        /** The words a person reads. */
        public String label() {
            return label;
        }

        /** The Bootstrap colour of its badge. */
        public String tone() {
            return tone;
        }
    }

    /**
     * Whom a campaign reaches; every part is optional and they combine. Applicants of the applications that match
     * program, cycle and application status (and whose learner record has the learner status, when one is named),
     * and, when neither a cycle nor an application status is named, the learner records in the program and status.
     */
    public record Segment(
            @Nullable UUID programId,
            @Nullable UUID cycleId,
            @Nullable ApplicationStatus applicationStatus,
            @Nullable LearnerStatus learnerStatus) {

        /** Whether learner records (not only applicants) belong to the segment. */
        public boolean includesLearnerRecords() {
            return cycleId == null && applicationStatus == null;
        }
    }

    /** Whether the campaign may still be changed or scheduled. */
    public boolean editable() {
        return status == Status.DRAFT || status == Status.SCHEDULED;
    }
}
