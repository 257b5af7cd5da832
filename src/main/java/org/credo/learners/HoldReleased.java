package org.credo.learners;

import java.util.UUID;
import org.credo.platform.Audited;
import org.credo.platform.ChangeStamp;

/** A hold was released, with the reason. */
public record HoldReleased(
        ChangeStamp stamp,
        UUID holdId,
        UUID learnerId,
        String learnerNumber,
        String learnerName,
        String holdType,
        String reason)
        implements Audited {

    @Override
    public String action() {
        return "hold.released";
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
        return learnerName + " · " + learnerNumber;
    }

    @Override
    public String summary() {
        return "Released the " + holdType + " hold on " + learnerNumber + ": " + reason;
    }
}
