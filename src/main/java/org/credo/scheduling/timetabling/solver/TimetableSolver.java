package org.credo.scheduling.timetabling.solver;

import ai.timefold.solver.core.api.score.analysis.ConstraintAnalysis;
import ai.timefold.solver.core.api.score.analysis.MatchAnalysis;
import ai.timefold.solver.core.api.score.buildin.hardmediumsoft.HardMediumSoftScore;
import ai.timefold.solver.core.api.solver.ScoreAnalysisFetchPolicy;
import ai.timefold.solver.core.api.solver.SolutionManager;
import ai.timefold.solver.core.api.solver.Solver;
import ai.timefold.solver.core.api.solver.SolverConfigOverride;
import ai.timefold.solver.core.api.solver.SolverFactory;
import ai.timefold.solver.core.config.constructionheuristic.ConstructionHeuristicPhaseConfig;
import ai.timefold.solver.core.config.constructionheuristic.ConstructionHeuristicType;
import ai.timefold.solver.core.config.localsearch.LocalSearchPhaseConfig;
import ai.timefold.solver.core.config.localsearch.decider.acceptor.AcceptorType;
import ai.timefold.solver.core.config.localsearch.decider.acceptor.LocalSearchAcceptorConfig;
import ai.timefold.solver.core.config.localsearch.decider.forager.LocalSearchForagerConfig;
import ai.timefold.solver.core.config.solver.EnvironmentMode;
import ai.timefold.solver.core.config.solver.SolverConfig;
import ai.timefold.solver.core.config.solver.termination.TerminationConfig;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import org.credo.scheduling.timetabling.model.Assignment;
import org.credo.scheduling.timetabling.model.Course;
import org.credo.scheduling.timetabling.model.Instance;
import org.credo.scheduling.timetabling.model.Room;

/**
 * Turns an {@link Instance} into the solver's {@link Timetable} and back, builds Timefold solvers with a time limit,
 * and explains a timetable's score per constraint. A first-fit-decreasing construction (each lecture, hardest first,
 * where it costs least), then simulated annealing over Timefold's default moves (changes and swaps of period and
 * room).
 */
public final class TimetableSolver {

    /** How many of a term's last slots of the day Credo's preference would rather leave empty. */
    static final int LATE_SLOTS = 2;

    /** How many of the worst cases a score explanation lists per constraint. */
    public static final int WORST = 5;

    private static final SolverFactory<Timetable> FACTORY = SolverFactory.create(new SolverConfig()
            .withSolutionClass(Timetable.class)
            .withEntityClasses(Lecture.class)
            .withConstraintProviderClass(TimetableConstraints.class)
            .withEnvironmentMode(EnvironmentMode.NO_ASSERT)
            // the hardest lectures (most meetings, most students) are placed first, each where it costs least
            .withPhases(
                    new ConstructionHeuristicPhaseConfig()
                            .withConstructionHeuristicType(ConstructionHeuristicType.FIRST_FIT_DECREASING),
                    localSearch())
            .withTerminationConfig(new TerminationConfig().withSpentLimit(Duration.ofSeconds(10))));

    /**
     * Simulated annealing that never accepts a new hard violation and starts by accepting soft losses of a few points
     * (one isolated lecture costs 2, one day below the minimum 5); on the 400-section term it ended at half the soft
     * penalty of Timefold's default late acceptance in the same minute (bench/timetabling/README.md).
     */
    private static LocalSearchPhaseConfig localSearch() {
        var acceptor = new LocalSearchAcceptorConfig();
        acceptor.setAcceptorTypeList(List.of(AcceptorType.SIMULATED_ANNEALING));
        acceptor.setSimulatedAnnealingStartingTemperature("0hard/4medium/0soft");
        var forager = new LocalSearchForagerConfig();
        forager.setAcceptedCountLimit(1);
        var phase = new LocalSearchPhaseConfig();
        phase.setAcceptorConfig(acceptor);
        phase.setForagerConfig(forager);
        return phase;
    }

