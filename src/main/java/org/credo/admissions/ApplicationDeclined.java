package org.credo.admissions;

import java.util.UUID;
import org.credo.platform.Audited;
import org.credo.platform.ChangeStamp;

/** An admitted applicant declined the offer. */
public record ApplicationDeclined(
        ChangeStamp stamp, UUID applicationId, String number, String applicantName, UUID cycleId) implements Audited {

    @Override
    public String action() {
        return "application.declined";
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
        return "Applicant declined the offer on " + number;
    }
}
