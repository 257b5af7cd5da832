package org.credo.learners;

import java.util.Optional;
import java.util.UUID;
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

    private final LearnerRecords records;

    Learners(LearnerRecords records) {
        this.records = records;
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
