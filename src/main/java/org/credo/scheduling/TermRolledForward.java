package org.credo.scheduling;

import java.util.List;
import java.util.UUID;
import org.credo.platform.Audited;
import org.credo.platform.ChangeStamp;

/** The sections of an earlier term were copied into a term as planned sections. */
public record TermRolledForward(
        ChangeStamp stamp,
        UUID fromTermId,
        String fromCode,
        UUID toTermId,
        String toCode,
        int copied,
        List<String> notCopied)
        implements Audited {

    @Override
    public String action() {
        return "term.rolled-forward";
    }

    @Override
    public String subjectType() {
        return "Term";
    }

    @Override
    public String subjectId() {
        return toTermId.toString();
    }

    @Override
    public String subjectName() {
        return toCode;
    }

    @Override
    public String summary() {
        return "Rolled " + copied + " section(s) forward from " + fromCode + " to " + toCode
                + (notCopied.isEmpty() ? "" : "; not copied: " + String.join("; ", notCopied));
    }
}
