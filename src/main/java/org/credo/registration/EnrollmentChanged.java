package org.credo.registration;

import java.math.BigDecimal;
import java.util.UUID;
import org.credo.platform.Audited;

/**
 * What {@link LearnerRegistered}, {@link LearnerDropped} and {@link LearnerWithdrew} share: the enrollment they are
 * about, named in the audit trail as learner, section and term, and a summary built from the verb each one gives.
 */
public interface EnrollmentChanged extends Audited {

    UUID enrollmentId();

    String learnerName();

    String termCode();

    String courseCode();

    String sectionNumber();

    BigDecimal credits();

    /** What the learner did, as the summary says it: "registered for", "dropped", "withdrew (W) from". */
    String verb();

    @Override
    default String subjectType() {
        return "Enrollment";
    }

    @Override
    default String subjectId() {
        return enrollmentId().toString();
    }

    @Override
    default String subjectName() {
        return learnerName() + " · " + courseCode() + "-" + sectionNumber() + " · " + termCode();
    }

    @Override
    default String summary() {
        return learnerName() + " " + verb() + " " + courseCode() + "-" + sectionNumber() + " in " + termCode() + " ("
                + credits().stripTrailingZeros().toPlainString() + " credits)";
    }
}
