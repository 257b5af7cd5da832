package org.credo.scheduling.timetabling.solver;

import static ai.timefold.solver.core.api.score.stream.ConstraintCollectors.count;
import static ai.timefold.solver.core.api.score.stream.ConstraintCollectors.countDistinct;
import static ai.timefold.solver.core.api.score.stream.ConstraintCollectors.toSet;
import static ai.timefold.solver.core.api.score.stream.Joiners.equal;

import ai.timefold.solver.core.api.score.buildin.hardmediumsoft.HardMediumSoftScore;
import ai.timefold.solver.core.api.score.stream.Constraint;
import ai.timefold.solver.core.api.score.stream.ConstraintFactory;
import ai.timefold.solver.core.api.score.stream.ConstraintProvider;
import java.util.Set;
import java.util.TreeSet;
import org.credo.scheduling.timetabling.model.Unavailability;

/**
 * The ITC 2007 curriculum-based course timetabling constraints with the competition's weights, so that the medium
 * score is the competition's soft penalty (its hard score the competition's hard violations) (checked against {@link org.credo.scheduling.timetabling.model.ItcScorer} in
 * tests). Each constraint says why it penalizes, for the score explanation.
 */
public class TimetableConstraints implements ConstraintProvider {

    public static final String LECTURES = "Lectures of a course in one period";
    public static final String ROOM_OCCUPANCY = "Room occupancy";
    public static final String TEACHER_CLASH = "Teacher clash";
    public static final String CURRICULUM_CLASH = "Curriculum clash";
    public static final String UNAVAILABLE = "Unavailable period";
    public static final String ROOM_CAPACITY = "Room capacity";
    public static final String MIN_WORKING_DAYS = "Minimum working days";
    public static final String COMPACTNESS = "Curriculum compactness";
    public static final String ROOM_STABILITY = "Room stability";

    /** Only for a term's sections (ADR 0056): an ITC instance never triggers it. */
    public static final String ROOM_TOO_SMALL = "Room too small for a section";

    /** Credo's own preference, on the third (soft) level: only a term's evening slots trigger it. */
    public static final String LATE_PERIOD = "Late period (Credo preference)";

    @Override
    public Constraint[] defineConstraints(ConstraintFactory factory) {
        return new Constraint[] {
            lecturesInOnePeriod(factory),
            roomOccupancy(factory),
            clash(factory, true),
            clash(factory, false),
            unavailablePeriod(factory),
            roomCapacity(factory),
            minimumWorkingDays(factory),
            curriculumCompactness(factory),
            roomStability(factory),
            roomTooSmall(factory),
            latePeriod(factory)
        };
    }

    Constraint lecturesInOnePeriod(ConstraintFactory factory) {
        return factory.forEach(Lecture.class)
                .groupBy(Lecture::getCourse, Lecture::placedPeriod, count())
                .filter((course, period, n) -> n > 1)
                .penalize(HardMediumSoftScore.ONE_HARD, (course, period, n) -> n - 1)
                .justifyWith(
                        (course, period, n, score) -> new Finding(n + " lectures of " + course.id() + " on " + period))
                .asConstraint(LECTURES);
    }

    Constraint roomOccupancy(ConstraintFactory factory) {
        return factory.forEach(Lecture.class)
                .groupBy(Lecture::placedRoom, Lecture::placedPeriod, count())
                .filter((room, period, n) -> n > 1)
                .penalize(HardMediumSoftScore.ONE_HARD, (room, period, n) -> n - 1)
                .justifyWith(
                        (room, period, n, score) -> new Finding(n + " lectures in room " + room.id() + " on " + period))
                .asConstraint(ROOM_OCCUPANCY);
    }

    /** Two conflicting courses in one period: one violation per pair and period, however many lectures. */
    Constraint clash(ConstraintFactory factory, boolean sameTeacher) {
        return factory.forEach(CourseConflict.class)
                .filter(conflict -> conflict.sameTeacher() == sameTeacher)
                .join(Lecture.class, equal(CourseConflict::left, Lecture::getCourse))
                .join(
                        Lecture.class,
                        equal((conflict, a) -> conflict.right(), Lecture::getCourse),
                        equal((conflict, a) -> a.placedPeriod(), Lecture::placedPeriod))
                .groupBy((conflict, a, b) -> conflict, (conflict, a, b) -> a.placedPeriod())
                .penalize(HardMediumSoftScore.ONE_HARD)
                .justifyWith((conflict, period, score) -> new Finding(conflict.left()
                                .id() + " and "
                        + conflict.right().id() + " on " + period
                        + (sameTeacher ? ", both taught by " + conflict.left().teacher() : ", both in one curriculum")))
                .asConstraint(sameTeacher ? TEACHER_CLASH : CURRICULUM_CLASH);
    }

