package org.credo.registration;

import java.math.BigDecimal;
import java.util.UUID;
import org.credo.platform.ChangeStamp;

/** An instructor submitted a final grade: what progress audits and transcripts count. */
public record GradePosted(
        ChangeStamp stamp,
        UUID enrollmentId,
        UUID learnerId,
        String learnerName,
        UUID sectionId,
        UUID termId,
        String termCode,
        String courseCode,
        BigDecimal credits,
        String grade)
        implements GradeEvent {

    @Override
    public String action() {
        return "grade.posted";
    }

    @Override
    public String summary() {
        return "Grade " + grade + " posted for " + learnerName + " in " + courseCode + " (" + termCode + ")";
    }
}
