package org.credo.progress.audit;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.credo.catalog.requirement.CourseCode;
import org.credo.catalog.requirement.Requirement;
import org.credo.progress.audit.AuditResult.AuditStatus;
import org.credo.progress.audit.AuditResult.RequirementLine;

/** Turns an assignment into lines a learner reads: status, what counted and what is still needed, in words. */
final class Explanations {

    private static final int LISTED = 6;

    private final Map<Requirement, Leaf> leafOf;
    private final Map<Leaf, List<Attempt>> counted;
    private final java.util.Set<CourseCode> countedAnywhere = new java.util.HashSet<>();
    private final Map<Leaf, List<Leaf>> scopeOf;

    Explanations(Map<Requirement, Leaf> leafOf, Map<Leaf, List<Attempt>> counted, Map<Leaf, List<Leaf>> scopeOf) {
        this.leafOf = leafOf;
        this.counted = counted;
        this.scopeOf = scopeOf;
        counted.values().forEach(list -> list.forEach(a -> countedAnywhere.add(a.course())));
    }

    /** The status and progress of a node, for its parent. */
    record Progress(AuditStatus status, int percent, int inProgressPercent) {}

    /** Adds the node's line (and its children's) and returns its progress. */
    Progress explain(Requirement node, int depth, List<RequirementLine> lines) {
        var leaf = leafOf.get(node);
        if (leaf != null) {
            return leaf(leaf, depth, lines);
        }
        int at = lines.size();
        lines.add(null);
        var children = new ArrayList<Progress>();
        var open = new ArrayList<String>();
        for (var child : node.children()) {
            var p = explain(child, depth + 1, lines);
            children.add(p);
            if (p.status() == AuditStatus.NOT_MET) {
                open.add(title(child));
            }
        }
        int needed = CourseAssignment.needed(node);
        long met = children.stream().filter(p -> p.status() == AuditStatus.MET).count();
        long going =
                children.stream().filter(p -> p.status() != AuditStatus.NOT_MET).count();
        var status = met >= needed ? AuditStatus.MET : going >= needed ? AuditStatus.IN_PROGRESS : AuditStatus.NOT_MET;
        var best = children.stream()
                .sorted(Comparator.comparingInt((Progress p) -> p.percent() + p.inProgressPercent())
                        .reversed())
                .limit(needed)
                .toList();
        int percent = best.stream().mapToInt(Progress::percent).sum() / Math.max(1, needed);
        int projected =
                best.stream().mapToInt(p -> p.percent() + p.inProgressPercent()).sum() / Math.max(1, needed);
        String stillNeeded = "";
        if (status == AuditStatus.IN_PROGRESS) {
            stillNeeded = "Complete the courses in progress";
        } else if (status == AuditStatus.NOT_MET) {
            long more = needed - going;
            stillNeeded = needed == node.children().size()
                    ? "Still needed: " + String.join("; ", open)
                    : more + " more of: " + String.join("; ", open);
        }
        lines.set(
                at,
                new RequirementLine(
                        depth,
                        title(node),
                        status,
                        percent,
                        projected - percent,
                        met + " of " + needed + " met",
                        List.of(),
                        stillNeeded,
                        List.of()));
        return new Progress(status, percent, projected - percent);
    }

    private Progress leaf(Leaf leaf, int depth, List<RequirementLine> lines) {
        var attempts = counted.getOrDefault(leaf, List.of());
        BigDecimal need;
        BigDecimal done;
        BigDecimal projected;
        String unit;
        if (leaf.kind == Leaf.Kind.CREDITS) {
            need = leaf.credits;
            done = DegreeAudit.sum(attempts, true);
            projected = DegreeAudit.sum(attempts, false);
            unit = "credits";
        } else {
            need = BigDecimal.valueOf(leaf.courses);
            done = BigDecimal.valueOf(attempts.stream()
                    .filter(a -> a.status() == AttemptStatus.COMPLETED)
                    .count());
            projected = BigDecimal.valueOf(attempts.size());
            unit = leaf.courses == 1 ? "course" : "courses";
        }
        var status = done.compareTo(need) >= 0
                ? AuditStatus.MET
                : projected.compareTo(need) >= 0 ? AuditStatus.IN_PROGRESS : AuditStatus.NOT_MET;
        int percent = percent(done, need);
        int inProgress = percent(projected, need) - percent;
        var stillNeeded = switch (status) {
            case MET -> "";
            case IN_PROGRESS -> "Complete the courses in progress";
            case NOT_MET -> needed(leaf, need.subtract(projected), attempts);
        };
        lines.add(new RequirementLine(
                depth,
                title(leaf.node),
                status,
                percent,
                inProgress,
                plain(done) + " of " + plain(need) + " " + unit
                        + (projected.compareTo(done) > 0
                                ? " (" + plain(projected.subtract(done)) + " in progress)"
                                : ""),
                attempts.stream().map(Attempt::toString).toList(),
                stillNeeded,
                status == AuditStatus.MET ? List.of() : elsewhere(leaf)));
        return new Progress(status, percent, inProgress);
    }

