package org.credo.billing.fees;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A term's fees for one learner category from a day on: tuition per credit hour with an optional flat-rate plateau
 * (every load from plateauFrom to plateauTo credits costs plateauAmount; credits above it cost per credit again), fees
 * per course, the refund scale after the drop date, and how tuition is rounded.
 */
public record FeeSchedule(
        UUID id,
        UUID termId,
        String category,
        LocalDate effectiveFrom,
        BigDecimal perCredit,
        @Nullable BigDecimal plateauFrom,
        @Nullable BigDecimal plateauTo,
        @Nullable BigDecimal plateauAmount,
        Rounding rounding,
        String currency,
        List<CourseFee> courseFees,
        List<RefundStep> refundSteps) {

    /** How tuition is rounded: half up to the cent, or half up to a whole unit. */
    public enum Rounding {
        CENT,
        WHOLE
    }

    /** A fee charged for each registration in a course. */
    public record CourseFee(String courseCode, String label, BigDecimal amount) {}

    /** A drop up to {@code daysAfterDrop} days after the drop date refunds {@code percent} of what it saves. */
    public record RefundStep(int daysAfterDrop, int percent) {}

    /** The category that applies to every learner without a schedule of their own category. */
    public static final String ALL = "ALL";

    /** Tuition for a credit load. */
    public BigDecimal tuition(BigDecimal credits) {
        if (credits.signum() <= 0) {
            return BigDecimal.ZERO.setScale(2);
        }
        BigDecimal raw;
        if (plateauFrom != null && plateauTo != null && plateauAmount != null && credits.compareTo(plateauFrom) >= 0) {
            raw = credits.compareTo(plateauTo) <= 0
                    ? plateauAmount
                    : plateauAmount.add(credits.subtract(plateauTo).multiply(perCredit));
        } else {
            raw = credits.multiply(perCredit);
        }
        return round(raw);
    }

    /** The fee for a registration in the course, if the schedule has one. */
    public Optional<CourseFee> courseFee(String courseCode) {
        return courseFees.stream()
                .filter(f -> f.courseCode().equalsIgnoreCase(courseCode))
                .findFirst();
    }

    /**
     * The percent of a charge refunded for a drop on {@code day}: 100 up to the drop date, then the scale's first step
     * that covers the days since, and 0 after the last step.
     */
    public int refundPercent(LocalDate lastDrop, LocalDate day) {
        if (!day.isAfter(lastDrop)) {
            return 100;
        }
        long days = java.time.temporal.ChronoUnit.DAYS.between(lastDrop, day);
        return refundSteps.stream()
                .sorted(java.util.Comparator.comparingInt(RefundStep::daysAfterDrop))
                .filter(s -> s.daysAfterDrop() >= days)
                .map(RefundStep::percent)
                .findFirst()
                .orElse(0);
    }

    BigDecimal round(BigDecimal raw) {
        return rounding == Rounding.WHOLE
                ? raw.setScale(0, RoundingMode.HALF_UP).setScale(2)
                : raw.setScale(2, RoundingMode.HALF_UP);
    }
}