    Constraint unavailablePeriod(ConstraintFactory factory) {
        return factory.forEach(Unavailability.class)
                .join(
                        Lecture.class,
                        equal(
                                Unavailability::course,
                                lecture -> lecture.getCourse().id()),
                        equal(
                                Unavailability::day,
                                lecture -> lecture.placedPeriod().day()),
                        equal(
                                Unavailability::period,
                                lecture -> lecture.placedPeriod().timeslot()))
                .penalize(HardMediumSoftScore.ONE_HARD)
                .justifyWith((u, lecture, score) ->
                        new Finding(u.course() + " on day " + u.day() + " period " + u.period() + ", when it may not"))
                .asConstraint(UNAVAILABLE);
    }

    Constraint roomCapacity(ConstraintFactory factory) {
        return factory.forEach(Lecture.class)
                .filter(lecture ->
                        lecture.getCourse().students() > lecture.placedRoom().capacity())
                .penalize(
                        HardMediumSoftScore.ONE_MEDIUM,
                        lecture -> lecture.getCourse().students()
                                - lecture.placedRoom().capacity())
                .justifyWith((lecture, score) -> new Finding(lecture.getCourse().id() + " ("
                        + lecture.getCourse().students() + " students) in room "
                        + lecture.placedRoom().id()
                        + " (" + lecture.placedRoom().capacity() + " seats) on " + lecture.placedPeriod()))
                .asConstraint(ROOM_CAPACITY);
    }

    Constraint roomTooSmall(ConstraintFactory factory) {
        return factory.forEach(RoomMustFit.class)
                .join(Lecture.class, equal(RoomMustFit::course, Lecture::getCourse))
                .filter((rule, lecture) ->
                        lecture.getCourse().students() > lecture.placedRoom().capacity())
                .penalize(HardMediumSoftScore.ONE_HARD)
                .justifyWith((rule, lecture, score) ->
                        new Finding(lecture.getCourse().id() + " ("
                                + lecture.getCourse().students() + " seats) in room "
                                + lecture.placedRoom().id() + " ("
                                + lecture.placedRoom().capacity() + " seats) on " + lecture.placedPeriod()))
                .asConstraint(ROOM_TOO_SMALL);
    }

    Constraint latePeriod(ConstraintFactory factory) {
        return factory.forEach(LatePeriod.class)
                .join(
                        Lecture.class,
                        equal(
                                LatePeriod::timeslot,
                                lecture -> lecture.placedPeriod().timeslot()))
                .penalize(HardMediumSoftScore.ONE_SOFT)
                .justifyWith((late, lecture, score) ->
                        new Finding(lecture.getCourse().id() + " meets late, on " + lecture.placedPeriod()))
                .asConstraint(LATE_PERIOD);
    }

    Constraint minimumWorkingDays(ConstraintFactory factory) {
        return factory.forEach(Lecture.class)
                .groupBy(
                        Lecture::getCourse,
                        countDistinct(lecture -> lecture.placedPeriod().day()))
                .filter((course, days) -> days < course.minWorkingDays())
                .penalize(HardMediumSoftScore.ofMedium(5), (course, days) -> course.minWorkingDays() - days)
                .justifyWith((course, days, score) -> new Finding(
                        course.id() + " meets on " + days + " days, fewer than its " + course.minWorkingDays()))
                .asConstraint(MIN_WORKING_DAYS);
    }

    Constraint curriculumCompactness(ConstraintFactory factory) {
        return factory.forEach(CurriculumCourse.class)
                .join(Lecture.class, equal(CurriculumCourse::course, Lecture::getCourse))
                .groupBy(
                        (member, lecture) -> member.curriculum(),
                        (member, lecture) -> lecture.placedPeriod().day(),
                        toSet((member, lecture) -> lecture.placedPeriod().timeslot()))
                .filter((curriculum, day, slots) -> isolated(slots) > 0)
                .penalize(HardMediumSoftScore.ofMedium(2), (curriculum, day, slots) -> isolated(slots))
                .justifyWith((curriculum, day, slots, score) -> new Finding("curriculum " + curriculum + " on day "
                        + day + " has " + isolated(slots) + " isolated lecture(s) in periods " + new TreeSet<>(slots)))
                .asConstraint(COMPACTNESS);
    }

    Constraint roomStability(ConstraintFactory factory) {
        return factory.forEach(Lecture.class)
                .groupBy(Lecture::getCourse, countDistinct(Lecture::placedRoom))
                .filter((course, rooms) -> rooms > 1)
                .penalize(HardMediumSoftScore.ONE_MEDIUM, (course, rooms) -> rooms - 1)
                .justifyWith((course, rooms, score) -> new Finding(course.id() + " meets in " + rooms + " rooms"))
                .asConstraint(ROOM_STABILITY);
    }

    /** Periods of a day with no busy period right before or after. */
    static int isolated(Set<Integer> slots) {
        int isolated = 0;
        for (int slot : slots) {
            if (!slots.contains(slot - 1) && !slots.contains(slot + 1)) {
                isolated++;
            }
        }
        return isolated;
    }
}
