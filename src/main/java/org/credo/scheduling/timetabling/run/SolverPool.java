package org.credo.scheduling.timetabling.run;

import ai.timefold.solver.core.api.score.buildin.hardmediumsoft.HardMediumSoftScore;
import ai.timefold.solver.core.api.solver.Solver;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.credo.platform.Timestamps;
import org.credo.scheduling.timetabling.model.SolutionFormat;
import org.credo.scheduling.timetabling.run.TimetablingRun.ScorePoint;
import org.credo.scheduling.timetabling.run.TimetablingRun.Status;
import org.credo.scheduling.timetabling.solver.Timetable;
import org.credo.scheduling.timetabling.solver.TimetableSolver;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The solver threads of this node: a fixed number of slots (one by default, the machine has few cores), each solving
 * one run at a time. Once a second each live run writes its best score, score history and timetable to its row, and
 * reads whether someone (on any node) asked it to stop.
 */
@Component
class SolverPool implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(SolverPool.class);

    /** The least time between two points of the score history, so a long run keeps a short history. */
    private static final long HISTORY_STEP_MILLIS = 250;

    /** What to solve and for whom. */
    record Job(UUID runId, Timetable problem, Duration limit, Consumer<Ending> onEnd) {}

    /** How a run ended. */
    record Ending(
            Status status,
            @Nullable HardMediumSoftScore best,
            long elapsedMillis,
            @Nullable String failure) {}

    private final RunTable runs;
    private final Semaphore slots;
    private final ThreadPoolExecutor solvers;
    private final ScheduledExecutorService ticker;
    private final Map<UUID, Live> live = new ConcurrentHashMap<>();

    SolverPool(RunTable runs, @Value("${credo.timetabling.solver-threads:1}") int threads) {
        this.runs = runs;
        this.slots = new Semaphore(threads);
        this.solvers = new ThreadPoolExecutor(
                threads, threads, 0, TimeUnit.MILLISECONDS, new LinkedBlockingQueue<>(), runnable -> {
                    var thread = new Thread(runnable, "credo-timetabling-solver");
                    thread.setDaemon(true);
                    thread.setPriority(Thread.NORM_PRIORITY - 1);
                    return thread;
                });
        this.ticker = Executors.newSingleThreadScheduledExecutor(runnable -> {
            var thread = new Thread(runnable, "credo-timetabling-progress");
            thread.setDaemon(true);
            return thread;
        });
        ticker.scheduleWithFixedDelay(this::tick, 1, 1, TimeUnit.SECONDS);
    }

    /** Takes a solver slot of this node, if one is free. */
    boolean tryReserve() {
        return slots.tryAcquire();
    }

    /** Gives back a slot taken with {@link #tryReserve()} that was not used. */
    void release() {
        slots.release();
    }

    /** Solves a job in a reserved slot. */
    void solve(Job job) {
        var run = new Live(job.runId(), TimetableSolver.solver(job.limit()));
        live.put(job.runId(), run);
        solvers.execute(() -> {
            Ending ending;
            try {
                var solved = run.solver.solve(job.problem());
                run.offer(solved, run.elapsed(), true);
                run.flush(runs);
                var status = run.stopRequested ? Status.STOPPED : Status.FINISHED;
                ending = new Ending(status, run.bestScore(), run.elapsed(), null);
            } catch (RuntimeException e) {
                log.warn("Timetabling run {} failed", job.runId(), e);
                ending = new Ending(Status.FAILED, null, run.elapsed(), "The solver failed: " + e.getMessage());
            } finally {
                live.remove(job.runId());
                slots.release();
            }
            try {
                job.onEnd().accept(ending);
            } catch (RuntimeException e) {
                log.error("Timetabling run {} could not be recorded as ended", job.runId(), e);
            }
        });
    }

    /** Stops a run at once when this node solves it (the row's stop flag reaches other nodes within a second). */
    void stopHere(UUID runId) {
        var run = live.get(runId);
        if (run != null) {
            run.stopRequested = true;
            run.solver.terminateEarly();
        }
    }

    private void tick() {
        for (var run : live.values()) {
            try {
                run.flush(runs);
                if (!run.stopRequested && runs.stopRequested(run.id)) {
                    run.stopRequested = true;
                }
                if (run.stopRequested) {
                    // again on every tick: a stop that came before the solver started would be forgotten by it
                    run.solver.terminateEarly();
                }
            } catch (RuntimeException e) {
                log.warn("Progress of timetabling run {} was not written", run.id, e);
            }
        }
    }

    @Override
    public void destroy() {
        live.values().forEach(run -> {
            run.stopRequested = true;
            run.solver.terminateEarly();
        });
        ticker.shutdownNow();
        solvers.shutdown();
        try {
            solvers.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** A run being solved on this node, with its best timetable so far. */
    private static final class Live {

        final UUID id;
        final Solver<Timetable> solver;
        final long started = System.nanoTime();
        volatile boolean stopRequested;

        private @Nullable Timetable best;
        private @Nullable HardMediumSoftScore bestScore;
        private @Nullable HardMediumSoftScore written;
        private @Nullable Long firstFeasible;
        private final List<ScorePoint> history = new ArrayList<>();
        private @Nullable ScorePoint pending;

        Live(UUID id, Solver<Timetable> solver) {
            this.id = id;
            this.solver = solver;
            solver.addEventListener(event -> {
                if (event.isNewBestSolutionInitialized()) {
                    offer(event.getNewBestSolution(), event.getTimeMillisSpent(), false);
                }
            });
        }

        synchronized @Nullable HardMediumSoftScore bestScore() {
            return bestScore;
        }

        long elapsed() {
            return (System.nanoTime() - started) / 1_000_000;
        }

        synchronized void offer(Timetable solution, long millis, boolean last) {
            var score = solution.getScore();
            if (score == null || !TimetableSolver.complete(solution)) {
                // stopped before every lecture was placed: no timetable to offer
                return;
            }
            best = solution;
            bestScore = score;
            if (firstFeasible == null && score.hardScore() == 0) {
                firstFeasible = millis;
            }
            var point = new ScorePoint(millis, -score.hardScore(), -score.mediumScore());
            var previous = history.isEmpty() ? null : history.get(history.size() - 1);
            if (previous != null && previous.hard() == point.hard() && previous.soft() == point.soft()) {
                return;
            }
            boolean feasibleNow = previous != null && previous.hard() > 0 && point.hard() == 0;
            if (last || previous == null || feasibleNow || millis - previous.millis() >= HISTORY_STEP_MILLIS) {
                history.add(point);
                pending = null;
            } else {
                pending = point;
            }
        }

        /** Writes the best so far (the timetable only when it changed) and the heartbeat. */
        void flush(RunTable runs) {
            String solution = null;
            Integer hard = null;
            Integer soft = null;
            String points;
            Long feasible;
            synchronized (this) {
                if (pending != null) {
                    history.add(pending);
                    pending = null;
                }
                if (bestScore != null && best != null) {
                    hard = -bestScore.hardScore();
                    soft = -bestScore.mediumScore();
                    if (!bestScore.equals(written)) {
                        solution = SolutionFormat.write(TimetableSolver.assignments(best));
                        written = bestScore;
                    }
                }
                feasible = firstFeasible;
                points = RunTable.history(history);
            }
            runs.progress(id, hard, soft, feasible, points, solution, Timestamps.now());
        }
    }
}
