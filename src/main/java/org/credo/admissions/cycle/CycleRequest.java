package org.credo.admissions.cycle;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * What staff set on a cycle. The intake is chosen once, when the cycle is created.
 *
 * @param name null or blank: the program's name and the intake's term
 */
public record CycleRequest(
        @Nullable UUID intakeId,
        @Nullable String name,
        @Nullable Instant opensAt,
        @Nullable Instant closesAt,
        @Nullable CycleStatus status,
        @Nullable Integer acceptanceDays,
        @Nullable BigDecimal depositAmount,
        @Nullable String depositCurrency) {}
