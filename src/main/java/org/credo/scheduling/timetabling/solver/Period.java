package org.credo.scheduling.timetabling.solver;

/** A day of the week and a period of that day (both from 0): where a lecture can be placed in time. */
public record Period(int day, int timeslot) {

    @Override
    public String toString() {
        return "day " + day + " period " + timeslot;
    }
}
