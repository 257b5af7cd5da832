package org.credo.scheduling.timetabling.solver;

import org.credo.scheduling.timetabling.model.Course;

/**
 * A course whose lectures must be in a room that seats all its students: a hard rule for a term's sections (ADR
 * 0056), given only for courses that some room can seat. ITC 2007 instances have none, so their score is the
 * competition's.
 */
public record RoomMustFit(Course course) {}
