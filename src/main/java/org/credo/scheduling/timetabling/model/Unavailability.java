package org.credo.scheduling.timetabling.model;

/** A period (day and period of the day, both from 0) in which a course must not meet. */
public record Unavailability(String course, int day, int period) {}
