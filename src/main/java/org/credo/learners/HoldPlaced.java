package org.credo.learners;

import java.util.Set;
import java.util.UUID;
import org.credo.platform.Audited;
import org.credo.platform.ChangeStamp;

/** A hold was placed on a learner, blocking some actions until it is released. */
public record HoldPlaced(
        ChangeStamp stamp,
        UUID holdId,
        UUID learnerId,
        String learnerNumber,
        String learnerName,
        String holdType,
        Set<HoldAction> blocks,
        String reason)
        implements Audited {

    @Override
    public String action() {
        return "hold.placed";
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
        return "Placed a " + holdType + " hold on " + learnerNumber + " (blocks " + blocks + "): " + reason;
    }
}
