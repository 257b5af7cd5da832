package org.credo.admissions;

import java.util.UUID;
import org.credo.platform.Audited;
import org.credo.platform.ChangeStamp;

/** An accepted applicant became an active learner with a learner number, program and catalog year. */
public record LearnerMatriculated(
        ChangeStamp stamp,
        UUID applicationId,
        String number,
        String applicantName,
        UUID learnerId,
        String learnerNumber,
        String programCode,
        String catalogYear)
        implements Audited {

    @Override
    public String action() {
        return "application.matriculated";
    }

    @Override
    public String subjectType() {
        return "Application";
    }

    @Override
    public String subjectId() {
        return applicationId.toString();
    }

    @Override
    public String subjectName() {
        return applicantName + " · " + number;
    }

    @Override
    public String summary() {
        return "Matriculated " + applicantName + " as learner " + learnerNumber + " in " + programCode + " (catalog "
                + catalogYear + ")";
    }
}
