package org.credo.scheduling;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;
import org.credo.platform.Audited;
import org.credo.platform.ChangeStamp;

/** A section was created or changed: what registration and billing need to know of it. */
public record SectionSaved(
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
        int capacity,
        int waitlistCapacity,
        DeliveryMode deliveryMode,
        SectionStatus status,
        boolean created)
        implements Audited {

    @Override
    public String action() {
        return "section.saved";
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
        return (created ? "Created section " : "Changed section ") + courseCode + "-" + sectionNumber + " in "
                + termCode + " (" + part.label() + ", " + capacity + " seats, waitlist " + waitlistCapacity + ", "
                + deliveryMode.label() + ", " + status.label() + ")";
    }
}
