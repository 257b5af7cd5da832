package org.credo.progress.audit;

import java.math.BigDecimal;
import org.credo.catalog.requirement.CourseCode;
import org.jspecify.annotations.Nullable;

/**
 * One attempt at a course on the learner's record: completed with a grade, in progress this term, or planned.
 *
 * @param sequence the order of the term it was taken in (later attempts have higher numbers)
 * @param term the term's name, for explanations
 */
public record Attempt(
        CourseCode course,
        @Nullable String grade,
        BigDecimal credits,
        AttemptStatus status,
        int sequence,
        String term) {

    /** Whether this attempt earned credit: completed with a passing grade. */
    public boolean passed() {
        return status == AttemptStatus.COMPLETED
                && grade != null
                && org.credo.catalog.requirement.Grades.meets(grade, "");
    }

    /** Whether the attempt can still count: passed, or in progress, or planned. */
    public boolean countable() {
        return status != AttemptStatus.COMPLETED || passed();
    }

    @Override
    public String toString() {
        return course + " (" + term + (grade == null ? "" : ", " + grade) + ")";
    }
}
