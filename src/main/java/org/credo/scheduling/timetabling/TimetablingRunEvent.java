package org.credo.scheduling.timetabling;

import java.util.UUID;
import org.credo.platform.Audited;

/** An audited change of a timetabling run, which names the run by its instance in the audit trail. */
public interface TimetablingRunEvent extends Audited {

    /** The run. */
    UUID runId();

    /** The name of the instance the run solves. */
    String instanceName();

    @Override
    default String subjectType() {
        return "TimetablingRun";
    }

    @Override
    default String subjectId() {
        return runId().toString();
    }

    @Override
    default String subjectName() {
        return "Timetabling run · " + instanceName();
    }
}
