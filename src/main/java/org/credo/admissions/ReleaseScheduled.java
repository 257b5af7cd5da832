package org.credo.admissions;

import java.time.Instant;
import java.util.UUID;
import org.credo.platform.Audited;
import org.credo.platform.ChangeStamp;

/** A release of the held decisions of a cycle was scheduled. */
public record ReleaseScheduled(ChangeStamp stamp, UUID releaseId, UUID cycleId, String cycleName, Instant scheduledAt)
        implements Audited {

    @Override
    public String action() {
        return "admissions.release-scheduled";
    }

    @Override
    public String subjectType() {
        return "DecisionRelease";
    }

    @Override
    public String subjectId() {
        return releaseId.toString();
    }

    @Override
    public String subjectName() {
        return cycleName;
    }

    @Override
    public String summary() {
        return "Scheduled the release of held decisions of " + cycleName + " at " + scheduledAt;
    }
}
