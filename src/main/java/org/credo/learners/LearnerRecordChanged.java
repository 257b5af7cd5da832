package org.credo.learners;

import java.util.UUID;
import org.credo.platform.Audited;
import org.credo.platform.ChangeStamp;

/** Part of a learner record changed (names, contacts, identifiers, program, privacy); {@code what} says which. */
public record LearnerRecordChanged(ChangeStamp stamp, UUID learnerId, String learnerNumber, String name, String what)
        implements Audited {

    @Override
    public String action() {
        return "learner.changed";
    }

    @Override
    public String subjectType() {
        return "Learner";
    }

    @Override
    public String subjectId() {
        return learnerId.toString();
    }

    @Override
    public String subjectName() {
        return name + " · " + learnerNumber;
    }

    @Override
    public String summary() {
        return "Changed learner " + learnerNumber + ": " + what;
    }
}
