package org.credo.scheduling.timetabling;

import java.util.UUID;
import org.credo.platform.ChangeStamp;
import org.jspecify.annotations.Nullable;

/**
 * A timetabling run ended: its time limit was reached ({@code FINISHED}), a person stopped it ({@code STOPPED}) or
 * it failed ({@code FAILED}); with its best score (hard violations and soft penalty) when it found a timetable.
 */
public record TimetablingRunFinished(
        ChangeStamp stamp,
        UUID runId,
        String instanceName,
        String status,
        @Nullable Integer hardViolations,
        @Nullable Integer softPenalty,
        long elapsedMillis)
        implements TimetablingRunEvent {

    @Override
    public String action() {
        return "timetabling.run.finished";
    }

    @Override
    public String summary() {
        var outcome = hardViolations == null
                ? "without a timetable"
                : "with " + hardViolations + " hard violations and soft penalty " + softPenalty;
        return "Timetabling run on " + instanceName + " " + status.toLowerCase() + " after " + (elapsedMillis / 1000)
                + " s " + outcome;
    }
}
