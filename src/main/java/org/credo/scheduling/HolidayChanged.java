package org.credo.scheduling;

import java.time.LocalDate;
import java.util.UUID;
import org.credo.platform.Audited;
import org.credo.platform.ChangeStamp;

/** A holiday was added to a term or taken off it: no class meets on a holiday. */
public record HolidayChanged(ChangeStamp stamp, UUID termId, String termCode, LocalDate day, String name, boolean added)
        implements Audited {

    @Override
    public String action() {
        return "term.holiday-changed";
    }

    @Override
    public String subjectType() {
        return "Term";
    }

    @Override
    public String subjectId() {
        return termId.toString();
    }

    @Override
    public String subjectName() {
        return termCode;
    }

    @Override
    public String summary() {
        return (added ? "Added the holiday " : "Removed the holiday ") + name + " on " + day + " in " + termCode;
    }
}
