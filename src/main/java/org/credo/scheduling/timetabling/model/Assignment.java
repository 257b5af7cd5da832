package org.credo.scheduling.timetabling.model;

/** One lecture of a course placed in a room at a day and period (both from 0): a line of the ITC solution format. */
public record Assignment(String course, String room, int day, int period) {}
