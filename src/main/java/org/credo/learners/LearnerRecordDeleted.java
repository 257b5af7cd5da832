package org.credo.learners;

import java.util.UUID;
import org.credo.platform.Audited;
import org.credo.platform.ChangeStamp;

/** A learner record was deleted; its learner number stays issued and is never given again. */
public record LearnerRecordDeleted(ChangeStamp stamp, UUID learnerId, String learnerNumber, String name, String reason)
        implements Audited {

    @Override
    public String action() {
        return "learner.deleted";
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
        return "Deleted learner " + learnerNumber + ": " + reason;
    }
}
