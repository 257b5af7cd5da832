package org.credo.admissions;

import java.util.UUID;
import org.credo.platform.Audited;
import org.credo.platform.ChangeStamp;

/** The office decided an application; the decision is held until its release. */
public record ApplicationDecided(
        ChangeStamp stamp, UUID applicationId, String number, String applicantName, String outcome, String reasonCode)
        implements Audited {

    @Override
    public String action() {
        return "application.decided";
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
        return "Decided " + number + ": " + outcome + " (" + reasonCode + "), held until released";
    }
}
