package org.credo.registration.web;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.credo.registration.enrollment.EnrollmentStatus;
import org.credo.registration.enrollment.Schedules;

/** A learner's week: for each day with classes, the meetings of their enrolled sections in time order. */
record Week(Map<DayOfWeek, List<Slot>> days) {

    /** One meeting on a day. */
    record Slot(LocalTime startsAt, LocalTime endsAt, String section, String title) {}

    static Week of(Schedules.Schedule schedule) {
        var days = new EnumMap<DayOfWeek, List<Slot>>(DayOfWeek.class);
        for (var line : schedule.lines()) {
            if (line.enrollment().status() != EnrollmentStatus.ENROLLED) {
                continue;
            }
            var s = line.section();
            for (var m : s.meetings()) {
                for (var day : m.days()) {
                    days.computeIfAbsent(day, d -> new ArrayList<>())
                            .add(new Slot(
                                    m.startsAt(),
                                    m.endsAt(),
                                    s.courseCode() + "-" + s.sectionNumber(),
                                    s.courseTitle()));
                }
            }
        }
        days.values().forEach(list -> list.sort(Comparator.comparing(Slot::startsAt)));
        return new Week(days);
    }
}
