package org.credo.scheduling.timetabling;

import java.util.UUID;
import org.credo.platform.ChangeStamp;

/** A registrar started the timetabling solver on an instance, with a time limit. */
public record TimetablingRunStarted(
        ChangeStamp stamp, UUID runId, String instanceName, int lectures, int pinned, int timeLimitSeconds)
        implements TimetablingRunEvent {

    @Override
    public String action() {
        return "timetabling.run.started";
    }

    @Override
    public String summary() {
        return "Started the timetabling solver on " + instanceName + " (" + lectures + " lectures, " + pinned
                + " pinned) for at most " + timeLimitSeconds + " s";
    }
}
