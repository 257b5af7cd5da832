package org.credo.registration;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;
import org.credo.platform.ChangeStamp;

/** A learner dropped a section by the drop date: billing refunds by the term's schedule for {@code effectiveOn}. */
public record LearnerDropped(
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
        return "enrollment.dropped";
    }

    @Override
    public String verb() {
        return "dropped";
    }
}
