package org.credo.scheduling.timetabling.run;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.credo.platform.ChangeStamp;
import org.credo.platform.CredoUser;
import org.credo.platform.PageQuery;
import org.credo.platform.PageResult;
import org.credo.platform.ProblemException;
import org.credo.platform.Timestamps;
import org.credo.scheduling.timetabling.TimetablingRunFinished;
import org.credo.scheduling.timetabling.TimetablingRunStarted;
import org.credo.scheduling.timetabling.model.Assignment;
import org.credo.scheduling.timetabling.model.CttFormatException;
import org.credo.scheduling.timetabling.model.CttParser;
import org.credo.scheduling.timetabling.model.CttWriter;
import org.credo.scheduling.timetabling.model.Instance;
import org.credo.scheduling.timetabling.model.InstanceGenerator;
import org.credo.scheduling.timetabling.model.SolutionFormat;
import org.credo.scheduling.timetabling.solver.ScoreReport;
import org.credo.scheduling.timetabling.solver.TimetableSolver;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Timetabling runs of an organization: start one on an ITC 2007 instance, follow it, stop it, explain and download
 * its timetable. One run per organization solves at a time (also across nodes, by a unique key on the running row),
 * and a node solves at most as many runs as it has solver slots.
 */
@Service
public class TimetablingRuns {

    /** The longest a run may solve. */
    public static final int MAX_SECONDS = 600;

    /** The largest instance text taken (every published ITC 2007 instance is under 100 kB). */
    public static final int MAX_CHARS = 1_000_000;

    private final RunTable runs;
    private final SolverPool pool;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transactions;

    TimetablingRuns(
            RunTable runs, SolverPool pool, ApplicationEventPublisher events, TransactionTemplate transactions) {
        this.runs = runs;
        this.pool = pool;
        this.events = events;
        this.transactions = transactions;
    }

    /**
     * Starts the solver on an instance for at most {@code timeLimitSeconds}, with {@code pinned} lectures (ITC
     * solution lines) kept where they are.
     *
     * @throws ProblemException 400 naming the field (and line) of a bad input, 409 when the organization has a run
     *     solving, 503 when this node's solver slots are all busy
     */
    public TimetablingRun start(CredoUser user, String ctt, @Nullable String pinned, int timeLimitSeconds) {
        return start(user, ctt, pinned, timeLimitSeconds, null);
    }

    /**
     * Starts the solver on an instance made from a term's sections, remembering how it maps back onto them.
     *
     * @see #start(CredoUser, String, String, int)
     */
    public TimetablingRun start(
            CredoUser user, String ctt, @Nullable String pinned, int timeLimitSeconds, @Nullable TermBinding term) {
        if (timeLimitSeconds < 1 || timeLimitSeconds > MAX_SECONDS) {
            throw ProblemException.invalidField(
                    "timeLimitSeconds", "give a time limit between 1 and " + MAX_SECONDS + " seconds");
        }
        var instance = parse(ctt);
        var pins = pins(instance, pinned);
        var problem = problem(instance, pins, term != null);
        var organizationId = user.organizationId();
        runs.failAbandoned(organizationId, Timestamps.now());
        if (runs.hasRunning(organizationId)) {
            throw alreadySolving();
        }
        if (!pool.tryReserve()) {
            throw new ProblemException(
                    HttpStatus.SERVICE_UNAVAILABLE,
                    "Solver busy",
                    "Every solver slot of this server is busy with another organization's run; try again in a few"
                            + " minutes.",
                    Map.of());
        }
        var id = UUID.randomUUID();
        var now = Timestamps.now();
        try {
            transactions.executeWithoutResult(tx -> {
                runs.insert(
                        id,
                        organizationId,
                        instance.name(),
                        ctt,
                        pins.isEmpty() ? null : SolutionFormat.write(pins),
                        instance.lectureCount(),
                        timeLimitSeconds,
                        user.personId(),
                        user.displayName(),
                        now,
                        term);
                events.publishEvent(new TimetablingRunStarted(
                        ChangeStamp.now(organizationId),
                        id,
                        instance.name(),
                        instance.lectureCount(),
                        pins.size(),
                        timeLimitSeconds));
            });
        } catch (DuplicateKeyException running) {
            pool.release();
            throw alreadySolving();
        } catch (RuntimeException e) {
            pool.release();
            throw e;
        }
        pool.solve(new SolverPool.Job(
                id,
                problem,
                Duration.ofSeconds(timeLimitSeconds),
                ending -> finished(organizationId, id, user, instance.name(), ending)));
        return get(organizationId, id);
    }

    private static ProblemException alreadySolving() {
        return new ProblemException(
                HttpStatus.CONFLICT,
                "A run is already solving",
                "Your organization already has a timetabling run solving; stop it or wait until it ends, then start"
                        + " this one.",
                Map.of());
    }

    private void finished(UUID organizationId, UUID id, CredoUser startedBy, String name, SolverPool.Ending ending) {
        transactions.executeWithoutResult(tx -> {
            runs.finish(id, ending.status(), ending.failure(), Timestamps.now());
            var stopper =
                    runs.find(organizationId, id).map(TimetablingRun::stoppedBy).orElse(null);
            var stamp = ending.status() == TimetablingRun.Status.STOPPED && stopper != null
                    ? ChangeStamp.by(organizationId, null, stopper)
                    : ChangeStamp.by(organizationId, startedBy.personId(), startedBy.displayName());
            var best = ending.best();
            events.publishEvent(new TimetablingRunFinished(
                    stamp,
                    id,
                    name,
                    ending.status().name(),
                    best == null ? null : -best.hardScore(),
                    best == null ? null : -best.mediumScore(),
                    ending.elapsedMillis()));
        });
    }

