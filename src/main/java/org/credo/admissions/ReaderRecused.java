package org.credo.admissions;

import java.util.UUID;
import org.credo.platform.Audited;
import org.credo.platform.ChangeStamp;

/** A reader stepped back from an application (conflict of interest); it waits to be reassigned. */
public record ReaderRecused(
        ChangeStamp stamp,
        UUID applicationId,
        String number,
        String applicantName,
        UUID readerId,
        String readerName,
        String reason)
        implements Audited {

    @Override
    public String action() {
        return "application.reader-recused";
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
        return "Reader " + readerName + " recused from " + number + ": " + reason;
    }
}
