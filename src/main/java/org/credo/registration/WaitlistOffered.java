package org.credo.registration;

import java.time.Instant;
import java.util.UUID;
import org.credo.platform.Audited;
import org.credo.platform.ChangeStamp;

/** A seat freed in a full section was offered to the next learner on its waitlist, until {@code expiresAt}. */
public record WaitlistOffered(
        ChangeStamp stamp,
        UUID entryId,
        UUID learnerId,
        String learnerName,
        UUID sectionId,
        String termCode,
        String courseCode,
        String sectionNumber,
        Instant expiresAt)
        implements Audited {

    @Override
    public String action() {
        return "waitlist.offered";
    }

    @Override
    public String subjectType() {
        return "Waitlist entry";
    }

    @Override
    public String subjectId() {
        return entryId.toString();
    }

    @Override
    public String subjectName() {
        return learnerName + " · " + courseCode + "-" + sectionNumber + " · " + termCode;
    }

    @Override
    public String summary() {
        return "Offered a seat in " + courseCode + "-" + sectionNumber + " (" + termCode + ") to " + learnerName
                + " until " + expiresAt;
    }
}
