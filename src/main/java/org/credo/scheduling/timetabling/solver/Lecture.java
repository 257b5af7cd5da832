package org.credo.scheduling.timetabling.solver;

import ai.timefold.solver.core.api.domain.entity.PlanningEntity;
import ai.timefold.solver.core.api.domain.entity.PlanningPin;
import ai.timefold.solver.core.api.domain.lookup.PlanningId;
import ai.timefold.solver.core.api.domain.variable.PlanningVariable;
import org.credo.scheduling.timetabling.model.Course;
import org.credo.scheduling.timetabling.model.Room;
import org.jspecify.annotations.Nullable;

/**
 * One meeting of a course (a section) in the week, which the solver places in a period and a room. A pinned lecture
 * keeps the period and room it was given: the registrar put it there.
 */
@PlanningEntity(comparatorClass = LectureDifficulty.class)
public class Lecture {

    @PlanningId
    private String id = "";

    private Course course = new Course("", "", 1, 0, 0);

    @PlanningPin
    private boolean pinned;

    @PlanningVariable
    private @Nullable Period period;

    @PlanningVariable
    private @Nullable Room room;

    /** For the solver's cloning. */
    public Lecture() {}

    public Lecture(String id, Course course, boolean pinned, @Nullable Period period, @Nullable Room room) {
        this.id = id;
        this.course = course;
        this.pinned = pinned;
        this.period = period;
        this.room = room;
    }

    public String getId() {
        return id;
    }

    public Course getCourse() {
        return course;
    }

    public boolean isPinned() {
        return pinned;
    }

    public @Nullable Period getPeriod() {
        return period;
    }

    public void setPeriod(@Nullable Period period) {
        this.period = period;
    }

    public @Nullable Room getRoom() {
        return room;
    }

    public void setRoom(@Nullable Room room) {
        this.room = room;
    }

    /** The period, once the lecture is placed (constraint streams only see placed lectures). */
    Period placedPeriod() {
        if (period == null) {
            throw new IllegalStateException("Lecture " + id + " is not placed");
        }
        return period;
    }

    /** The room, once the lecture is placed. */
    Room placedRoom() {
        if (room == null) {
            throw new IllegalStateException("Lecture " + id + " has no room");
        }
        return room;
    }

    @Override
    public String toString() {
        return id;
    }
}
