package org.credo.scheduling.timetabling.term;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.OptionalInt;
import java.util.stream.Collectors;

/**
 * The weekly periods a term is timetabled on: these days, each with {@code slots} time slots of {@code slotMinutes}
 * from {@code firstStart}; a class placed in a slot meets from the slot's start for {@code classMinutes} (the rest of
 * the slot is the time to change rooms). By default Monday to Friday, 08:00 to 20:00 in eight slots of 90 minutes,
 * classes of 75 minutes.
 */
public record SlotGrid(List<DayOfWeek> days, LocalTime firstStart, int slotMinutes, int classMinutes, int slots) {

    /** Monday to Friday, eight 90-minute slots from 08:00, classes of 75 minutes. */
    public static final SlotGrid DEFAULT = new SlotGrid(
            List.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY, DayOfWeek.FRIDAY),
            LocalTime.of(8, 0),
            90,
            75,
            8);

    public SlotGrid {
        days = List.copyOf(days);
        if (days.isEmpty() || days.size() > 7 || days.stream().distinct().count() != days.size()) {
            throw new IllegalArgumentException("the slot grid needs one to seven distinct days, found " + days);
        }
        if (slots < 1 || slots > 24 || slotMinutes < 10 || classMinutes < 5 || classMinutes > slotMinutes) {
            throw new IllegalArgumentException("the slot grid needs 1 to 24 slots of at least 10 minutes, each class"
                    + " no longer than its slot; found " + slots + " slots of " + slotMinutes + " minutes, classes of "
                    + classMinutes);
        }
        if (firstStart.toSecondOfDay() / 60 + (long) slots * slotMinutes > 24 * 60) {
            throw new IllegalArgumentException("the slot grid runs past midnight");
        }
    }

    /** The time slot {@code slot} (from 0) starts. */
    public LocalTime start(int slot) {
        return firstStart.plusMinutes((long) slot * slotMinutes);
    }

    /** The time a class placed in slot {@code slot} ends. */
    public LocalTime end(int slot) {
        return start(slot).plusMinutes(classMinutes);
    }

    /** The slot a class starting at {@code time} falls in, if any. */
    public OptionalInt slotOf(LocalTime time) {
        for (int s = 0; s < slots; s++) {
            if (!time.isBefore(start(s)) && time.isBefore(start(s).plusMinutes(slotMinutes))) {
                return OptionalInt.of(s);
            }
        }
        return OptionalInt.empty();
    }

    /** The slots a class from {@code from} to {@code to} overlaps, in order; empty when it is outside the grid. */
    public java.util.List<Integer> slotsCovering(LocalTime from, LocalTime to) {
        var covered = new java.util.ArrayList<Integer>();
        for (int s = 0; s < slots; s++) {
            if (from.isBefore(start(s).plusMinutes(slotMinutes)) && start(s).isBefore(to)) {
                covered.add(s);
            }
        }
        return covered;
    }

    /** The grid as people read it: 'Mon–Fri, 8 slots of 90 min from 08:00 (classes of 75 min)'. */
    public String description() {
        var names = days.stream()
                .map(d -> d.name().charAt(0) + d.name().substring(1, 3).toLowerCase(Locale.ROOT))
                .collect(Collectors.joining(" "));
        return names + ", " + slots + " slots of " + slotMinutes + " min from " + firstStart + " (classes of "
                + classMinutes + " min)";
    }

    /** The grid in one line of the term map. */
    String text() {
        return days.stream().map(Enum::name).collect(Collectors.joining(",")) + " " + firstStart + " " + slotMinutes
                + " " + classMinutes + " " + slots;
    }

    /** A grid written by {@link #text()}. */
    static SlotGrid parse(String text) {
        var t = text.trim().split("\\s+");
        return new SlotGrid(
                Arrays.stream(t[0].split(",")).map(DayOfWeek::valueOf).toList(),
                LocalTime.parse(t[1]),
                Integer.parseInt(t[2]),
                Integer.parseInt(t[3]),
                Integer.parseInt(t[4]));
    }
}
