package org.credo.scheduling.timetabling.model;

/**
 * The ITC 2007 track 3 evaluation of a timetable: counts of hard-constraint violations, and the soft penalties with
 * the competition's weights already applied (room capacity 1 per student over, minimum working days 5 per day
 * below, curriculum compactness 2 per isolated lecture, room stability 1 per extra room).
 */
public record ItcScore(
        int unscheduledOrDoubled,
        int conflicts,
        int roomOccupancy,
        int availability,
        int roomCapacity,
        int minWorkingDays,
        int curriculumCompactness,
        int roomStability) {

    /** Hard-constraint violations; 0 for a feasible timetable. */
    public int hard() {
        return unscheduledOrDoubled + conflicts + roomOccupancy + availability;
    }

    /** The soft penalty, the number the competition ranks feasible timetables by. */
    public int soft() {
        return roomCapacity + minWorkingDays + curriculumCompactness + roomStability;
    }
}
