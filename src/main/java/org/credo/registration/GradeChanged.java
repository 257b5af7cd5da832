package org.credo.registration;

import java.util.UUID;
import org.credo.platform.ChangeStamp;

/** The registrar approved a change to a submitted grade, with the reason the instructor gave. */
public record GradeChanged(
        ChangeStamp stamp,
        UUID enrollmentId,
        UUID learnerId,
        String learnerName,
        String termCode,
        String courseCode,
        String fromGrade,
        String toGrade,
        String reason,
        String requestedBy)
        implements GradeEvent {

    @Override
    public String action() {
        return "grade.changed";
    }

    @Override
    public String summary() {
        return "Grade for " + learnerName + " in " + courseCode + " (" + termCode + ") changed from " + fromGrade
                + " to " + toGrade + " at the request of " + requestedBy + ": " + reason;
    }
}
