package org.credo.admissions;

import java.util.UUID;
import org.credo.platform.Audited;
import org.credo.platform.ChangeStamp;

/**
 * An application was started, entered by staff, imported, or had its answers or documents changed; {@code kind} is
 * the application_event kind (STARTED, ENTERED, IMPORTED, ANSWERS_SAVED, DOCUMENT_UPLOADED).
 */
public record ApplicationChanged(
        ChangeStamp stamp, UUID applicationId, String number, String applicantName, String kind, String summary)
        implements Audited {

    @Override
    public String action() {
        return "admissions.application." + kind.toLowerCase().replace('_', '-');
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
}
