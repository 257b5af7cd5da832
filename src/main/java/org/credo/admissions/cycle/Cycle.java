package org.credo.admissions.cycle;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** An admission cycle: the window in which a program intake takes applications. */
public record Cycle(
        UUID id,
        UUID organizationId,
        UUID programId,
        String programCode,
        String programName,
        UUID intakeId,
        String name,
        LocalDate startsOn,
        Instant opensAt,
        Instant closesAt,
        CycleStatus status,
        int acceptanceDays,
        @Nullable BigDecimal depositAmount,
        @Nullable String depositCurrency,
        Instant updatedAt) {

    /** Whether an applicant may start or submit an application at this instant. */
    public boolean takesApplicationsAt(Instant now) {
        return status == CycleStatus.OPEN && !now.isBefore(opensAt) && now.isBefore(closesAt);
    }

    /** Why an applicant may not apply at this instant, or null when they may. */
    public @Nullable String refusalAt(Instant now) {
        if (status == CycleStatus.DRAFT) {
            return name + " is not open for applications yet.";
        }
        if (status == CycleStatus.CLOSED || !now.isBefore(closesAt)) {
            return "The deadline of " + name + " has passed; applications are no longer taken.";
        }
        if (now.isBefore(opensAt)) {
            return name + " opens for applications later.";
        }
        return null;
    }
}