    private static final SolutionManager<Timetable, HardMediumSoftScore> SCORES = SolutionManager.create(FACTORY);

    private TimetableSolver() {}

    /** A solver that stops after {@code limit} (or earlier when told to terminate). */
    public static Solver<Timetable> solver(Duration limit) {
        return FACTORY.buildSolver(new SolverConfigOverride<Timetable>()
                .withTerminationConfig(new TerminationConfig().withSpentLimit(limit)));
    }

    /**
     * The problem of placing every lecture of the instance, with the {@code pinned} assignments fixed: the first
     * lectures of a course take its pinned assignments in order.
     *
     * @throws IllegalArgumentException when a course has more pinned assignments than lectures
     */
    public static Timetable problem(Instance instance, List<Assignment> pinned) {
        var periods = new ArrayList<Period>();
        for (int d = 0; d < instance.days(); d++) {
            for (int p = 0; p < instance.periodsPerDay(); p++) {
                periods.add(new Period(d, p));
            }
        }
        var rooms = instance.roomsById();
        var pins = new HashMap<String, ArrayDeque<Assignment>>();
        pinned.forEach(
                a -> pins.computeIfAbsent(a.course(), k -> new ArrayDeque<>()).add(a));
        var lectures = new ArrayList<Lecture>();
        for (var course : instance.courses()) {
            var own = pins.getOrDefault(course.id(), new ArrayDeque<>());
            if (own.size() > course.lectures()) {
                throw new IllegalArgumentException(own.size() + " lectures of " + course.id()
                        + " are pinned, but it has only " + course.lectures());
            }
            for (int i = 0; i < course.lectures(); i++) {
                var pin = own.poll();
                lectures.add(
                        pin == null
                                ? new Lecture(course.id() + "#" + i, course, false, null, null)
                                : new Lecture(
                                        course.id() + "#" + i,
                                        course,
                                        true,
                                        new Period(pin.day(), pin.period()),
                                        rooms.get(pin.room())));
            }
        }
        var byId = instance.coursesById();
        var curriculumCourses = new ArrayList<CurriculumCourse>();
        instance.curricula()
                .forEach(q ->
                        q.courses().forEach(c -> curriculumCourses.add(new CurriculumCourse(q.id(), byId.get(c)))));
        var conflicts = new ArrayList<CourseConflict>();
        instance.conflicts()
                .forEach((a, others) -> others.stream()
                        .filter(b -> a.compareTo(b) < 0)
                        .sorted()
                        .forEach(b -> {
                            Course left = byId.get(a);
                            Course right = byId.get(b);
                            conflicts.add(new CourseConflict(
                                    left, right, left.teacher().equals(right.teacher())));
                        }));
        conflicts.sort(Comparator.comparing((CourseConflict c) -> c.left().id())
                .thenComparing(c -> c.right().id()));
        return new Timetable(
                instance.name(),
                instance.periodsPerDay(),
                periods,
                instance.rooms(),
                instance.courses(),
                curriculumCourses,
                conflicts,
                instance.unavailability(),
                lectures);
    }

    /**
     * The problem of a term's sections: as {@link #problem(Instance, List)}, and when {@code roomsMustFit}, each
     * course that some room can seat must be in a room that seats all its students (a hard constraint), and the
     * day's last two slots are Credo's late periods (third score level).
     */
    public static Timetable problem(Instance instance, List<Assignment> pinned, boolean roomsMustFit) {
        var timetable = problem(instance, pinned);
        if (roomsMustFit) {
            // Credo's preference for a term: the last two slots of the day (17:00 and 18:30 on the default grid)
            timetable.setLatePeriods(java.util.stream.IntStream.range(
                            Math.max(1, instance.periodsPerDay() - LATE_SLOTS), instance.periodsPerDay())
                    .mapToObj(LatePeriod::new)
                    .toList());
            int largest =
                    instance.rooms().stream().mapToInt(Room::capacity).max().orElse(0);
            timetable.setRoomsMustFit(instance.courses().stream()
                    .filter(c -> c.students() <= largest)
                    .map(RoomMustFit::new)
                    .toList());
        }
        return timetable;
    }

