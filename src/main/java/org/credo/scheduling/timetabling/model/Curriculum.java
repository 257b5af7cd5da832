package org.credo.scheduling.timetabling.model;

import java.util.List;

/**
 * Courses that one cohort of a program takes together in a term, so none of them may meet at the same time and the
 * cohort's day should have no isolated lecture.
 */
public record Curriculum(String id, List<String> courses) {

    public Curriculum {
        courses = List.copyOf(courses);
    }
}
