package org.credo.catalog;

import java.time.LocalDate;
import java.util.UUID;
import org.credo.platform.Audited;
import org.credo.platform.ChangeStamp;

/** A start of a program was taken off its public page. */
public record ProgramIntakeRemoved(
        ChangeStamp stamp, UUID intakeId, UUID programId, String programCode, String termName, LocalDate startsOn)
        implements Audited {

    @Override
    public String action() {
        return "catalog.intake.removed";
    }

    @Override
    public String subjectType() {
        return "ProgramIntake";
    }

    @Override
    public String subjectId() {
        return intakeId.toString();
    }

    @Override
    public String summary() {
        return "Removed the " + startsOn + " start (" + termName + ") of " + programCode;
    }

    @Override
    public String subjectName() {
        return programCode + " starting " + startsOn;
    }
}
