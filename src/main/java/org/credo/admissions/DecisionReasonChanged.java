package org.credo.admissions;

import java.util.UUID;
import org.credo.platform.Audited;
import org.credo.platform.ChangeStamp;

/** A decision reason code was added, renamed, deactivated or reactivated. */
public record DecisionReasonChanged(ChangeStamp stamp, UUID reasonId, String code, String summary) implements Audited {

    @Override
    public String action() {
        return "admissions.reason.changed";
    }

    @Override
    public String subjectType() {
        return "DecisionReason";
    }

    @Override
    public String subjectId() {
        return reasonId.toString();
    }

    @Override
    public String subjectName() {
        return code;
    }
}
