package org.credo.admissions;

import java.util.UUID;
import org.credo.platform.Audited;
import org.credo.platform.ChangeStamp;

/** An application was given to a reader, and is in review. */
public record ReaderAssigned(
        ChangeStamp stamp, UUID applicationId, String number, String applicantName, UUID readerId, String readerName)
        implements Audited {

    @Override
    public String action() {
        return "application.reader-assigned";
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
        return "Assigned application " + number + " to " + readerName;
    }
}
