package org.credo.admissions;

import java.util.UUID;
import org.credo.platform.Audited;
import org.credo.platform.ChangeStamp;

/** A version of a cycle's application form was published; it never changes afterwards. */
public record ApplicationFormPublished(
        ChangeStamp stamp, UUID cycleId, String cycleName, UUID formId, int version, int fields) implements Audited {

    @Override
    public String action() {
        return "admissions.form.published";
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
        return cycleName;
    }

    @Override
    public String summary() {
        return "Published version " + version + " of the application form (" + fields + " fields)";
    }
}
