package org.credo.registration;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;
import org.credo.platform.ChangeStamp;

/** A learner was enrolled in a section: what billing charges for and progress counts (credits, term, the day). */
public record LearnerRegistered(
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
        return "enrollment.registered";
    }

    @Override
    public String verb() {
        return "registered for";
    }
}
