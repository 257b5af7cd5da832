package org.credo.scheduling.section;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;
import org.credo.scheduling.DeliveryMode;
import org.credo.scheduling.PartOfTerm;
import org.credo.scheduling.SectionStatus;
import org.jspecify.annotations.Nullable;

/**
 * A section of a course version in a part of a term: its number, seats, waitlist, instructors, how it is taught,
 * when and where it meets, the seats it keeps for a program or cohort, and where it stands.
 *
 * @param crossListGroup shared by sections that meet together in one room under different course codes
 * @param linkedTo the section this one goes with (a lab's lecture), taken together by learners
 * @param pinned whether the registrar fixed its meetings, so that the timetabling solver never moves them
 */
public record Section(
        UUID id,
        UUID termId,
        String termCode,
        PartOfTerm part,
        UUID courseId,
        String courseCode,
        String courseTitle,
        int courseVersion,
        BigDecimal credits,
        String number,
        int capacity,
        int waitlistCapacity,
        DeliveryMode deliveryMode,
        SectionStatus status,
        @Nullable UUID crossListGroup,
        @Nullable UUID linkedTo,
        List<UUID> instructorIds,
        List<Meeting> meetings,
        List<ReservedSeat> reservedSeats,
        boolean pinned) {

    /** Seats kept for learners of a program or a cohort. */
    public record ReservedSeat(UUID id, String kind, String reference, int seats) {}

    /** What people call the section: 'DATA 101-01'. */
    public String label() {
        return courseCode + "-" + number;
    }

    /** Whether the section may still change: a cancelled section stays as it was. */
    public boolean editable() {
        return status != SectionStatus.CANCELLED;
    }

    /** Seats kept for programs and cohorts in all. */
    public int reserved() {
        return reservedSeats.stream().mapToInt(ReservedSeat::seats).sum();
    }
}
