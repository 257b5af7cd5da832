package org.credo.scheduling.timetabling.solver;

import org.credo.scheduling.timetabling.model.Course;

/** A course as a member of a curriculum (a program cohort). */
public record CurriculumCourse(String curriculum, Course course) {}
