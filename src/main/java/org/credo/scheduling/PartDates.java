package org.credo.scheduling;

import java.time.LocalDate;

/**
 * The dates of one part of a term: classes, the last days to add, to drop (with a full refund, for billing) and to
 * withdraw with a W, the census date and the day final grades are due.
 */
public record PartDates(
        PartOfTerm part,
        LocalDate classesStart,
        LocalDate classesEnd,
        LocalDate lastAdd,
        LocalDate lastDrop,
        LocalDate lastWithdraw,
        LocalDate census,
        LocalDate gradesDue) {

    /** Whether classes of this part run on the day. */
    public boolean covers(LocalDate day) {
        return !day.isBefore(classesStart) && !day.isAfter(classesEnd);
    }
}
