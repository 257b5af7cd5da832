package org.credo.scheduling.timetabling.model;

/**
 * A course of the ITC 2007 curriculum-based timetabling problem: in Credo's words a section, whose {@code lectures}
 * weekly meetings are to be placed, taught by one teacher (instructor), attended by {@code students} learners, and
 * spread over at least {@code minWorkingDays} days.
 */
public record Course(String id, String teacher, int lectures, int minWorkingDays, int students) {}
