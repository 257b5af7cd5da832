package org.credo.scheduling;

import java.math.BigDecimal;
import java.util.UUID;
import org.credo.platform.Audited;
import org.credo.platform.ChangeStamp;

/** An instructor's weekly availability or load limits changed. */
public record InstructorScheduleSaved(
        ChangeStamp stamp,
        UUID personId,
        String name,
        @org.jspecify.annotations.Nullable Integer maxSections,
        @org.jspecify.annotations.Nullable BigDecimal maxCredits,
        String availability)
        implements Audited {

    @Override
    public String action() {
        return "instructor.schedule-saved";
    }

    @Override
    public String subjectType() {
        return "Person";
    }

    @Override
    public String subjectId() {
        return personId.toString();
    }

    @Override
    public String subjectName() {
        return name;
    }

    @Override
    public String summary() {
        return "Availability of " + name + ": " + availability + "; at most "
                + (maxSections == null ? "any number of" : maxSections) + " sections and "
                + (maxCredits == null ? "any" : maxCredits.toPlainString()) + " credits a term";
    }
}
