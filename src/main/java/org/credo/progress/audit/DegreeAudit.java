package org.credo.progress.audit;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.credo.catalog.requirement.Grades;
import org.credo.catalog.requirement.Requirement;
import org.credo.progress.audit.AuditResult.CourseLine;
import org.credo.progress.audit.AuditResult.CourseReason;

/**
 * The degree audit: a pure function of a program's requirement tree, the learner's record and the repeat
 * policy. Courses are assigned optimally ({@link CourseAssignment}); where a group allows sharing, each of its
 * items is assigned on its own, so one course may count in several of them.
 */
public final class DegreeAudit {

    private DegreeAudit() {}

    /** Audits a record against a program's requirements. */
    public static AuditResult audit(Requirement program, List<Attempt> record, RepeatPolicy policy) {
        var repeats = Repeats.resolve(record, policy);
        var countable = record.stream()
                .filter(a -> !repeats.excluded().containsKey(a) && a.countable())
                .sorted(Comparator.comparing(Attempt::course)
                        .thenComparingInt(Attempt::sequence)
                        .thenComparing(Attempt::status))
                .toList();
        var leafOf = new IdentityHashMap<Requirement, Leaf>();
        var inOrder = new ArrayList<Leaf>();
        var scopeOf = new IdentityHashMap<Leaf, List<Leaf>>();
        var counted = new IdentityHashMap<Leaf, List<Attempt>>();
        int satisfiedTop = 0;
        int satisfiedNodes = 0;
        for (var scope : scopes(program)) {
            var leaves = new ArrayList<Leaf>();
            var scopeLeaves = new IdentityHashMap<Requirement, Leaf>();
            flatten(scope, leaves, scopeLeaves);
            leafOf.putAll(scopeLeaves);
            inOrder.addAll(leaves);
            leaves.forEach(l -> scopeOf.put(l, leaves));
            var assignment = new CourseAssignment(scope, leaves, countable, scopeLeaves);
            var outcome = assignment.solve();
            counted.putAll(outcome.counted());
            long score = assignment.score(outcome.satisfied());
            satisfiedNodes += (int) (score % 1_000_000L);
            if (scope != program) {
                satisfiedTop += assignment.satisfied(scope, outcome.satisfied()) ? 1 : 0;
            } else {
                satisfiedTop += (int) (score / 1_000_000L);
            }
        }
        var explained = new Explanations(leafOf, counted, scopeOf);
        var lines = new ArrayList<AuditResult.RequirementLine>();
        var top = explained.explain(program, 0, lines);
        var courses = courseLines(record, repeats, inOrder, counted, explained);
        return new AuditResult(
                top.status(), top.percent(), top.inProgressPercent(), lines, courses, satisfiedTop, satisfiedNodes);
    }

    /** The subtrees in which a course counts at most once: the items of a group that allows sharing. */
    static List<Requirement> scopes(Requirement node) {
        if (node instanceof Requirement.AllOf a && a.allowSharing()) {
            var scopes = new ArrayList<Requirement>();
            a.items().forEach(i -> scopes.addAll(scopes(i)));
            return scopes;
        }
        return List.of(node);
    }

    private static void flatten(Requirement node, List<Leaf> leaves, Map<Requirement, Leaf> leafOf) {
        Leaf leaf = null;
        if (node instanceof Requirement.Course c) {
            leaf = Leaf.course(leaves.size(), c);
        } else if (node instanceof Requirement.CreditMinimum c) {
            leaf = Leaf.credits(leaves.size(), c);
        } else if (node instanceof Requirement.Choose c && onlyCourses(c.items())) {
            leaf = Leaf.pick(leaves.size(), c, c.count(), c.items());
        } else if (node instanceof Requirement.AnyOf a && onlyCourses(a.items())) {
            leaf = Leaf.pick(leaves.size(), a, 1, a.items());
        }
        if (leaf != null) {
            leaves.add(leaf);
            leafOf.put(node, leaf);
            return;
        }
        node.children().forEach(child -> flatten(child, leaves, leafOf));
    }

    private static boolean onlyCourses(List<Requirement> items) {
        return items.stream().allMatch(i -> i instanceof Requirement.Course);
    }

