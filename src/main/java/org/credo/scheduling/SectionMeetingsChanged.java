package org.credo.scheduling;

import java.util.UUID;
import org.credo.platform.Audited;
import org.credo.platform.ChangeStamp;

/** A meeting of a section was scheduled or removed, or its instructors or reserved seats changed. */
public record SectionMeetingsChanged(
        ChangeStamp stamp,
        UUID sectionId,
        UUID termId,
        String termCode,
        String courseCode,
        String sectionNumber,
        String change)
        implements Audited {

    @Override
    public String action() {
        return "section.meetings-changed";
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
        return "Section " + courseCode + "-" + sectionNumber + " in " + termCode + ": " + change;
    }
}
