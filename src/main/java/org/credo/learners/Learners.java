package org.credo.learners;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.credo.learners.record.Contact;
import org.credo.learners.record.Learner;
import org.credo.learners.record.LearnerContacts;
import org.credo.learners.record.LearnerRecords;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;

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

    Learners(LearnerRecords records, LearnerContacts contacts) {
        this.records = records;
        this.contacts = contacts;
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