    private static List<CourseLine> courseLines(
            List<Attempt> record,
            Repeats repeats,
            List<Leaf> leaves,
            Map<Leaf, List<Attempt>> counted,
            Explanations explained) {
        var where = new IdentityHashMap<Attempt, List<String>>();
        for (var leaf : leaves) {
            counted.getOrDefault(leaf, List.of())
                    .forEach(a ->
                            where.computeIfAbsent(a, k -> new ArrayList<>()).add(explained.title(leaf.node)));
        }
        var lines = new ArrayList<CourseLine>();
        var ordered = new ArrayList<>(record);
        ordered.sort(Comparator.comparingInt(Attempt::sequence).thenComparing(Attempt::course));
        for (var a : ordered) {
            var in = where.getOrDefault(a, List.of());
            CourseReason reason;
            String why;
            if (!in.isEmpty()) {
                reason = CourseReason.COUNTED;
                why = "Counts toward " + String.join("; ", in)
                        + (a.status() == AttemptStatus.COMPLETED ? "" : " once completed");
            } else if (repeats.excluded().containsKey(a)) {
                reason = CourseReason.REPEAT_EXCLUDED;
                why = repeats.excluded().get(a);
            } else if (!a.countable()) {
                reason = CourseReason.NOT_PASSED;
                why = "No credit earned" + (a.grade() == null ? "" : " (grade " + a.grade() + ")");
            } else {
                var admitting = leaves.stream()
                        .filter(l -> l.admits(a.course()))
                        .distinct()
                        .toList();
                var accepting = admitting.stream().filter(l -> l.accepts(a)).toList();
                if (admitting.isEmpty()) {
                    reason = CourseReason.NO_MATCHING_REQUIREMENT;
                    why = "Does not match any requirement of the program";
                } else if (accepting.isEmpty()) {
                    var leaf = admitting.get(0);
                    reason = CourseReason.GRADE_TOO_LOW;
                    why = "Grade " + a.grade() + " is below the " + leaf.minimumGrade(a.course()) + " needed for "
                            + explained.title(leaf.node);
                } else {
                    reason = CourseReason.IN_EXCESS;
                    why = "In excess: "
                            + String.join(
                                    "; ",
                                    accepting.stream()
                                            .map(l -> explained.title(l.node))
                                            .toList())
                            + (accepting.size() == 1 ? " already has" : " already have")
                            + " all the courses " + (accepting.size() == 1 ? "it needs" : "they need");
                }
            }
            lines.add(new CourseLine(
                    a.course().toString(),
                    a.term(),
                    a.grade() == null ? "" : a.grade(),
                    a.credits().stripTrailingZeros().toPlainString(),
                    a.status().name(),
                    reason,
                    in,
                    why));
        }
        return lines;
    }

    /** Which attempts a repeat policy excludes, each with the reason in words. */
    record Repeats(Map<Attempt, String> excluded) {

        static Repeats resolve(List<Attempt> record, RepeatPolicy policy) {
            var excluded = new IdentityHashMap<Attempt, String>();
            var byCourse = new LinkedHashMap<Object, List<Attempt>>();
            record.forEach(a ->
                    byCourse.computeIfAbsent(a.course(), k -> new ArrayList<>()).add(a));
            for (var attempts : byCourse.values()) {
                if (attempts.size() < 2) {
                    continue;
                }
                var graded = attempts.stream()
                        .filter(a -> a.status() == AttemptStatus.COMPLETED
                                && a.grade() != null
                                && Grades.parse(a.grade()).isPresent())
                        .toList();
                Attempt counting = null;
                for (var a : graded) {
                    if (counting == null || better(a, counting, policy)) {
                        counting = a;
                    }
                }
                for (var a : graded) {
                    if (a != counting) {
                        excluded.put(
                                a,
                                "Repeated: the " + (policy == RepeatPolicy.LAST ? "later" : "higher-graded")
                                        + " attempt in " + counting.term() + " counts");
                    }
                }
                boolean passed = counting != null && counting.passed();
                Attempt current = null;
                for (var a : attempts) {
                    if (a.status() == AttemptStatus.COMPLETED) {
                        continue;
                    }
                    if (passed) {
                        excluded.put(a, "Already passed in " + counting.term());
                    } else if (current != null) {
                        excluded.put(a, "Also taken in " + current.term() + ", which counts");
                    } else {
                        current = a;
                    }
                }
            }
            return new Repeats(excluded);
        }

        private static boolean better(Attempt a, Attempt than, RepeatPolicy policy) {
            if (policy == RepeatPolicy.HIGHEST) {
                int ra = rank(a);
                int rb = rank(than);
                if (ra != rb) {
                    return ra < rb;
                }
            }
            return a.sequence() > than.sequence();
        }

        private static int rank(Attempt a) {
            int i = Grades.SCALE.indexOf(
                    Grades.parse(a.grade() == null ? "" : a.grade()).orElse("F"));
            return a.passed() ? i : Integer.MAX_VALUE;
        }
    }

    static BigDecimal sum(List<Attempt> attempts, boolean completedOnly) {
        return attempts.stream()
                .filter(a -> !completedOnly || a.status() == AttemptStatus.COMPLETED)
                .map(Attempt::credits)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
    }
}
