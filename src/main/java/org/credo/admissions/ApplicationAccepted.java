package org.credo.admissions;

import java.util.UUID;
import org.credo.platform.Audited;
import org.credo.platform.ChangeStamp;

/** An admitted applicant accepted the offer. */
public record ApplicationAccepted(
        ChangeStamp stamp, UUID applicationId, String number, String applicantName, UUID cycleId) implements Audited {

    @Override
    public String action() {
        return "application.accepted";
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
        return "Applicant accepted the offer on " + number;
    }
}