    /** What is left, in words: 2 more courses from DATA 301, DATA 302; 6 more credits in DATA numbered 300 or above. */
    private String needed(Leaf leaf, BigDecimal missing, List<Attempt> counted) {
        if (leaf.kind == Leaf.Kind.CREDITS) {
            var c = (Requirement.CreditMinimum) leaf.node;
            return plain(missing) + " more credits"
                    + (c.subjects().isEmpty() ? " in any subject" : " in " + String.join(", ", c.subjects()))
                    + (c.minNumber() == null ? "" : " numbered " + c.minNumber() + " or above")
                    + (c.minGrade() == null ? "" : ", grade " + c.minGrade() + " or better");
        }
        // Courses already counted here or elsewhere are no longer options.
        var options =
                leaf.listed().stream().filter(c -> !countedAnywhere.contains(c)).toList();
        if (leaf.kind == Leaf.Kind.COURSE) {
            var code = options.isEmpty() ? leaf.listed().get(0) : options.get(0);
            var grade = leaf.minimumGrade(code);
            return code + (grade.isEmpty() ? "" : " with " + grade + " or better");
        }
        int more = missing.intValue();
        return more + " more " + (more == 1 ? "course" : "courses") + " from " + list(options);
    }

    /**
     * Courses that fit the leaf but count toward another leaf of the same tree (where a course counts once), each
     * with where it counts: why a course on the record did not count here.
     */
    private List<String> elsewhere(Leaf leaf) {
        var notes = new java.util.ArrayList<String>();
        var mine = counted.getOrDefault(leaf, List.of());
        for (var other : scopeOf.getOrDefault(leaf, List.of())) {
            if (other == leaf) {
                continue;
            }
            for (var a : counted.getOrDefault(other, List.of())) {
                if (leaf.accepts(a) && !mine.contains(a)) {
                    notes.add(a.course() + " already counts toward " + title(other.node)
                            + ", and a course counts only once here");
                }
            }
        }
        return notes;
    }

    /** The node's name: its label, or how it reads. */
    String title(Requirement node) {
        if (node instanceof Requirement.AllOf a && a.label() != null) {
            return a.label();
        }
        if (node instanceof Requirement.Choose c && c.label() != null) {
            return c.label();
        }
        if (node instanceof Requirement.CreditMinimum c && c.label() != null) {
            return c.label();
        }
        var leaf = leafOf.get(node);
        if (node instanceof Requirement.Course c) {
            return c.course() + (c.minGrade() == null ? "" : " (" + c.minGrade() + " or better)");
        }
        if (leaf != null && leaf.kind == Leaf.Kind.PICK) {
            return leaf.courses + " of " + list(leaf.listed());
        }
        if (node instanceof Requirement.CreditMinimum c) {
            return plain(c.minimum()) + " credits"
                    + (c.subjects().isEmpty() ? "" : " in " + String.join(", ", c.subjects()))
                    + (c.minNumber() == null ? "" : " numbered " + c.minNumber() + " or above");
        }
        if (node instanceof Requirement.Choose c) {
            return c.count() + " of the following";
        }
        if (node instanceof Requirement.AnyOf) {
            return "One of the following";
        }
        return "All of the following";
    }

    private static String list(List<CourseCode> codes) {
        var shown = codes.stream().limit(LISTED).map(CourseCode::toString).toList();
        return String.join(", ", shown) + (codes.size() > LISTED ? " and " + (codes.size() - LISTED) + " more" : "");
    }

    private static int percent(BigDecimal part, BigDecimal whole) {
        if (whole.signum() <= 0) {
            return 100;
        }
        return Math.min(
                100,
                part.multiply(BigDecimal.valueOf(100))
                        .divide(whole, 0, RoundingMode.FLOOR)
                        .intValue());
    }

    private static String plain(BigDecimal n) {
        return n.stripTrailingZeros().toPlainString();
    }
}
