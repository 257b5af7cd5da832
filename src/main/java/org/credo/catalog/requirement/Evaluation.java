package org.credo.catalog.requirement;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Whether a learner's completed courses meet a rule: a pure function of the rule and the courses,
 * the seam the degree audit builds on. Every node of the rule gets a result saying what counted.
 */
public final class Evaluation {

    /** A course the learner completed, with the grade and credits earned. */
    public record CompletedCourse(CourseCode course, String grade, BigDecimal credits) {}

    /**
     * The result for one node of the rule.
     *
     * @param used the courses that counted toward this node
     * @param credits the credits earned toward a credit minimum (zero elsewhere)
     */
    public record Result(
            Requirement requirement,
            boolean met,
            String summary,
            Set<CourseCode> used,
            BigDecimal credits,
            List<Result> children) {}

    private Evaluation() {}

    /** Evaluates a rule against completed courses. A course taken twice counts with its best grade. */
    public static Result evaluate(Requirement rule, List<CompletedCourse> completed) {
        var best = new ArrayList<CompletedCourse>();
        completed.stream()
                .sorted(Comparator.comparingInt((CompletedCourse c) -> rank(c.grade())))
                .forEach(c -> {
                    if (best.stream().noneMatch(b -> b.course().equals(c.course()))) {
                        best.add(c);
                    }
                });
        return evaluate(rule, best);
    }

    private static Result evaluate(Requirement rule, ArrayList<CompletedCourse> pool) {
        if (rule instanceof Requirement.Course c) {
            var match = pool.stream()
                    .filter(p -> p.course().equals(c.course())
                            && Grades.meets(p.grade(), c.minGrade() == null ? "" : c.minGrade()))
                    .findFirst();
            return new Result(
                    rule,
                    match.isPresent(),
                    c.course()
                            + (match.isPresent() ? " completed" : " not completed")
                            + (c.minGrade() == null ? "" : " with " + c.minGrade() + " or better"),
                    match.map(m -> Set.of(m.course())).orElse(Set.of()),
                    BigDecimal.ZERO,
                    List.of());
        }
        if (rule instanceof Requirement.CreditMinimum c) {
            var used = new LinkedHashSet<CourseCode>();
            var sum = BigDecimal.ZERO;
            for (var p : pool) {
                if (c.admits(p.course()) && Grades.meets(p.grade(), c.minGrade() == null ? "" : c.minGrade())) {
                    used.add(p.course());
                    sum = sum.add(p.credits());
                }
            }
            boolean met = sum.compareTo(c.minimum()) >= 0;
            return new Result(
                    rule,
                    met,
                    sum.stripTrailingZeros().toPlainString() + " of "
                            + c.minimum().stripTrailingZeros().toPlainString() + " credits",
                    used,
                    sum,
                    List.of());
        }
        if (rule instanceof Requirement.AllOf a) {
            return group(rule, a.items(), a.items().size(), a.allowSharing(), pool);
        }
        if (rule instanceof Requirement.AnyOf a) {
            return group(rule, a.items(), 1, true, pool);
        }
        var c = (Requirement.Choose) rule;
        return group(rule, c.items(), c.count(), false, pool);
    }

    /**
     * Evaluates items in order; without sharing, a course that counted toward one item is no longer
     * available to its siblings.
     */
    private static Result group(
            Requirement rule, List<Requirement> items, int needed, boolean sharing, ArrayList<CompletedCourse> pool) {
        var available = new ArrayList<>(pool);
        var children = new ArrayList<Result>();
        var used = new LinkedHashSet<CourseCode>();
        int met = 0;
        for (var item : items) {
            var result = evaluate(item, available);
            children.add(result);
            if (result.met()) {
                met++;
                used.addAll(result.used());
                if (!sharing) {
                    available.removeIf(p -> result.used().contains(p.course()));
                }
            }
        }
        return new Result(
                rule, met >= needed, met + " of " + needed + " met", used, BigDecimal.ZERO, List.copyOf(children));
    }

    private static int rank(@Nullable String grade) {
        var i = Grades.SCALE.indexOf(grade == null ? "" : grade.trim().toUpperCase());
        return i < 0 ? Integer.MAX_VALUE : i;
    }
}
