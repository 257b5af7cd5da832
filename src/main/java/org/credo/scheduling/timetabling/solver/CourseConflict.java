package org.credo.scheduling.timetabling.solver;

import org.credo.scheduling.timetabling.model.Course;

/**
 * Two courses that must not meet in the same period, because one teacher teaches both or a curriculum contains both;
 * {@code left} sorts before {@code right}, so each pair is listed once.
 */
public record CourseConflict(Course left, Course right, boolean sameTeacher) {}
