package org.credo.scheduling.instructor;

import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * A member of the organization with the instructor role, with the weekly times they can teach and their load limits
 * for a term (none means no limit).
 */
public record Instructor(
        UUID personId,
        String name,
        String email,
        @Nullable Integer maxSections,
        @Nullable BigDecimal maxCredits,
        List<Availability> availability) {

    /**
     * A time the instructor can teach on a day of the week; without times, the whole day is out. A day with no entry
     * is open.
     */
    public record Availability(
            DayOfWeek day,
            @Nullable LocalTime startsAt,
            @Nullable LocalTime endsAt) {

        /** Whether the entry marks the whole day as unavailable. */
        public boolean unavailable() {
            return startsAt == null || endsAt == null;
        }

        /** As the availability text writes it: 'MON 09:00-12:00' or 'FRI unavailable'. */
        public String text() {
            var d = day.name().substring(0, 3);
            return unavailable() ? d + " unavailable" : d + " " + startsAt + "-" + endsAt;
        }
    }

    /** Whether the instructor can teach on the day from {@code from} to {@code to}. */
    public boolean canTeach(DayOfWeek day, LocalTime from, LocalTime to) {
        var entries = availability.stream().filter(a -> a.day() == day).toList();
        if (entries.isEmpty()) {
            return true;
        }
        return entries.stream()
                .anyMatch(a -> !a.unavailable() && !from.isBefore(a.startsAt()) && !to.isAfter(a.endsAt()));
    }

    /** The availability as text, one entry a line, or 'any time'. */
    public String availabilityText() {
        return availability.isEmpty()
                ? "any time"
                : availability.stream().map(Availability::text).collect(Collectors.joining("; "));
    }
}
