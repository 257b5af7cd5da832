package org.credo.catalog;

import java.time.LocalDate;
import java.util.UUID;
import org.credo.platform.Audited;
import org.credo.platform.ChangeStamp;

/** A new version of a program was published, in the catalog from its effective date. */
public record ProgramVersionPublished(
        ChangeStamp stamp, UUID programId, String code, int version, LocalDate effectiveFrom, boolean retired)
        implements Audited {

    @Override
    public String action() {
        return "catalog.program.published";
    }

    @Override
    public String subjectType() {
        return "Program";
    }

    @Override
    public String subjectId() {
        return programId.toString();
    }

    @Override
    public String summary() {
        return (retired ? "Retired " : "Published ") + code + " version " + version + " effective " + effectiveFrom;
    }

    @Override
    public String subjectName() {
        return code;
    }
}
