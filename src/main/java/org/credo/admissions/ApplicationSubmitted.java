package org.credo.admissions;

import java.util.UUID;
import org.credo.platform.Audited;
import org.credo.platform.ChangeStamp;
import org.jspecify.annotations.Nullable;

/** An application was submitted (by its applicant, by staff on the applicant's behalf, or by an import). */
public record ApplicationSubmitted(
        ChangeStamp stamp,
        UUID applicationId,
        String number,
        UUID cycleId,
        UUID programId,
        @Nullable UUID applicantPersonId,
        String applicantName,
        String applicantEmail,
        String source)
        implements Audited {

    @Override
    public String action() {
        return "admissions.application.submitted";
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
        return "Application " + number + " of " + applicantName + " submitted (" + source.toLowerCase() + ")";
    }
}
