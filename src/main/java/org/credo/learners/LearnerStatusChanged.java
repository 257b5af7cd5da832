package org.credo.learners;

import java.time.LocalDate;
import java.util.UUID;
import org.credo.platform.Audited;
import org.credo.platform.ChangeStamp;

/** A learner moved from one status to another, from a day, for a reason. */
public record LearnerStatusChanged(
        ChangeStamp stamp,
        UUID learnerId,
        String learnerNumber,
        String name,
        LearnerStatus from,
        LearnerStatus to,
        LocalDate effectiveOn,
        String reason)
        implements Audited {

    @Override
    public String action() {
        return "learner.status-changed";
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
        return "Learner " + learnerNumber + " " + from.label() + " → " + to.label() + " from " + effectiveOn + ": "
                + reason;
    }
}
