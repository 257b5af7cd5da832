package org.credo.learners;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.credo.learners.duplicates.DuplicateFinder;
import org.credo.learners.record.Contact;
import org.credo.learners.record.Learner;
import org.credo.learners.record.LearnerContacts;
import org.credo.learners.record.LearnerDetails;
import org.credo.learners.record.LearnerRecords;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The learners facade for other modules: who a learner is, by id or account, and whether they may be named. */
@Service
public class Learners {

    /** What other modules may know of a learner. */
    public record LearnerSummary(
            UUID learnerId,
            UUID organizationId,
            @Nullable UUID personId,
            String learnerNumber,
            String name,
            LearnerStatus status,
            @Nullable UUID programId,
            @Nullable String programCode,
            @Nullable Integer programVersion,
            @Nullable String catalogYear,
            boolean directoryOptOut) {}

    /**
     * A person arriving (an inquiry, an application, an import row, a record staff create), as duplicate detection
     * sees them.
     */
    public record Candidate(
            @Nullable String givenName,
            @Nullable String familyName,
            @Nullable LocalDate dateOfBirth,
            List<String> emails,
            List<String> phones) {}

    /** A record that may be the same person as a candidate: which rule matched and how sure the match is (0–100). */
    public record PossibleDuplicate(
            UUID learnerId, String learnerNumber, String name, LearnerStatus status, DuplicateRule rule, int score) {}

    /** A learner to write to: the name to greet them by and their current email addresses. */
    public record Addressee(
            UUID learnerId, String name, String preferredName, LearnerStatus status, List<String> emails) {}

    /** One change of a learner's status, for a timeline. */
    public record StatusEntry(
            @Nullable LearnerStatus from,
            LearnerStatus to,
            java.time.LocalDate effectiveOn,
            String reason,
            String changedBy,
            java.time.Instant changedAt) {}

    private final LearnerRecords records;
    private final LearnerContacts contacts;
    private final DuplicateFinder duplicates;

    Learners(LearnerRecords records, LearnerContacts contacts, DuplicateFinder duplicates) {
        this.records = records;
        this.contacts = contacts;
        this.duplicates = duplicates;
    }

    /**
     * The organization's records that may be the same person as the candidate, best match first (ADR 0035): same
     * email, same legal name and birth date, or a similar name with the same phone. Merged records are never returned.
     */
    public List<PossibleDuplicate> possibleDuplicates(UUID organizationId, Candidate candidate) {
        return duplicates.find(organizationId, candidate, null);
    }

    /**
     * The person record behind an application that has just arrived: the applicant's own record, else a record that
     * duplicate detection finds by the same email (a prospect from a catalog inquiry, an imported record) and that no
     * other account holds, else a new record. A prospect or withdrawn record becomes an applicant, with the
     * application named in its status history; a record further along keeps its status.
     */
    @Transactional
    public LearnerSummary recordApplicant(
            UUID organizationId,
            @Nullable UUID personId,
            String legalGivenName,
            String legalFamilyName,
            String email,
            String reason) {
        @Nullable
        Learner learner = personId == null
                ? null
                : records.ofPerson(organizationId, personId).orElse(null);
        if (learner == null) {
            var candidate = new Candidate(legalGivenName, legalFamilyName, null, List.of(email), List.of());
            for (var match : duplicates.find(organizationId, candidate, null)) {
                if (match.rule() != DuplicateRule.SAME_EMAIL) {
                    continue;
                }
                var found = records.find(organizationId, match.learnerId());
                if (found.personId() == null
                        && (personId == null || records.attachPerson(organizationId, found.id(), personId))) {
                    learner = records.find(organizationId, found.id());
                    break;
                }
                if (found.personId() != null && found.personId().equals(personId)) {
                    learner = found;
                    break;
                }
            }
        }
        if (learner == null) {
            var details = new LearnerDetails(legalGivenName, legalFamilyName, null, null, null, null, null, false);
            learner = contacts.create(organizationId, details, LearnerStatus.APPLICANT, personId, email);
        } else if (learner.status() == LearnerStatus.PROSPECT || learner.status() == LearnerStatus.WITHDRAWN) {
            learner = records.changeStatus(organizationId, learner.id(), LearnerStatus.APPLICANT, null, reason);
        }
        return summary(learner);
    }

