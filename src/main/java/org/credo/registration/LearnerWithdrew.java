package org.credo.registration;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;
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
        implements EnrollmentChanged {

    @Override
    public String action() {
        return "enrollment.withdrew";
    }

    @Override
    public String verb() {
        return "withdrew (W) from";
    }
}
