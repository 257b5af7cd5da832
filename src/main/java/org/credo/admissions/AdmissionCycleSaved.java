package org.credo.admissions;

import java.util.UUID;
import org.credo.platform.Audited;
import org.credo.platform.ChangeStamp;

/** An admission cycle was created or changed: its name, status and dates as saved. */
public record AdmissionCycleSaved(ChangeStamp stamp, UUID cycleId, String name, String status, String summary)
        implements Audited {

    @Override
    public String action() {
        return "admissions.cycle.saved";
    }

    @Override
    public String subjectType() {
        return "AdmissionCycle";
    }

    @Override
    public String subjectId() {
        return cycleId.toString();
    }

    @Override
    public String subjectName() {
        return name;
    }
}
