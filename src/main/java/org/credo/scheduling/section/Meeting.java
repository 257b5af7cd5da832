package org.credo.scheduling.section;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/** A meeting pattern of a section: on these days of the week, at these times, between these dates, in a room. */
public record Meeting(
        UUID id,
        Set<DayOfWeek> days,
        LocalTime startsAt,
        LocalTime endsAt,
        LocalDate startsOn,
        LocalDate endsOn,
        @Nullable UUID roomId) {

    /** The days as people read them: 'Mon Wed'. */
    public String daysText() {
        return days.stream()
                .sorted()
                .map(d -> d.name().charAt(0) + d.name().substring(1, 3).toLowerCase(java.util.Locale.ROOT))
                .collect(Collectors.joining(" "));
    }

    /** 'Mon Wed 09:00–10:15'. */
    public String when() {
        return daysText() + " " + startsAt + "–" + endsAt;
    }

    /** Whether the two patterns ever meet at the same moment: a shared day, overlapping times, on a shared date. */
    public boolean overlaps(Meeting other) {
        if (!startsAt.isBefore(other.endsAt) || !other.startsAt.isBefore(endsAt)) {
            return false;
        }
        var from = startsOn.isAfter(other.startsOn) ? startsOn : other.startsOn;
        var to = endsOn.isBefore(other.endsOn) ? endsOn : other.endsOn;
        for (var d = from; !d.isAfter(to) && !d.isAfter(from.plusDays(6)); d = d.plusDays(1)) {
            if (days.contains(d.getDayOfWeek()) && other.days.contains(d.getDayOfWeek())) {
                return true;
            }
        }
        return false;
    }

    /** Stored form of the days: 'MONDAY,WEDNESDAY'. */
    public static String store(Set<DayOfWeek> days) {
        return days.stream().sorted().map(Enum::name).collect(Collectors.joining(","));
    }

    static Set<DayOfWeek> read(String text) {
        var set = EnumSet.noneOf(DayOfWeek.class);
        Arrays.stream(text.split(",")).filter(s -> !s.isBlank()).forEach(s -> set.add(DayOfWeek.valueOf(s.trim())));
        return set;
    }
}
