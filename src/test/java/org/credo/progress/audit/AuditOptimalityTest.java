package org.credo.progress.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.credo.catalog.requirement.CourseCode;
import org.credo.catalog.requirement.Requirement;
import org.junit.jupiter.api.Test;

/**
 * Compares the audit's assignment with every possible assignment on thousands of small random programs and
 * records: no assignment satisfies more top-level requirements, nor, with as many, more requirements at any level.
 */
class AuditOptimalityTest {

    private static final String[] SUBJECTS = {"DATA", "MATH"};
    private static final int[] NUMBERS = {101, 102, 201, 210, 301, 310};
    private static final String[] GRADES = {"A", "B", "C", "C-", "D", "F"};
    private static final String[] MINIMUMS = {"C", "B"};

    @Test
    void noAssignmentSatisfiesMoreRequirementsThanTheAudit() {
        var random = new Random(20261208L);
        int compared = 0;
        for (int i = 0; i < 3000; i++) {
            var program = program(random);
            var record = record(random);
            var audit = DegreeAudit.audit(program, record, RepeatPolicy.LAST);
            var best = bruteForce(program, record);
            assertThat(new long[] {audit.requirementsSatisfied(), audit.nodesSatisfied()})
                    .as("case %d: %s with %s", i, program.lines(), record)
                    .containsExactly(best[0], best[1]);
            compared++;
        }
        assertThat(compared).isEqualTo(3000);
    }

    private static Requirement program(Random random) {
        int blocks = 2 + random.nextInt(4);
        var items = new ArrayList<Requirement>();
        for (int b = 0; b < blocks; b++) {
            items.add(block(random, 0));
        }
        return new Requirement.AllOf(null, items, false);
    }

    private static Requirement block(Random random, int depth) {
        int kind = random.nextInt(depth == 0 ? 5 : 3);
        return switch (kind) {
            case 0 -> course(random);
            case 1 -> {
                int n = 2 + random.nextInt(3);
                var items = new ArrayList<Requirement>();
                for (int i = 0; i < n; i++) {
                    items.add(course(random));
                }
                var unique = distinct(items);
                yield new Requirement.Choose(null, 1 + random.nextInt(unique.size()), unique);
            }
            case 2 ->
                new Requirement.CreditMinimum(
                        null,
                        BigDecimal.valueOf(3 + random.nextInt(7)),
                        random.nextBoolean() ? List.of() : List.of(SUBJECTS[random.nextInt(2)]),
                        random.nextBoolean() ? null : 200,
                        random.nextInt(3) == 0 ? "C" : null);
            case 3 -> new Requirement.AllOf(null, List.of(block(random, 1), block(random, 1)), false);
            default -> new Requirement.Choose(null, 1, List.of(block(random, 1), block(random, 1)));
        };
    }

    private static List<Requirement> distinct(List<Requirement> items) {
        var seen = new ArrayList<CourseCode>();
        var out = new ArrayList<Requirement>();
        for (var i : items) {
            var c = ((Requirement.Course) i).course();
            if (!seen.contains(c)) {
                seen.add(c);
                out.add(i);
            }
        }
        return out;
    }

    private static Requirement.Course course(Random random) {
        return new Requirement.Course(
                code(random), random.nextInt(3) == 0 ? MINIMUMS[random.nextInt(MINIMUMS.length)] : null);
    }

    private static CourseCode code(Random random) {
        return new CourseCode(SUBJECTS[random.nextInt(2)], String.valueOf(NUMBERS[random.nextInt(NUMBERS.length)]));
    }

    private static List<Attempt> record(Random random) {
        int n = 2 + random.nextInt(6);
        var seen = new ArrayList<CourseCode>();
        var record = new ArrayList<Attempt>();
        for (int i = 0; i < n; i++) {
            var c = code(random);
            if (seen.contains(c)) {
                continue;
            }
            seen.add(c);
            int credits = random.nextInt(4) == 0 ? 4 : 3;
            record.add(new Attempt(
                    c,
                    GRADES[random.nextInt(GRADES.length)],
                    BigDecimal.valueOf(credits),
                    AttemptStatus.COMPLETED,
                    i,
                    "T" + i));
        }
        return record;
    }

    /** Tries every assignment of each passed course to one requirement it fits, or to none. */
    private static long[] bruteForce(Requirement program, List<Attempt> record) {
        var leaves = new ArrayList<Requirement>();
        leaves(program, leaves);
        var passed = record.stream().filter(Attempt::passed).toList();
        var options = new ArrayList<List<Integer>>();
        for (var a : passed) {
            var fits = new ArrayList<Integer>();
            fits.add(-1);
            for (int l = 0; l < leaves.size(); l++) {
                if (Greedy.fits(leaves.get(l), a)) {
                    fits.add(l);
                }
            }
            options.add(fits);
        }
        var best = new long[] {-1, -1};
        var choice = new int[passed.size()];
        search(0, choice, options, passed, leaves, program, best);
        return best;
    }

    private static void search(
            int i,
            int[] choice,
            List<List<Integer>> options,
            List<Attempt> passed,
            List<Requirement> leaves,
            Requirement program,
            long[] best) {
        if (i == choice.length) {
            var met = new IdentityHashMap<Requirement, Boolean>();
            for (int l = 0; l < leaves.size(); l++) {
                var counted = new ArrayList<Attempt>();
                for (int a = 0; a < choice.length; a++) {
                    if (choice[a] == l) {
                        counted.add(passed.get(a));
                    }
                }
                met.put(leaves.get(l), Greedy.full(leaves.get(l), counted));
            }
            long top = program.children().stream().filter(c -> met(c, met)).count();
            long nodes = nodes(program, met);
            if (top > best[0] || (top == best[0] && nodes > best[1])) {
                best[0] = top;
                best[1] = nodes;
            }
            return;
        }
        for (int option : options.get(i)) {
            choice[i] = option;
            search(i + 1, choice, options, passed, leaves, program, best);
        }
    }

    private static boolean isLeaf(Requirement r) {
        return r instanceof Requirement.Course
                || r instanceof Requirement.CreditMinimum
                || (r instanceof Requirement.Choose c
                        && c.items().stream().allMatch(i -> i instanceof Requirement.Course));
    }

    private static void leaves(Requirement r, List<Requirement> out) {
        if (isLeaf(r)) {
            out.add(r);
        } else {
            r.children().forEach(c -> leaves(c, out));
        }
    }

    private static boolean met(Requirement r, Map<Requirement, Boolean> leaves) {
        if (isLeaf(r)) {
            return leaves.get(r);
        }
        long n = r.children().stream().filter(c -> met(c, leaves)).count();
        int needed =
                r instanceof Requirement.Choose c ? c.count() : r.children().size();
        return n >= needed;
    }

    private static long nodes(Requirement r, Map<Requirement, Boolean> leaves) {
        long n = met(r, leaves) ? 1 : 0;
        if (!isLeaf(r)) {
            for (var c : r.children()) {
                n += nodes(c, leaves);
            }
        }
        return n;
    }
}
