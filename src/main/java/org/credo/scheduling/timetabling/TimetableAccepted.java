package org.credo.scheduling.timetabling;

import java.util.List;
import java.util.UUID;
import org.credo.platform.ChangeStamp;

/**
 * A registrar accepted a term run's timetable for some sections: their meetings were replaced by the solver's (each
 * change is also audited on the section).
 */
public record TimetableAccepted(
        ChangeStamp stamp, UUID runId, String instanceName, String termCode, List<String> sections)
        implements TimetablingRunEvent {

    public TimetableAccepted {
        sections = List.copyOf(sections);
    }

    @Override
    public String action() {
        return "timetabling.run.accepted";
    }

    @Override
    public String summary() {
        return "Accepted the solver's timetable in " + termCode + " for " + sections.size() + " section(s): "
                + String.join(", ", sections);
    }
}
