package org.credo.learners.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Past;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.credo.learners.HoldAction;
import org.credo.learners.LearnerStatus;
import org.credo.learners.hold.Hold;
import org.credo.learners.hold.HoldType;
import org.credo.learners.record.Contact;
import org.credo.learners.record.Identifier;
import org.credo.learners.record.Learner;
import org.credo.learners.record.LearnerDetails;
import org.credo.learners.record.StatusChange;
import org.jspecify.annotations.Nullable;

/** The request and response bodies of the learners API. */
final class LearnerViews {

    private LearnerViews() {}

    /** A learner in a list. */
    record LearnerView(
            UUID id,
            String learnerNumber,
            String name,
            String legalGivenName,
            String legalFamilyName,
            @Nullable String preferredName,
            @Nullable LocalDate dateOfBirth,
            @Nullable String pronouns,
            LearnerStatus status,
            @Nullable UUID programId,
            @Nullable String programCode,
            @Nullable Integer programVersion,
            @Nullable String catalogYear,
            @Nullable LocalDate matriculatedOn,
            boolean directoryOptOut,
            Instant updatedAt) {

        static LearnerView of(Learner l) {
            return new LearnerView(
                    l.id(),
                    l.number(),
                    l.name(),
                    l.legalGivenName(),
                    l.legalFamilyName(),
                    l.preferredName(),
                    l.dateOfBirth(),
                    l.pronouns(),
                    l.status(),
                    l.programId(),
                    l.programCode(),
                    l.programVersion(),
                    l.catalogYear(),
                    l.matriculatedOn(),
                    l.directoryOptOut(),
                    l.updatedAt());
        }
    }

    /** A learner with contacts, identifiers (national ones masked), status history and holds. */
    record LearnerDetailsView(
            LearnerView learner,
            List<Contact> contacts,
            List<Identifier> identifiers,
            List<StatusChange> history,
            List<HoldView> holds) {}

    /** A new learner or a change of one. */
    record LearnerRequest(
            @NotBlank(message = "give the legal given name") @Size(max = 100)
            String legalGivenName,

            @NotBlank(message = "give the legal family name") @Size(max = 100)
            String legalFamilyName,

            @Nullable @Size(max = 100) String preferredName,

            @Nullable @Past(message = "the date of birth must be in the past")
            LocalDate dateOfBirth,

            @Nullable @Size(max = 40) String pronouns,
            @Nullable UUID programId,
            @Nullable LocalDate matriculatedOn,
            @Nullable Boolean directoryOptOut,
            @Nullable LearnerStatus status,
            @Nullable @Size(max = 254) String email) {

        LearnerDetails details() {
            return new LearnerDetails(
                    legalGivenName,
                    legalFamilyName,
                    preferredName,
                    dateOfBirth,
                    pronouns,
                    programId,
                    matriculatedOn,
                    Boolean.TRUE.equals(directoryOptOut));
        }
    }

    /** A change of status. */
    record StatusRequest(
            @NotNull(message = "give the new status") LearnerStatus status,
            @Nullable LocalDate effectiveOn,

            @NotBlank(message = "say why the status changes") @Size(max = 1000)
            String reason) {}

    /** A new contact. */
    record ContactRequest(
            @NotNull(message = "give the kind: EMAIL, PHONE or ADDRESS")
            Contact.Kind kind,

            @NotBlank(message = "give the type, e.g. HOME") String type,
            @NotBlank(message = "give the value") String value,
            @Nullable LocalDate validFrom,
            @Nullable LocalDate validTo) {}

    /** A new identifier. */
    record IdentifierRequest(
            @NotNull(message = "give the kind: EXTERNAL or NATIONAL")
            Identifier.Kind kind,

            @NotBlank(message = "name the issuer") String issuer,
            @NotBlank(message = "give the identifier") String value) {}

    /** What a learner changes on their own record. */
    record OwnRequest(
            @Nullable @Size(max = 100) String preferredName,
            @Nullable @Size(max = 40) String pronouns) {}

    /** A hold type. */
    record HoldTypeRequest(
            @NotBlank(message = "name the hold type") @Size(max = 100)
            String name,

            @NotNull(message = "say what the hold blocks") Set<HoldAction> blocks,

            @NotNull(message = "give the owning office role")
            org.credo.platform.Role office,

            @NotBlank(message = "tell the learner what to do") @Size(max = 2000)
            String instructions,

            @Nullable Boolean active) {}

    /** A hold to place. */
    record PlaceHoldRequest(
            @NotNull(message = "give the learner id") UUID learnerId,
            @NotNull(message = "give the hold type id") UUID holdTypeId,

            @NotBlank(message = "give the reason") @Size(max = 1000)
            String reason) {}

    /** A reason, to release a hold or delete a record. */
    record ReasonRequest(
            @NotBlank(message = "give the reason") @Size(max = 1000)
            String reason) {}

    /** A hold as the API shows it. */
    record HoldView(
            UUID id,
            UUID learnerId,
            String learnerNumber,
            String type,
            Set<HoldAction> blocks,
            String office,
            String instructions,
            String reason,
            String placedBy,
            Instant placedAt,
            @Nullable Instant releasedAt,
            @Nullable String releasedBy,
            @Nullable String releaseReason) {

        static HoldView of(Hold h) {
            return new HoldView(
                    h.id(),
                    h.learnerId(),
                    h.learnerNumber(),
                    h.typeName(),
                    h.blocks(),
                    h.office().name(),
                    h.instructions(),
                    h.reason(),
                    h.placedBy(),
                    h.placedAt(),
                    h.releasedAt(),
                    h.releasedBy(),
                    h.releaseReason());
        }
    }

    /** A hold type as the API shows it. */
    record HoldTypeView(
            UUID id, String name, Set<HoldAction> blocks, String office, String instructions, boolean active) {

        static HoldTypeView of(HoldType t) {
            return new HoldTypeView(t.id(), t.name(), t.blocks(), t.office().name(), t.instructions(), t.active());
        }
    }
}
