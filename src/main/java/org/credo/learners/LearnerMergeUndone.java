package org.credo.learners;

import java.util.UUID;
import org.credo.platform.Audited;
import org.credo.platform.ChangeStamp;

/** An administrator undid a merge: both records are back as they were before it, each with what it had. */
public record LearnerMergeUndone(
        ChangeStamp stamp,
        UUID mergeId,
        UUID survivorId,
        String survivorNumber,
        UUID mergedId,
        String mergedNumber,
        String reason)
        implements Audited {

    @Override
    public String action() {
        return "learner.merge-undone";
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
        return survivorNumber;
    }

    @Override
    public String summary() {
        return "Undid the merge of " + mergedNumber + " into " + survivorNumber + ": " + reason;
    }
}
