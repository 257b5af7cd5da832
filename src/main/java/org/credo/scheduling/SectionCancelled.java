package org.credo.scheduling;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;
import org.credo.platform.Audited;
import org.credo.platform.ChangeStamp;

/** A section was cancelled: registration drops its learners and billing refunds them. */
public record SectionCancelled(
        ChangeStamp stamp,
        UUID sectionId,
        UUID termId,
        String termCode,
        PartOfTerm part,
        LocalDate classesStart,
        LocalDate classesEnd,
        UUID courseId,
        String courseCode,
        BigDecimal credits,
        String sectionNumber,
        String reason)
        implements Audited {

    @Override
    public String action() {
        return "section.cancelled";
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
        return "Cancelled section " + courseCode + "-" + sectionNumber + " in " + termCode + ": " + reason;
    }
}
