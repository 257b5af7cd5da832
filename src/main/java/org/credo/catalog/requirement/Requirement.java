package org.credo.catalog.requirement;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/**
 * A structured rule: a course prerequisite or corequisite, or a program requirement. The same tree
 * is stored as the JSON documented in V9__catalog.sql, shown to people, and evaluated against the
 * courses a learner completed ({@link Evaluation}).
 */
public sealed interface Requirement
        permits Requirement.AllOf,
                Requirement.AnyOf,
                Requirement.Choose,
                Requirement.Course,
                Requirement.CreditMinimum {

    /** Every course code the rule names directly. */
    default Set<CourseCode> courses() {
        var codes = new TreeSet<CourseCode>();
        collect(this, codes);
        return codes;
    }

    /** The items of a group; none for a course or a credit minimum. */
    default List<Requirement> children() {
        if (this instanceof AllOf a) {
            return a.items();
        }
        if (this instanceof AnyOf a) {
            return a.items();
        }
        if (this instanceof Choose c) {
            return c.items();
        }
        return List.of();
    }

    /** One line per node, indented by depth: how the rule reads to a person (and what a diff compares). */
    default List<String> lines() {
        var lines = new ArrayList<String>();
        describe(this, 0, lines);
        return lines;
    }

    /** Every item, all of them. {@code allowSharing}: may one course count toward more than one item. */
    record AllOf(@Nullable String label, List<Requirement> items, boolean allowSharing) implements Requirement {
        public AllOf {
            items = List.copyOf(items);
        }
    }

    /** At least one of the items (prerequisite rules only). */
    record AnyOf(List<Requirement> items) implements Requirement {
        public AnyOf {
            items = List.copyOf(items);
        }
    }

    /** {@code count} of the items. */
    record Choose(@Nullable String label, int count, List<Requirement> items) implements Requirement {
        public Choose {
            items = List.copyOf(items);
        }
    }

    /** One course, passed with at least {@code minGrade} when given. */
    record Course(CourseCode course, @Nullable String minGrade) implements Requirement {}

    /**
     * At least {@code minimum} credits from courses of the given subjects (any when empty), numbered
     * {@code minNumber} or above (any when null), each passed with at least {@code minGrade}.
     */
    record CreditMinimum(
            @Nullable String label,
            BigDecimal minimum,
            List<String> subjects,
            @Nullable Integer minNumber,
            @Nullable String minGrade)
            implements Requirement {
        public CreditMinimum {
            subjects = List.copyOf(subjects);
        }

        /** Whether a course of this code can count toward the minimum (grade aside). */
        public boolean admits(CourseCode code) {
            return (subjects.isEmpty() || subjects.contains(code.subject()))
                    && (minNumber == null || code.level() >= minNumber);
        }
    }

    private static void collect(Requirement r, Set<CourseCode> codes) {
        if (r instanceof Course c) {
            codes.add(c.course());
        } else {
            r.children().forEach(i -> collect(i, codes));
        }
    }

    private static void describe(Requirement r, int depth, List<String> lines) {
        var indent = "  ".repeat(depth);
        if (r instanceof AllOf a) {
            lines.add(indent + prefix(a.label()) + "All of" + (a.allowSharing() ? " (courses may count twice)" : ""));
        } else if (r instanceof AnyOf) {
            lines.add(indent + "Any one of");
        } else if (r instanceof Choose c) {
            lines.add(indent + prefix(c.label()) + c.count() + " of");
        } else if (r instanceof Course c) {
            lines.add(indent + c.course() + grade(c.minGrade()));
        } else if (r instanceof CreditMinimum c) {
            lines.add(indent + prefix(c.label())
                    + c.minimum().stripTrailingZeros().toPlainString()
                    + " credits"
                    + (c.subjects().isEmpty() ? "" : " in " + String.join(", ", c.subjects()))
                    + (c.minNumber() == null ? "" : " numbered " + c.minNumber() + " or above")
                    + grade(c.minGrade()));
        }
        r.children().forEach(i -> describe(i, depth + 1, lines));
    }

    private static String prefix(@Nullable String label) {
        return label == null || label.isBlank() ? "" : label + ": ";
    }

    private static String grade(@Nullable String minGrade) {
        return minGrade == null || minGrade.isBlank() ? "" : " (grade " + minGrade + " or better)";
    }
}
