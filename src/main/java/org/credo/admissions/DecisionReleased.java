package org.credo.admissions;

import java.util.UUID;
import org.credo.platform.Audited;
import org.credo.platform.ChangeStamp;

/** A held decision was published to the applicant, with its letter and email. */
public record DecisionReleased(
        ChangeStamp stamp,
        UUID applicationId,
        String number,
        String applicantName,
        UUID releaseId,
        String outcome,
        String email)
        implements Audited {

    @Override
    public String action() {
        return "application.decision-released";
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
        return "Released the decision on " + number + ": " + outcome;
    }
}