    /** The placed lectures of a timetable as ITC assignments. */
    public static List<Assignment> assignments(Timetable timetable) {
        var assignments = new ArrayList<Assignment>();
        for (var lecture : timetable.getLectures()) {
            Period period = lecture.getPeriod();
            Room room = lecture.getRoom();
            if (period != null && room != null) {
                assignments.add(new Assignment(lecture.getCourse().id(), room.id(), period.day(), period.timeslot()));
            }
        }
        return assignments;
    }

    /** Whether every lecture of the timetable has a period and a room. */
    public static boolean complete(Timetable timetable) {
        return timetable.getLectures().stream().allMatch(l -> l.getPeriod() != null && l.getRoom() != null);
    }

    /** A timetable of the instance with every lecture where the assignments put it, for scoring and explaining. */
    public static Timetable placed(Instance instance, List<Assignment> assignments) {
        return problem(instance, assignments);
    }

    /** As {@link #placed(Instance, List)}, with the rooms of a term's sections that must seat them. */
    public static Timetable placed(Instance instance, List<Assignment> assignments, boolean roomsMustFit) {
        return problem(instance, assignments, roomsMustFit);
    }

    /** The solver's score of a timetable. */
    public static HardMediumSoftScore score(Timetable timetable) {
        return SCORES.update(timetable);
    }

    /** The score of a timetable explained per constraint, the worst cases first. */
    public static ScoreReport explain(Timetable timetable) {
        var analysis = SCORES.analyze(timetable, ScoreAnalysisFetchPolicy.FETCH_ALL);
        var constraints = new ArrayList<ScoreReport.ConstraintReport>();
        for (ConstraintAnalysis<HardMediumSoftScore> c : analysis.constraintAnalyses()) {
            if (c.constraintName().equals(TimetableConstraints.ROOM_TOO_SMALL)
                            && timetable.getRoomsMustFit().isEmpty()
                    || c.constraintName().equals(TimetableConstraints.LATE_PERIOD)
                            && timetable.getLatePeriods().isEmpty()) {
                // a constraint of term runs only: an ITC instance is explained with the competition's constraints
                continue;
            }
            boolean hard = c.weight().hardScore() != 0;
            int weight = Math.abs(hard ? c.weight().hardScore() : soft(c.weight()));
            int penalty = Math.abs(hard ? c.score().hardScore() : soft(c.score()));
            List<MatchAnalysis<HardMediumSoftScore>> matches = c.matches() == null ? List.of() : c.matches();
            var worst = matches.stream()
                    .sorted(Comparator.comparingInt((MatchAnalysis<HardMediumSoftScore> m) ->
                            hard ? m.score().hardScore() : soft(m.score())))
                    .limit(WORST)
                    .map(m -> new ScoreReport.MatchReport(
                            m.justification() instanceof Finding f
                                    ? f.description()
                                    : String.valueOf(m.justification()),
                            Math.abs(hard ? m.score().hardScore() : soft(m.score()))))
                    .toList();
            constraints.add(
                    new ScoreReport.ConstraintReport(c.constraintName(), hard, weight, c.matchCount(), penalty, worst));
        }
        constraints.sort(Comparator.comparing((ScoreReport.ConstraintReport c) -> !c.hard())
                .thenComparing(c -> -c.penalty())
                .thenComparing(ScoreReport.ConstraintReport::name));
        var score = analysis.score();
        return new ScoreReport(-score.hardScore(), -score.mediumScore(), constraints);
    }

    /** A score's soft part as people read it: the ITC penalty (medium level), or Credo's preference (soft level). */
    private static int soft(HardMediumSoftScore score) {
        return score.mediumScore() != 0 ? score.mediumScore() : score.softScore();
    }
}
