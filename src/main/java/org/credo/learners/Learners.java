package org.credo.learners;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.credo.learners.duplicates.DuplicateFinder;
import org.credo.learners.record.Learner;
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

    private final LearnerRecords records;
    private final DuplicateFinder duplicates;

    Learners(LearnerRecords records, DuplicateFinder duplicates) {
        this.records = records;
        this.duplicates = duplicates;
    }

    /**
     * The organization's records that may be the same person as the candidate, best match first (ADR 0035): same
     * email, same legal name and birth date, or a similar name with the same phone. Merged records are never returned.
     */
    public List<PossibleDuplicate> possibleDuplicates(UUID organizationId, Candidate candidate) {
        return duplicates.find(organizationId, candidate, null);
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
