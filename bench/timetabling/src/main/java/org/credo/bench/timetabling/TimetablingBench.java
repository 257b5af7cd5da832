package org.credo.bench.timetabling;

import ai.timefold.solver.core.api.score.buildin.hardsoft.HardSoftScore;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.credo.scheduling.timetabling.model.CttParser;
import org.credo.scheduling.timetabling.model.CttWriter;
import org.credo.scheduling.timetabling.model.Instance;
import org.credo.scheduling.timetabling.model.InstanceGenerator;
import org.credo.scheduling.timetabling.model.ItcScorer;
import org.credo.scheduling.timetabling.model.SolutionFormat;
import org.credo.scheduling.timetabling.solver.TimetableSolver;

/**
 * Solves ITC 2007 instances with Credo's solver for a fixed time and prints the time to zero hard violations, the
 * best score over time, and the final score as the independent ITC scorer counts it.
 *
 * <p>Arguments: {@code generated <seconds> <sections> <rooms> <instructors> <cohorts> <days> <periods> <seed>}, or
 * {@code file <seconds> <path.ctt> [best known soft]}.
 */
public final class TimetablingBench {

    private TimetablingBench() {}

    public static void main(String[] args) throws IOException {
        if (args.length >= 9 && args[0].equals("generated")) {
            var settings = new InstanceGenerator.Settings(
                    Integer.parseInt(args[2]),
                    Integer.parseInt(args[3]),
                    Integer.parseInt(args[4]),
                    Integer.parseInt(args[5]),
                    Integer.parseInt(args[6]),
                    Integer.parseInt(args[7]),
                    Long.parseLong(args[8]));
            var instance = InstanceGenerator.generate(settings);
            Files.createDirectories(Path.of("target"));
            Files.writeString(Path.of("target", instance.name() + ".ctt"), CttWriter.write(instance));
            solve(instance, Integer.parseInt(args[1]), null);
        } else if (args.length >= 3 && args[0].equals("file")) {
            var instance = CttParser.parse(Files.readString(Path.of(args[2]), StandardCharsets.UTF_8));
            solve(instance, Integer.parseInt(args[1]), args.length > 3 ? Integer.parseInt(args[3]) : null);
        } else {
            System.err.println("usage: generated <seconds> <sections> <rooms> <instructors> <cohorts> <days> <periods>"
                    + " <seed> | file <seconds> <path.ctt> [best known soft]");
            System.exit(2);
        }
    }

    private static void solve(Instance instance, int seconds, Integer bestKnown) throws IOException {
        System.out.printf(
                Locale.ROOT,
                "instance %s: %d courses (sections), %d lectures, %d rooms, %d teachers, %d curricula, %d days x %d"
                        + " periods, %d unavailabilities; %d s on %d cores%n",
                instance.name(),
                instance.courses().size(),
                instance.lectureCount(),
                instance.rooms().size(),
                instance.teacherCount(),
                instance.curricula().size(),
                instance.days(),
                instance.periodsPerDay(),
                instance.unavailability().size(),
                seconds,
                Runtime.getRuntime().availableProcessors());
        var solver = TimetableSolver.solver(Duration.ofSeconds(seconds));
        var improvements = new ArrayList<long[]>();
        long[] firstFeasible = {-1};
        solver.addEventListener(event -> {
            if (!event.isNewBestSolutionInitialized()) {
                return;
            }
            HardSoftScore score = (HardSoftScore) event.getNewBestScore();
            if (firstFeasible[0] < 0 && score.hardScore() == 0) {
                firstFeasible[0] = event.getTimeMillisSpent();
            }
            improvements.add(new long[] {event.getTimeMillisSpent(), -score.hardScore(), -score.softScore()});
        });
        var solved = solver.solve(TimetableSolver.problem(instance, List.of()));
        var assignments = TimetableSolver.assignments(solved);
        var itc = ItcScorer.score(instance, assignments);

        System.out.println("best score over time (seconds: hard violations / soft penalty):");
        long nextReport = 0;
        for (int i = 0; i < improvements.size(); i++) {
            var p = improvements.get(i);
            boolean last = i == improvements.size() - 1;
            if (p[0] >= nextReport || last) {
                System.out.printf(Locale.ROOT, "  %6.1f s  %4d hard  %6d soft%n", p[0] / 1000.0, p[1], p[2]);
                nextReport = p[0] < 5_000 ? p[0] + 500 : p[0] + 5_000;
            }
        }
        System.out.println(firstFeasible[0] < 0
                ? "zero hard violations: not reached"
                : String.format(Locale.ROOT, "zero hard violations after %.2f s", firstFeasible[0] / 1000.0));
        System.out.printf(
                Locale.ROOT,
                "final: solver %s; ITC scorer %d hard, %d soft (room capacity %d, min working days %d, compactness %d,"
                        + " room stability %d)%s%n",
                solved.getScore(),
                itc.hard(),
                itc.soft(),
                itc.roomCapacity(),
                itc.minWorkingDays(),
                itc.curriculumCompactness(),
                itc.roomStability(),
                bestKnown == null ? "" : "; best known " + bestKnown);
        Files.createDirectories(Path.of("target"));
        Files.writeString(Path.of("target", instance.name() + ".sol"), SolutionFormat.write(assignments));
    }
}
