package org.credo.admissions;

import java.util.UUID;
import org.credo.platform.Audited;
import org.credo.platform.ChangeStamp;

/** A reader submitted the scores of a read. */
public record ReadSubmitted(
        ChangeStamp stamp,
        UUID applicationId,
        String number,
        String applicantName,
        UUID readerId,
        String readerName,
        java.math.BigDecimal weightedScore)
        implements Audited {

    @Override
    public String action() {
        return "application.read-submitted";
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
        return "Read of " + number + " by " + readerName + " submitted: " + weightedScore;
    }
}
