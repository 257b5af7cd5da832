package org.credo.learners;

import java.util.List;
import java.util.UUID;
import org.credo.platform.Audited;
import org.credo.platform.ChangeStamp;

/**
 * Two records of one person were merged: everything of {@code mergedId} now belongs to {@code survivorId}, and the
 * merged record is retired. Modules that keep learner ids move their references to the survivor when they hear it.
 *
 * @param fieldsTaken the fields whose value came from the merged record
 */
public record LearnersMerged(
        ChangeStamp stamp,
        UUID mergeId,
        UUID survivorId,
        String survivorNumber,
        String survivorName,
        UUID mergedId,
        String mergedNumber,
        List<String> fieldsTaken)
        implements Audited {

    @Override
    public String action() {
        return "learner.merged";
    }

    @Override
    public String subjectType() {
        return "Learner";
    }

    @Override
    public String subjectId() {
        return survivorId.toString();
    }

    @Override
    public String subjectName() {
        return survivorName + " · " + survivorNumber;
    }

    @Override
    public String summary() {
        return "Merged " + mergedNumber + " into " + survivorNumber
                + (fieldsTaken.isEmpty() ? "" : "; took from " + mergedNumber + ": " + String.join(", ", fieldsTaken));
    }
}