    /** A run of the caller's organization. */
    public TimetablingRun get(UUID organizationId, UUID id) {
        return runs.find(organizationId, id).orElseThrow(() -> ProblemException.notFound("Timetabling run " + id));
    }

    /** The organization's runs, newest first by default. */
    public PageResult<TimetablingRun> page(UUID organizationId, PageQuery query) {
        return runs.page(organizationId, query);
    }

    /** The sort fields of {@link #page}. */
    public static List<String> sortable() {
        return RunTable.SORTABLE;
    }

    /**
     * Asks a running run to stop; it keeps the best timetable found so far.
     *
     * @throws ProblemException 409 when the run is not running
     */
    public TimetablingRun stop(CredoUser user, UUID id) {
        var run = get(user.organizationId(), id);
        if (!runs.requestStop(user.organizationId(), id, user.displayName())) {
            throw ProblemException.conflict(
                    "Run not running",
                    "This run is " + run.status().label().toLowerCase() + "; only a running run stops.");
        }
        pool.stopHere(id);
        return get(user.organizationId(), id);
    }

    /** The run's best timetable in the ITC 2007 solution format. */
    public String solution(UUID organizationId, UUID id) {
        var input = input(organizationId, id);
        if (input.solution() == null) {
            throw ProblemException.notFound(
                    "A timetable of run " + id + " (the solver has not placed every lecture yet)");
        }
        return input.solution();
    }

    /**
     * What a term's run needs to map its timetable back onto sections: the term, the map, the instance and the best
     * timetable; 404 when the run is not a term's, 409 while it solves or when it has no timetable.
     */
    public TermSolution termSolution(UUID organizationId, UUID id) {
        var input = input(organizationId, id);
        if (input.term() == null) {
            throw ProblemException.notFound("A term of run " + id + " (it solves an uploaded instance)");
        }
        if (input.status() == TimetablingRun.Status.RUNNING) {
            throw ProblemException.conflict(
                    "Run still solving",
                    "The solver is still improving this timetable; stop it or wait until it ends.");
        }
        if (input.solution() == null) {
            throw ProblemException.conflict(
                    "No timetable", "The run ended before the solver placed every meeting; start another run.");
        }
        return new TermSolution(input.term(), input.ctt(), input.solution());
    }

    /** A finished term run's binding, instance text and best timetable in the ITC solution format. */
    public record TermSolution(TermBinding term, String ctt, String solution) {}

    /** The instance the run solves, as given. */
    public String instance(UUID organizationId, UUID id) {
        return input(organizationId, id).ctt();
    }

    /** The score of the run's best timetable explained per constraint; empty while it has none. */
    public java.util.Optional<ScoreReport> explanation(UUID organizationId, UUID id) {
        var input = input(organizationId, id);
        if (input.solution() == null) {
            return java.util.Optional.empty();
        }
        var instance = CttParser.parse(input.ctt());
        var assignments = SolutionFormat.read(input.solution(), instance);
        return java.util.Optional.of(
                TimetableSolver.explain(TimetableSolver.placed(instance, assignments, input.term() != null)));
    }

    /** A generated instance in the {@code .ctt} format. */
    public static String generate(InstanceGenerator.Settings settings) {
        return CttWriter.write(InstanceGenerator.generate(settings));
    }

    private RunTable.Input input(UUID organizationId, UUID id) {
        return runs.input(organizationId, id).orElseThrow(() -> ProblemException.notFound("Timetabling run " + id));
    }

    /** The instance in the text; 400 naming the line of the first problem. */
    static Instance parse(String ctt) {
        if (ctt.isBlank()) {
            throw ProblemException.invalidField("ctt", "give an instance in the ITC 2007 .ctt format");
        }
        if (ctt.length() > MAX_CHARS) {
            throw ProblemException.invalidField(
                    "ctt", "the instance has " + ctt.length() + " characters, more than the " + MAX_CHARS + " taken");
        }
        try {
            return CttParser.parse(ctt);
        } catch (CttFormatException e) {
            throw new ProblemException(
                    HttpStatus.BAD_REQUEST,
                    "Malformed .ctt file",
                    e.getMessage(),
                    Map.of("line", e.line(), "errors", List.of(Map.of("field", "ctt", "message", e.getMessage()))));
        }
    }

    private static List<Assignment> pins(Instance instance, @Nullable String pinned) {
        if (pinned == null || pinned.isBlank()) {
            return List.of();
        }
        try {
            return SolutionFormat.read(pinned, instance);
        } catch (CttFormatException e) {
            throw new ProblemException(
                    HttpStatus.BAD_REQUEST,
                    "Malformed pinned lectures",
                    "Pinned lectures, " + e.getMessage().substring(0, 1).toLowerCase()
                            + e.getMessage().substring(1),
                    Map.of("line", e.line(), "errors", List.of(Map.of("field", "pinned", "message", e.getMessage()))));
        }
    }

    private static org.credo.scheduling.timetabling.solver.Timetable problem(
            Instance instance, List<Assignment> pins, boolean roomsMustFit) {
        try {
            return TimetableSolver.problem(instance, pins, roomsMustFit);
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalidField("pinned", e.getMessage());
        }
    }
}
