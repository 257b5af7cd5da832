package org.credo.progress.audit;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.credo.catalog.requirement.CourseCode;
import org.credo.catalog.requirement.Grades;
import org.credo.catalog.requirement.Requirement;
import org.jspecify.annotations.Nullable;

/**
 * A requirement that courses are assigned to directly: one course, a choice of a number of listed courses,
 * or a credit minimum. Groups above leaves are met or not by what their leaves are.
 */
final class Leaf {

    enum Kind {
        COURSE,
        PICK,
        CREDITS
    }

    final int index;
    final Requirement node;
    final Kind kind;
    /** How many courses it takes (for a credit minimum: set per audit, the fewest that could reach it). */
    final int courses;
    /** The credit minimum; zero for course leaves. */
    final BigDecimal credits;
    /** For course and pick leaves: each listed course with its minimum grade (empty when none). */
    private final Map<CourseCode, String> listed;

    private Leaf(
            int index, Requirement node, Kind kind, int courses, BigDecimal credits, Map<CourseCode, String> listed) {
        this.index = index;
        this.node = node;
        this.kind = kind;
        this.courses = courses;
        this.credits = credits;
        this.listed = listed;
    }

    static Leaf course(int index, Requirement.Course c) {
        return new Leaf(index, c, Kind.COURSE, 1, BigDecimal.ZERO, Map.of(c.course(), grade(c.minGrade())));
    }

    /** A choice of {@code count} courses among listed courses (a choose or any-of over courses only). */
    static Leaf pick(int index, Requirement node, int count, List<Requirement> items) {
        var listed = new LinkedHashMap<CourseCode, String>();
        for (var item : items) {
            var c = (Requirement.Course) item;
            listed.putIfAbsent(c.course(), grade(c.minGrade()));
        }
        return new Leaf(index, node, Kind.PICK, count, BigDecimal.ZERO, Map.copyOf(listed));
    }

    static Leaf credits(int index, Requirement.CreditMinimum c) {
        return new Leaf(index, c, Kind.CREDITS, 0, c.minimum(), Map.of());
    }

    /** Whether the course's code belongs here, grade aside. */
    boolean admits(CourseCode code) {
        if (kind == Kind.CREDITS) {
            return ((Requirement.CreditMinimum) node).admits(code);
        }
        return listed.containsKey(code);
    }

    /** The minimum grade this leaf asks of the course, blank when none. */
    String minimumGrade(CourseCode code) {
        if (kind == Kind.CREDITS) {
            return grade(((Requirement.CreditMinimum) node).minGrade());
        }
        return listed.getOrDefault(code, "");
    }

    /** Whether the attempt can count here: the code belongs and a completed grade meets the minimum. */
    boolean accepts(Attempt attempt) {
        if (!admits(attempt.course())) {
            return false;
        }
        if (attempt.status() != AttemptStatus.COMPLETED) {
            return true;
        }
        return attempt.grade() != null && Grades.meets(attempt.grade(), minimumGrade(attempt.course()));
    }

    /** The listed courses, in order (course and pick leaves). */
    List<CourseCode> listed() {
        return List.copyOf(listed.keySet()).stream().sorted().toList();
    }

    private static String grade(@Nullable String minGrade) {
        return minGrade == null ? "" : minGrade;
    }
}
