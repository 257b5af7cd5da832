package org.credo.scheduling;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.credo.platform.Audited;
import org.credo.platform.ChangeStamp;

/** A term was created or changed: its dates and the dates of each of its parts. */
public record TermSaved(
        ChangeStamp stamp,
        UUID termId,
        String code,
        String name,
        LocalDate startsOn,
        LocalDate endsOn,
        List<PartDates> parts,
        boolean created)
        implements Audited {

    @Override
    public String action() {
        return "term.saved";
    }

    @Override
    public String subjectType() {
        return "Term";
    }

    @Override
    public String subjectId() {
        return termId.toString();
    }

    @Override
    public String subjectName() {
        return code + " · " + name;
    }

    @Override
    public String summary() {
        return (created ? "Created" : "Changed") + " term " + code + " (" + startsOn + " to " + endsOn + ", "
                + parts.size() + " part(s))";
    }
}
