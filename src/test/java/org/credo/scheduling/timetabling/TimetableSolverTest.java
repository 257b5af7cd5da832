package org.credo.scheduling.timetabling;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.credo.scheduling.timetabling.model.Assignment;
import org.credo.scheduling.timetabling.model.CttParser;
import org.credo.scheduling.timetabling.model.Instance;
import org.credo.scheduling.timetabling.model.InstanceGenerator;
import org.credo.scheduling.timetabling.model.ItcScorer;
import org.credo.scheduling.timetabling.model.SolutionFormat;
import org.credo.scheduling.timetabling.solver.TimetableConstraints;
import org.credo.scheduling.timetabling.solver.TimetableSolver;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The Timefold model against the independent ITC 2007 scorer, solving, pins and the score explanation. */
class TimetableSolverTest {

    /** Every lecture placed at random: a timetable with every kind of violation. */
    static List<Assignment> random(Instance instance, long seed) {
        var random = new Random(seed);
        var assignments = new ArrayList<Assignment>();
        for (var course : instance.courses()) {
            for (int i = 0; i < course.lectures(); i++) {
                var room = instance.rooms().get(random.nextInt(instance.rooms().size()));
                assignments.add(new Assignment(
                        course.id(),
                        room.id(),
                        random.nextInt(instance.days()),
                        random.nextInt(instance.periodsPerDay())));
            }
        }
        return assignments;
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5})
    void solverScoreAgreesWithTheItcScorerOnGeneratedInstances(long seed) {
        // few periods and rooms, so that clashes, doubled lectures and full rooms all occur
        var instance = InstanceGenerator.generate(new InstanceGenerator.Settings(30, 4, 8, 10, 3, 4, seed));
        var assignments = random(instance, seed);

        var itc = ItcScorer.score(instance, assignments);
        var timefold = TimetableSolver.score(TimetableSolver.placed(instance, assignments));

        assertThat(itc.hard()).isPositive();
        assertThat(itc.conflicts()).isPositive();
        assertThat(itc.curriculumCompactness()).isPositive();
        assertThat(-timefold.hardScore()).isEqualTo(itc.hard());
        assertThat(-timefold.mediumScore()).isEqualTo(itc.soft());
    }

    @Test
    void solvesASmallInstanceToZeroHardViolationsInAFewSeconds() throws IOException {
        var instance = InstanceGenerator.generate(new InstanceGenerator.Settings(40, 8, 12, 12, 5, 6, 11));
        var solver = TimetableSolver.solver(Duration.ofSeconds(3));

        var solved = solver.solve(TimetableSolver.problem(instance, List.of()));
        var assignments = TimetableSolver.assignments(solved);

        assertThat(assignments).hasSize(instance.lectureCount());
        var itc = ItcScorer.score(instance, assignments);
        assertThat(itc.hard()).isZero();
        assertThat(-solved.getScore().mediumScore()).isEqualTo(itc.soft());
        // the written solution reads back to the same score
        var reread = SolutionFormat.read(SolutionFormat.write(assignments), instance);
        assertThat(ItcScorer.score(instance, reread)).isEqualTo(itc);
    }

    @Test
    void pinnedLecturesStayWhereTheRegistrarPutThem() throws IOException {
        var instance = CttParser.parse(CttFormatTest.toy());
        // two lectures of TecCos pinned in the small room on the same day, which costs room capacity and a day
        var pinned = List.of(new Assignment("TecCos", "rA", 0, 0), new Assignment("TecCos", "rA", 0, 1));

        var solved = TimetableSolver.solver(Duration.ofSeconds(2)).solve(TimetableSolver.problem(instance, pinned));
        var assignments = TimetableSolver.assignments(solved);

        assertThat(assignments).containsAll(pinned);
        assertThat(assignments.stream().filter(a -> a.course().equals("TecCos")))
                .hasSize(5);
        assertThat(ItcScorer.score(instance, assignments).hard()).isZero();
    }

    @Test
    void explainsTheScorePerConstraintWithTheWorstCases() throws IOException {
        var instance = CttParser.parse(CttFormatTest.toy());
        // all of TecCos in one small room on day 2, two of them in periods it is unavailable
        var assignments = List.of(
                new Assignment("TecCos", "rA", 2, 0),
                new Assignment("TecCos", "rA", 2, 1),
                new Assignment("TecCos", "rA", 2, 2),
                new Assignment("TecCos", "rA", 2, 3),
                new Assignment("TecCos", "rC", 2, 3));

        var report = TimetableSolver.explain(TimetableSolver.placed(instance, assignments));

        // only the placed lectures count: one doubled lecture, two unavailable periods
        assertThat(report.hard()).isEqualTo(3);
        var unavailable = report.constraint(TimetableConstraints.UNAVAILABLE);
        assertThat(unavailable.matches()).isEqualTo(2);
        assertThat(unavailable.worst())
                .extracting(m -> m.description())
                .contains("TecCos on day 2 period 0, when it may not");
        var capacity = report.constraint(TimetableConstraints.ROOM_CAPACITY);
        assertThat(capacity.penalty()).isEqualTo(4 * (40 - 32));
        assertThat(report.constraint(TimetableConstraints.MIN_WORKING_DAYS).penalty())
                .isEqualTo(5 * 3);
        assertThat(report.constraint(TimetableConstraints.LECTURES).penalty()).isEqualTo(1);
        assertThat(report.constraint(TimetableConstraints.ROOM_STABILITY).penalty())
                .isEqualTo(1);
    }
}
