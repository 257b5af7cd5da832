package org.credo.scheduling;

import java.util.UUID;
import org.credo.platform.Audited;
import org.credo.platform.ChangeStamp;

/** A section moved from one status to another (opened, closed, reopened). */
public record SectionStatusChanged(
        ChangeStamp stamp,
        UUID sectionId,
        UUID termId,
        String termCode,
        String courseCode,
        String sectionNumber,
        SectionStatus from,
        SectionStatus to)
        implements Audited {

    @Override
    public String action() {
        return "section.status-changed";
    }

    @Override
    public String subjectType() {
        return "Section";
    }

    @Override
    public String subjectId() {
        return sectionId.toString();
    }

    @Override
    public String subjectName() {
        return courseCode + "-" + sectionNumber + " · " + termCode;
    }

    @Override
    public String summary() {
        return "Section " + courseCode + "-" + sectionNumber + " in " + termCode + ": " + from.label() + " to "
                + to.label();
    }
}
