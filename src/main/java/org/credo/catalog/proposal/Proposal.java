package org.credo.catalog.proposal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.credo.platform.CredoUser;
import org.credo.platform.ProblemException;
import org.jspecify.annotations.Nullable;

/**
 * A proposal to create, modify or retire a course, program or credential. Its content is the
 * proposed version; while it is open no other proposal may target the same item.
 */
public record Proposal(
        UUID id,
        UUID organizationId,
        int number,
        Kind kind,
        Action action,
        String itemKey,
        @Nullable UUID itemId,
        @Nullable Integer baseVersion,
        String title,
        @Nullable String rationale,
        String content,
        LocalDate effectiveFrom,
        Status status,
        int round,
        @Nullable Integer currentPosition,
        UUID authorId,
        String authorName,
        Instant createdAt,
        Instant updatedAt,
        @Nullable Instant submittedAt,
        @Nullable Instant closedAt,
        int lockVersion) {

    /** What the proposal is about. */
    public enum Kind {
        COURSE,
        PROGRAM,
        CREDENTIAL
    }

    /** What it does to the item. */
    public enum Action {
        CREATE,
        MODIFY,
        RETIRE
    }

    /** Where it is in its life. */
    public enum Status {
        DRAFT,
        IN_REVIEW,
        RETURNED,
        APPROVED,
        REJECTED,
        WITHDRAWN;

        public boolean open() {
            return this == DRAFT || this == IN_REVIEW || this == RETURNED;
        }

        public String label() {
            return switch (this) {
                case DRAFT -> "Draft";
                case IN_REVIEW -> "In review";
                case RETURNED -> "Returned for changes";
                case APPROVED -> "Approved";
                case REJECTED -> "Rejected";
                case WITHDRAWN -> "Withdrawn";
            };
        }
    }

    /** The item as people name it: 'CS 101', 'BSC-CS', or the credential's key. */
    public String itemName() {
        return itemKey.substring(itemKey.indexOf(':') + 1);
    }

    /** Only the author changes a draft or a returned proposal. */
    void requireEditableBy(CredoUser user) {
        requireAuthor(user, "change");
        if (status != Status.DRAFT && status != Status.RETURNED) {
            throw ProblemException.conflict(
                    "Not editable",
                    "Proposal #" + number + " is " + status.label().toLowerCase()
                            + "; only a draft or a returned proposal can be changed.");
        }
    }

    void requireSubmittableBy(CredoUser user) {
        requireAuthor(user, "submit");
        if (status != Status.DRAFT && status != Status.RETURNED) {
            throw ProblemException.conflict(
                    "Not submittable",
                    "Proposal #" + number + " is " + status.label().toLowerCase()
                            + "; only a draft or a returned proposal can be submitted.");
        }
    }

    void requireWithdrawableBy(CredoUser user) {
        requireAuthor(user, "withdraw");
        if (!status.open()) {
            throw ProblemException.conflict(
                    "Closed", "Proposal #" + number + " is " + status.label().toLowerCase() + " and closed already.");
        }
    }

    void requireInReview() {
        if (status != Status.IN_REVIEW) {
            throw ProblemException.conflict(
                    "Not in review",
                    "Proposal #" + number + " is " + status.label().toLowerCase()
                            + "; only a proposal in review can be decided.");
        }
    }

    private void requireAuthor(CredoUser user, String what) {
        if (!user.personId().equals(authorId)) {
            throw ProblemException.forbidden(
                    "Only the author of proposal #" + number + " (" + authorName + ") can " + what + " it.");
        }
    }
}
