package org.credo.registration;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;
import org.credo.platform.Audited;
import org.credo.platform.ChangeStamp;

/** A learner withdrew from a section after the drop date: the grade is W and the seat is freed. */
public record LearnerWithdrew(
        ChangeStamp stamp,
        UUID enrollmentId,
        UUID learnerId,
        String learnerName,
        UUID sectionId,
        UUID termId,
        String termCode,
        String courseCode,
        String sectionNumber,
        BigDecimal credits,
        LocalDate effectiveOn)
        implements Audited {

    @Override
    public String action() {
        return "enrollment.withdrew";
    }

    @Override
    public String subjectType() {
        return "Enrollment";
    }

    @Override
    public String subjectId() {
        return enrollmentId.toString();
    }

    @Override
    public String subjectName() {
        return learnerName + " · " + courseCode + "-" + sectionNumber + " · " + termCode;
    }

    @Override
    public String summary() {
        return learnerName + " withdrew (W) from " + courseCode + "-" + sectionNumber + " in " + termCode + " ("
                + credits.stripTrailingZeros().toPlainString() + " credits)";
    }
}
