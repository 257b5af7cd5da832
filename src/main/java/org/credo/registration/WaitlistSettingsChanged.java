package org.credo.registration;

import java.util.UUID;
import org.credo.platform.Audited;
import org.credo.platform.ChangeStamp;

/** The registrar set how a section's waitlist moves: automatic enrollment or offers, majors first or not. */
public record WaitlistSettingsChanged(
        ChangeStamp stamp,
        UUID sectionId,
        String termCode,
        String courseCode,
        String sectionNumber,
        boolean autoEnroll,
        boolean majorsFirst)
        implements Audited {

    @Override
    public String action() {
        return "waitlist.settings-changed";
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
        return "The waitlist of " + courseCode + "-" + sectionNumber + " (" + termCode + ") now "
                + (autoEnroll ? "enrolls the next eligible learner at once" : "offers freed seats")
                + (majorsFirst ? ", majors first" : ", first come, first served");
    }
}
