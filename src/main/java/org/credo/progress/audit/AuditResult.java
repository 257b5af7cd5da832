package org.credo.progress.audit;

import java.util.List;

/**
 * A degree audit: every requirement of the program with its status, what counted and what is still
 * needed, and every course on the record with where it counted or why it did not.
 *
 * @param percent the share of the program completed, 0 to 100
 * @param inProgressPercent the further share that courses in progress or planned would complete
 * @param requirementsSatisfied top-level requirements met or in progress under the optimal assignment
 * @param nodesSatisfied requirements at any level met or in progress under the optimal assignment
 */
public record AuditResult(
        AuditStatus status,
        int percent,
        int inProgressPercent,
        List<RequirementLine> requirements,
        List<CourseLine> courses,
        int requirementsSatisfied,
        int nodesSatisfied) {

    public AuditResult {
        requirements = List.copyOf(requirements);
        courses = List.copyOf(courses);
    }

    /** Whether a requirement (or the program) is met, would be met by courses in progress, or is not met. */
    public enum AuditStatus {
        MET,
        IN_PROGRESS,
        NOT_MET
    }

    /** Why a course counted or did not. */
    public enum CourseReason {
        COUNTED,
        NO_MATCHING_REQUIREMENT,
        GRADE_TOO_LOW,
        NOT_PASSED,
        REPEAT_EXCLUDED,
        IN_EXCESS
    }

    /**
     * One requirement, in program order, indented by {@code depth}.
     *
     * @param counted what counted so far in words (3 of 4 courses, 9 of 12 credits)
     * @param courses the courses counted here
     * @param stillNeeded what is left in words, empty when met
     * @param countedElsewhere for a requirement not met: courses that fit it but already count toward another
     *     requirement where a course may count only once, each with where
     */
    public record RequirementLine(
            int depth,
            String title,
            AuditStatus status,
            int percent,
            int inProgressPercent,
            String counted,
            List<String> courses,
            String stillNeeded,
            List<String> countedElsewhere) {
        public RequirementLine {
            courses = List.copyOf(courses);
            countedElsewhere = List.copyOf(countedElsewhere);
        }
    }

    /**
     * One attempt on the record.
     *
     * @param countedIn the requirements it counted toward (more than one only where sharing is allowed)
     * @param explanation why, in words
     */
    public record CourseLine(
            String course,
            String term,
            String grade,
            String credits,
            String status,
            CourseReason reason,
            List<String> countedIn,
            String explanation) {
        public CourseLine {
            countedIn = List.copyOf(countedIn);
        }
    }
}
