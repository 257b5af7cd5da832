package org.credo.progress.audit;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.credo.catalog.requirement.Grades;
import org.credo.catalog.requirement.Requirement;

/**
 * The two greedy methods other audit systems use, over a program whose items are single courses, choices of
 * courses or credit minimums: they count how many items they satisfy, to show where they fall short.
 */
final class Greedy {

    private Greedy() {}

    /** Each course in record order goes to the first item it fits that still needs it. */
    static int firstFit(Requirement program, List<Attempt> record) {
        var items = program.children();
        var taken = new ArrayList<List<Attempt>>();
        items.forEach(i -> taken.add(new ArrayList<>()));
        for (var a : record) {
            for (int i = 0; i < items.size(); i++) {
                if (fits(items.get(i), a) && !full(items.get(i), taken.get(i))) {
                    taken.get(i).add(a);
                    break;
                }
            }
        }
        return satisfied(items, taken);
    }

    /** Each item in program order takes the fitting courses that fit the fewest other items. */
    static int bestFit(Requirement program, List<Attempt> record) {
        var items = program.children();
        var taken = new ArrayList<List<Attempt>>();
        Set<Attempt> used = new HashSet<>();
        for (var item : items) {
            var mine = new ArrayList<Attempt>();
            while (!full(item, mine)) {
                Attempt best = null;
                long bestOthers = Long.MAX_VALUE;
                for (var a : record) {
                    if (used.contains(a) || !fits(item, a)) {
                        continue;
                    }
                    long others =
                            items.stream().filter(o -> o != item && fits(o, a)).count();
                    if (others < bestOthers) {
                        best = a;
                        bestOthers = others;
                    }
                }
                if (best == null) {
                    break;
                }
                used.add(best);
                mine.add(best);
            }
            taken.add(mine);
        }
        return satisfied(items, taken);
    }

    private static int satisfied(List<Requirement> items, List<List<Attempt>> taken) {
        int n = 0;
        for (int i = 0; i < items.size(); i++) {
            n += full(items.get(i), taken.get(i)) ? 1 : 0;
        }
        return n;
    }

    static boolean fits(Requirement item, Attempt a) {
        if (!a.passed()) {
            return false;
        }
        if (item instanceof Requirement.CreditMinimum c) {
            return c.admits(a.course()) && Grades.meets(a.grade(), c.minGrade() == null ? "" : c.minGrade());
        }
        if (item instanceof Requirement.Course c) {
            return c.course().equals(a.course()) && Grades.meets(a.grade(), c.minGrade() == null ? "" : c.minGrade());
        }
        return item.children().stream().anyMatch(child -> fits(child, a));
    }

    static boolean full(Requirement item, List<Attempt> taken) {
        if (item instanceof Requirement.CreditMinimum c) {
            return taken.stream()
                            .map(Attempt::credits)
                            .reduce(BigDecimal.ZERO, BigDecimal::add)
                            .compareTo(c.minimum())
                    >= 0;
        }
        if (item instanceof Requirement.Choose c) {
            return taken.size() >= c.count();
        }
        return !taken.isEmpty();
    }
}
