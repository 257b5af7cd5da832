package org.credo.registration;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;
import org.credo.platform.Audited;
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
        implements Audited {

    @Override
    public String action() {
        return "enrollment.registered";
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
        return learnerName + " registered for " + courseCode + "-" + sectionNumber + " in " + termCode + " ("
                + credits.stripTrailingZeros().toPlainString() + " credits)";
    }
}
