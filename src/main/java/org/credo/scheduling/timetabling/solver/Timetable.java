package org.credo.scheduling.timetabling.solver;

import ai.timefold.solver.core.api.domain.solution.PlanningEntityCollectionProperty;
import ai.timefold.solver.core.api.domain.solution.PlanningScore;
import ai.timefold.solver.core.api.domain.solution.PlanningSolution;
import ai.timefold.solver.core.api.domain.solution.ProblemFactCollectionProperty;
import ai.timefold.solver.core.api.domain.valuerange.ValueRangeProvider;
import ai.timefold.solver.core.api.score.buildin.hardmediumsoft.HardMediumSoftScore;
import java.util.List;
import org.credo.scheduling.timetabling.model.Course;
import org.credo.scheduling.timetabling.model.Room;
import org.credo.scheduling.timetabling.model.Unavailability;
import org.jspecify.annotations.Nullable;

/** A week's timetable as the solver sees it: the periods and rooms to choose from, and the lectures to place. */
@PlanningSolution
public class Timetable {

    private String name = "";
    private int periodsPerDay;

    @ValueRangeProvider
    @ProblemFactCollectionProperty
    private List<Period> periods = List.of();

    @ValueRangeProvider
    @ProblemFactCollectionProperty
    private List<Room> rooms = List.of();

    @ProblemFactCollectionProperty
    private List<Course> courses = List.of();

    @ProblemFactCollectionProperty
    private List<CurriculumCourse> curriculumCourses = List.of();

    @ProblemFactCollectionProperty
    private List<CourseConflict> conflicts = List.of();

    @ProblemFactCollectionProperty
    private List<Unavailability> unavailability = List.of();

    @ProblemFactCollectionProperty
    private List<RoomMustFit> roomsMustFit = List.of();

    @ProblemFactCollectionProperty
    private List<LatePeriod> latePeriods = List.of();

    @PlanningEntityCollectionProperty
    private List<Lecture> lectures = List.of();

    @PlanningScore
    private @Nullable HardMediumSoftScore score;

    /** For the solver's cloning. */
    public Timetable() {}

    @SuppressWarnings("ParameterNumber")
    public Timetable(
            String name,
            int periodsPerDay,
            List<Period> periods,
            List<Room> rooms,
            List<Course> courses,
            List<CurriculumCourse> curriculumCourses,
            List<CourseConflict> conflicts,
            List<Unavailability> unavailability,
            List<Lecture> lectures) {
        this.name = name;
        this.periodsPerDay = periodsPerDay;
        this.periods = periods;
        this.rooms = rooms;
        this.courses = courses;
        this.curriculumCourses = curriculumCourses;
        this.conflicts = conflicts;
        this.unavailability = unavailability;
        this.lectures = lectures;
    }

    public String getName() {
        return name;
    }

    public int getPeriodsPerDay() {
        return periodsPerDay;
    }

    /** The courses whose rooms must seat all their students (a term's sections); none for ITC instances. */
    public List<RoomMustFit> getRoomsMustFit() {
        return roomsMustFit;
    }

    public void setRoomsMustFit(List<RoomMustFit> roomsMustFit) {
        this.roomsMustFit = List.copyOf(roomsMustFit);
    }

    /** The periods of the day Credo would rather not use (a term's evening slots); none for ITC instances. */
    public List<LatePeriod> getLatePeriods() {
        return latePeriods;
    }

    public void setLatePeriods(List<LatePeriod> latePeriods) {
        this.latePeriods = List.copyOf(latePeriods);
    }

    public List<Lecture> getLectures() {
        return lectures;
    }

    public @Nullable HardMediumSoftScore getScore() {
        return score;
    }

    public void setScore(@Nullable HardMediumSoftScore score) {
        this.score = score;
    }
}
