package org.credo.billing.fees;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A fee schedule as a bursar enters it. */
public record FeeScheduleDraft(
        UUID termId,
        @Nullable String category,
        @Nullable LocalDate effectiveFrom,
        @Nullable BigDecimal perCredit,
        @Nullable BigDecimal plateauFrom,
        @Nullable BigDecimal plateauTo,
        @Nullable BigDecimal plateauAmount,
        FeeSchedule.@Nullable Rounding rounding,
        List<FeeSchedule.CourseFee> courseFees,
        List<FeeSchedule.RefundStep> refundSteps) {}