    /**
     * Makes a person an ACTIVE learner of a program from a day: creates their record with a new learner number, or
     * moves their existing record (prospect, applicant, admitted, withdrawn) to ACTIVE through the allowed statuses,
     * each step in the status history. The program version in force on the day gives the catalog year.
     */
    @Transactional
    public LearnerSummary matriculate(
            UUID organizationId,
            UUID personId,
            String email,
            String legalGivenName,
            String legalFamilyName,
            UUID programId,
            java.time.LocalDate day,
            String reason) {
        var l = records.ofPerson(organizationId, personId)
                .orElseGet(() -> records.find(
                        organizationId,
                        recordApplicant(organizationId, personId, legalGivenName, legalFamilyName, email, reason)
                                .learnerId()));
        records.update(
                organizationId,
                l.id(),
                new LearnerDetails(
                        l.legalGivenName(),
                        l.legalFamilyName(),
                        l.preferredName(),
                        l.dateOfBirth(),
                        l.pronouns(),
                        programId,
                        day,
                        l.directoryOptOut()));
        var status = l.status();
        while (status != LearnerStatus.ACTIVE) {
            var next = switch (status) {
                case PROSPECT -> LearnerStatus.APPLICANT;
                case APPLICANT -> LearnerStatus.ADMITTED;
                case ADMITTED, WITHDRAWN, ON_LEAVE -> LearnerStatus.ACTIVE;
                default ->
                    throw org.credo.platform.ProblemException.conflict(
                            "Cannot matriculate",
                            "This person's learner record is " + status.label().toLowerCase(java.util.Locale.ROOT)
                                    + "; the registrar must change it first.");
            };
            status = records.changeStatus(organizationId, l.id(), next, day, reason)
                    .status();
        }
        return summary(records.find(organizationId, l.id()));
    }

    /** The learner's email addresses valid today, and the name to greet them by; empty when there is no such learner. */
    public Optional<Addressee> addressee(UUID organizationId, UUID learnerId) {
        return find(organizationId, learnerId)
                .map(l -> addressee(organizationId, records.find(organizationId, learnerId)));
    }

    /**
     * The learners of an organization in a program and a status (each optional), with their current email addresses,
     * at most {@code limit}: the learner side of a campaign's audience.
     */
    public List<Addressee> addressees(
            UUID organizationId, @Nullable UUID programId, @Nullable LearnerStatus status, int limit) {
        return records.matching(organizationId, programId, status, limit).stream()
                .map(l -> addressee(organizationId, l))
                .toList();
    }

    /**
     * One page of the learners in a program and a status (each optional), in id order after {@code afterLearnerId}, with
     * their current email addresses: a campaign walks its whole audience page by page with it.
     */
    public List<Addressee> addresseesAfter(
            UUID organizationId,
            @Nullable UUID programId,
            @Nullable LearnerStatus status,
            @Nullable UUID afterLearnerId,
            int limit) {
        return records.matchingAfter(organizationId, programId, status, afterLearnerId, limit).stream()
                .map(l -> addressee(organizationId, l))
                .toList();
    }

    /** Learners whose names, number or emails match the words, at most {@code limit}. */
    public List<LearnerSummary> search(UUID organizationId, String words, int limit) {
        return records
                .page(
                        organizationId,
                        words,
                        null,
                        null,
                        org.credo.platform.PageQuery.of(0, limit, "name", LearnerRecords.SORTABLE, true))
                .items()
                .stream()
                .map(Learners::summary)
                .toList();
    }

    /** The statuses of these learners of an organization; unknown ids are missing. */
    public java.util.Map<UUID, LearnerStatus> statuses(UUID organizationId, java.util.Collection<UUID> learnerIds) {
        return records.statuses(organizationId, learnerIds);
    }

    /** The learner's status history, newest first. */
    public List<StatusEntry> statusHistory(UUID organizationId, UUID learnerId) {
        return records.history(organizationId, learnerId).stream()
                .map(c -> new StatusEntry(c.from(), c.to(), c.effectiveOn(), c.reason(), c.changedBy(), c.changedAt()))
                .toList();
    }

    private Addressee addressee(UUID organizationId, Learner l) {
        var today = java.time.LocalDate.now(java.time.ZoneOffset.UTC);
        var emails = contacts.contacts(organizationId, l.id()).stream()
                .filter(c -> c.kind() == Contact.Kind.EMAIL && c.validOn(today))
                .map(Contact::value)
                .toList();
        var preferred =
                l.preferredName() == null || l.preferredName().isBlank() ? l.legalGivenName() : l.preferredName();
        return new Addressee(l.id(), l.name(), preferred, l.status(), emails);
    }

    /** A learner of the organization, if there is one with this id. */
    public Optional<LearnerSummary> find(UUID organizationId, UUID learnerId) {
        try {
            return Optional.of(summary(records.find(organizationId, learnerId)));
        } catch (org.credo.platform.ProblemException notFound) {
            return Optional.empty();
        }
    }

    /** The record of a person (an account) in an organization, if they have one. */
    public Optional<LearnerSummary> ofPerson(UUID organizationId, UUID personId) {
        return records.ofPerson(organizationId, personId).map(Learners::summary);
    }

    /**
     * Whether public pages and exports may name this learner: false when the learner opted out of the directory
     * (FERPA) or is unknown.
     */
    public boolean mayDisclose(UUID organizationId, UUID learnerId) {
        return find(organizationId, learnerId).map(l -> !l.directoryOptOut()).orElse(false);
    }

    private static LearnerSummary summary(Learner l) {
        return new LearnerSummary(
                l.id(),
                l.organizationId(),
                l.personId(),
                l.number(),
                l.name(),
                l.status(),
                l.programId(),
                l.programCode(),
                l.programVersion(),
                l.catalogYear(),
                l.directoryOptOut());
    }
}
