package org.credo.learners;

import java.util.UUID;
import org.credo.platform.Audited;
import org.credo.platform.ChangeStamp;

/** A learner record was created with its learner number. */
public record LearnerRecordCreated(
        ChangeStamp stamp, UUID learnerId, String learnerNumber, String name, LearnerStatus status) implements Audited {

    @Override
    public String action() {
        return "learner.created";
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
        return "Created learner " + learnerNumber + " (" + name + ") as " + status.label();
    }
}
