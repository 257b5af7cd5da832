package org.credo.admissions;

import java.util.UUID;
import org.credo.platform.Audited;
import org.credo.platform.ChangeStamp;
import org.jspecify.annotations.Nullable;

/**
 * An application was withdrawn, by the applicant or by staff on their behalf; it leaves review and a held decision on
 * it is never released.
 */
public record ApplicationWithdrawn(
        ChangeStamp stamp,
        UUID applicationId,
        String number,
        String applicantName,
        UUID cycleId,
        ApplicationStatus from,
        boolean byApplicant,
        @Nullable String reason)
        implements Audited {

    @Override
    public String action() {
        return "application.withdrawn";
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
        return (byApplicant ? "Applicant withdrew" : "Withdrew on the applicant's behalf") + " application " + number
                + " (was " + from.label().toLowerCase(java.util.Locale.ROOT) + ")"
                + (reason == null ? "" : ": " + reason);
    }
}
