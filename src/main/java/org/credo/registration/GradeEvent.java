package org.credo.registration;

import java.util.UUID;
import org.credo.platform.Audited;

/**
 * What {@link GradePosted} and {@link GradeChanged} share: the enrollment they are about, named in the audit trail
 * as learner, course and term.
 */
public interface GradeEvent extends Audited {

    UUID enrollmentId();

    String learnerName();

    String courseCode();

    String termCode();

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
        return learnerName() + " · " + courseCode() + " · " + termCode();
    }
}
