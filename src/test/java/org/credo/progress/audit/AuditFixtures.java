package org.credo.progress.audit;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import org.credo.catalog.requirement.CourseCode;
import org.credo.catalog.requirement.Requirement;
import org.jspecify.annotations.Nullable;

/** Small builders for hand-made programs and records. */
final class AuditFixtures {

    private AuditFixtures() {}

    static CourseCode code(String text) {
        return CourseCode.parse(text).orElseThrow();
    }

    static Requirement.Course course(String code) {
        return new Requirement.Course(code(code), null);
    }

    static Requirement.Course course(String code, String minGrade) {
        return new Requirement.Course(code(code), minGrade);
    }

    static Requirement.Choose choose(@Nullable String label, int count, Requirement... items) {
        return new Requirement.Choose(label, count, Arrays.asList(items));
    }

    static Requirement.AllOf all(@Nullable String label, Requirement... items) {
        return new Requirement.AllOf(label, Arrays.asList(items), false);
    }

    static Requirement.AllOf shared(@Nullable String label, Requirement... items) {
        return new Requirement.AllOf(label, Arrays.asList(items), true);
    }

    static Requirement.CreditMinimum credits(
            @Nullable String label, int minimum, List<String> subjects, @Nullable Integer minNumber) {
        return new Requirement.CreditMinimum(label, BigDecimal.valueOf(minimum), subjects, minNumber, null);
    }

    static Attempt done(String code, String grade, int sequence) {
        return new Attempt(code(code), grade, BigDecimal.valueOf(3), AttemptStatus.COMPLETED, sequence, "T" + sequence);
    }

    static Attempt done(String code, String grade, int credits, int sequence) {
        return new Attempt(
                code(code), grade, BigDecimal.valueOf(credits), AttemptStatus.COMPLETED, sequence, "T" + sequence);
    }

    static Attempt current(String code, int sequence) {
        return new Attempt(
                code(code), null, BigDecimal.valueOf(3), AttemptStatus.IN_PROGRESS, sequence, "T" + sequence);
    }
}
