package org.credo.scheduling.timetabling.run;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A solver run as people see it: the instance, who started it, its state, the best score found so far (hard
 * violations and soft penalty, as the competition counts them) and how the score went down over time.
 *
 * @param termId the term whose sections the run timetables, or null for an uploaded or generated instance
 */
public record TimetablingRun(
        UUID id,
        String name,
        int lectures,
        int timeLimitSeconds,
        Status status,
        boolean stopRequested,
        @Nullable String stoppedBy,
        @Nullable Integer hard,
        @Nullable Integer soft,
        @Nullable Long firstFeasibleMillis,
        List<ScorePoint> history,
        boolean hasSolution,
        @Nullable String failure,
        String startedBy,
        Instant startedAt,
        @Nullable Instant finishedAt,
        @Nullable UUID termId) {

    /** Where a run is. */
    public enum Status {
        RUNNING("Running", "text-bg-primary"),
        FINISHED("Finished", "text-bg-success"),
        STOPPED("Stopped", "text-bg-secondary"),
        FAILED("Failed", "text-bg-danger");

        private final String label;
        private final String badge;

        Status(String label, String badge) {
            this.label = label;
            this.badge = badge;
        }

        public String label() {
            return label;
        }

        /** The Bootstrap badge class of the state. */
        public String badge() {
            return badge;
        }
    }

    /** The best score when it was found, {@code millis} after the solver started. */
    public record ScorePoint(long millis, int hard, int soft) {}

    public boolean running() {
        return status == Status.RUNNING;
    }

    /** Milliseconds the run has taken (so far, while it runs). */
    public long elapsedMillis() {
        var end = finishedAt == null ? Instant.now() : finishedAt;
        return Math.max(0, end.toEpochMilli() - startedAt.toEpochMilli());
    }
}
