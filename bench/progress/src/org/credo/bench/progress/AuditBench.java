package org.credo.bench.progress;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.credo.catalog.requirement.CourseCode;
import org.credo.catalog.requirement.Requirement;
import org.credo.progress.audit.Attempt;
import org.credo.progress.audit.AttemptStatus;
import org.credo.progress.audit.DegreeAudit;
import org.credo.progress.audit.RepeatPolicy;

/**
 * Audits synthetic learners (10 to 40 courses each) against synthetic programs (15 to 25 requirements: single
 * courses, choices of 3 to 6 courses, credit minimums over a subject at the 300 level) with the real engine, on a
 * fixed number of threads, and reports the wall time and the per-audit latency percentiles. Engine only: no
 * database reads.
 */
public final class AuditBench {

    private static final String[] SUBJECTS = {"DATA", "MATH", "CS", "STAT", "ENG"};
    private static final String[] GRADES = {"A", "A-", "B+", "B", "B-", "C+", "C", "C-", "D", "F", "W"};

    public static void main(String[] args) throws Exception {
        int learners = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        int threads = args.length > 1 ? Integer.parseInt(args[1]) : 2;
        long seed = args.length > 2 ? Long.parseLong(args[2]) : 15L;
        var random = new Random(seed);
        var programs = new ArrayList<Requirement>();
        for (int p = 0; p < 20; p++) {
            programs.add(program(random));
        }
        var records = new ArrayList<List<Attempt>>(learners);
        var programOf = new int[learners];
        for (int i = 0; i < learners; i++) {
            programOf[i] = random.nextInt(programs.size());
            records.add(record(random, programs.get(programOf[i])));
        }
        // Warm up the JIT on 5,000 audits before timing.
        for (int i = 0; i < Math.min(5_000, learners); i++) {
            DegreeAudit.audit(programs.get(programOf[i]), records.get(i), RepeatPolicy.LAST);
        }
        var nanos = new long[learners];
        var complete = new AtomicInteger();
        var next = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        long start = System.nanoTime();
        var futures = new ArrayList<Future<?>>();
        for (int t = 0; t < threads; t++) {
            futures.add(pool.submit(() -> {
                for (int i = next.getAndIncrement(); i < learners; i = next.getAndIncrement()) {
                    long t0 = System.nanoTime();
                    var result = DegreeAudit.audit(programs.get(programOf[i]), records.get(i), RepeatPolicy.LAST);
                    nanos[i] = System.nanoTime() - t0;
                    if (result.status().name().equals("MET")) {
                        complete.incrementAndGet();
                    }
                }
            }));
        }
        for (var f : futures) {
            f.get();
        }
        long wall = System.nanoTime() - start;
        pool.shutdown();
        Arrays.sort(nanos);
        System.out.printf(
                "%d learners, %d threads: %.1f s wall, %.0f audits/s; per audit p50 %.2f ms, p95 %.2f ms, p99 %.2f ms,"
                        + " max %.1f ms; %d complete%n",
                learners,
                threads,
                wall / 1e9,
                learners / (wall / 1e9),
                nanos[learners / 2] / 1e6,
                nanos[(int) (learners * 0.95)] / 1e6,
                nanos[(int) (learners * 0.99)] / 1e6,
                nanos[learners - 1] / 1e6,
                complete.get());
    }

    private static Requirement program(Random random) {
        int n = 15 + random.nextInt(11);
        var items = new ArrayList<Requirement>();
        for (int i = 0; i < n; i++) {
            int kind = random.nextInt(10);
            if (kind < 5) {
                items.add(new Requirement.Course(code(random), random.nextInt(3) == 0 ? "C" : null));
            } else if (kind < 8) {
                int size = 3 + random.nextInt(4);
                var options = new ArrayList<Requirement>();
                var seen = new ArrayList<CourseCode>();
                while (options.size() < size) {
                    var c = code(random);
                    if (!seen.contains(c)) {
                        seen.add(c);
                        options.add(new Requirement.Course(c, null));
                    }
                }
                items.add(new Requirement.Choose("Choice " + i, 1 + random.nextInt(2), options));
            } else {
                items.add(new Requirement.CreditMinimum(
                        "Credits " + i,
                        BigDecimal.valueOf(6 + 3 * random.nextInt(3)),
                        List.of(SUBJECTS[random.nextInt(SUBJECTS.length)]),
                        300,
                        "C-"));
            }
        }
        return new Requirement.AllOf("Program", items, false);
    }

    private static List<Attempt> record(Random random, Requirement program) {
        var named = new ArrayList<>(program.courses());
        int n = 10 + random.nextInt(31);
        var attempts = new ArrayList<Attempt>();
        for (int i = 0; i < n; i++) {
            var code = random.nextInt(10) < 6 && !named.isEmpty()
                    ? named.get(random.nextInt(named.size()))
                    : code(random);
            int term = i / 5;
            boolean current = i >= n - 4 && random.nextInt(3) == 0;
            attempts.add(new Attempt(
                    code,
                    current ? null : GRADES[random.nextInt(GRADES.length)],
                    BigDecimal.valueOf(random.nextInt(5) == 0 ? 4 : 3),
                    current ? AttemptStatus.IN_PROGRESS : AttemptStatus.COMPLETED,
                    term,
                    "T" + term));
        }
        return attempts;
    }

    private static CourseCode code(Random random) {
        return new CourseCode(
                SUBJECTS[random.nextInt(SUBJECTS.length)], String.valueOf(100 + 10 * random.nextInt(40)));
    }
}
