package org.credo.learners.duplicates;

import org.credo.learners.LearnerRecordChanged;
import org.credo.learners.LearnerRecordCreated;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Keeps the match keys of a record, and the duplicate pairs it forms, in step with every write: it hears the
 * record's own events synchronously, inside the transaction that changed the record, so keys never lag behind.
 */
@Component
class MatchKeysListener {

    private final DuplicateFinder finder;

    MatchKeysListener(DuplicateFinder finder) {
        this.finder = finder;
    }

    @EventListener
    void on(LearnerRecordCreated event) {
        refresh(event.stamp().organizationId(), event.learnerId());
    }

    @EventListener
    void on(LearnerRecordChanged event) {
        refresh(event.stamp().organizationId(), event.learnerId());
    }

    private void refresh(java.util.UUID organizationId, java.util.UUID learnerId) {
        finder.refreshKeys(organizationId, learnerId);
        finder.recordPairs(organizationId, learnerId);
    }
}
