package org.credo.registration;

import java.util.UUID;
import org.credo.platform.Audited;
import org.credo.platform.ChangeStamp;

/**
 * An instructor or the registrar gave a learner a permission to enroll in a section (setting aside its overridable
 * refusals), or took it back.
 */
public record EnrollmentPermissionChanged(
        ChangeStamp stamp,
        UUID permissionId,
        UUID learnerId,
        String learnerName,
        UUID sectionId,
        String termCode,
        String courseCode,
        String sectionNumber,
        String number,
        String reason,
        boolean granted)
        implements Audited {

    @Override
    public String action() {
        return granted ? "enrollment-permission.granted" : "enrollment-permission.revoked";
    }

    @Override
    public String subjectType() {
        return "Enrollment permission";
    }

    @Override
    public String subjectId() {
        return permissionId.toString();
    }

    @Override
    public String subjectName() {
        return learnerName + " · " + courseCode + "-" + sectionNumber + " · " + termCode;
    }

    @Override
    public String summary() {
        return (granted ? "Gave " : "Took back ") + "permission " + number + " to enroll in " + courseCode + "-"
                + sectionNumber + " (" + termCode + ") " + (granted ? "to " : "from ") + learnerName
                + (granted ? ": " + reason : "");
    }
}
