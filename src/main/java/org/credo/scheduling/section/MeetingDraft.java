package org.credo.scheduling.section;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A meeting as typed; without dates it runs through the section's part of term. */
public record MeetingDraft(
        Set<DayOfWeek> days,
        @Nullable LocalTime startsAt,
        @Nullable LocalTime endsAt,
        @Nullable LocalDate startsOn,
        @Nullable LocalDate endsOn,
        @Nullable UUID roomId) {

    public MeetingDraft {
        days = days == null ? Set.of() : Set.copyOf(days);
    }
}
