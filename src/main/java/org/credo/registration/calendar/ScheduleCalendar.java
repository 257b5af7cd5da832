package org.credo.registration.calendar;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Set;
import net.fortuna.ical4j.data.CalendarOutputter;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.TimeZoneRegistryFactory;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.property.Description;
import net.fortuna.ical4j.model.property.DtStamp;
import net.fortuna.ical4j.model.property.Location;
import net.fortuna.ical4j.model.property.Uid;
import net.fortuna.ical4j.model.property.XProperty;
import net.fortuna.ical4j.validate.ValidationException;
import org.credo.scheduling.Scheduling.SectionRecord;
import org.springframework.stereotype.Component;

/**
 * A schedule as an iCalendar file (RFC 5545), written by ical4j: one event per class meeting, on the section's days
 * between its meeting dates, holidays left out, in the organization's time zone (with its VTIMEZONE), so that a
 * class at 9:00 stays at 9:00 across a change of daylight saving time.
 */
@Component
class ScheduleCalendar {

    /** A section on someone's calendar, with the days it does not meet and the names of its rooms by id. */
    record Entry(SectionRecord section, Set<LocalDate> holidays, java.util.Map<java.util.UUID, String> rooms) {}

    String render(String calendarName, ZoneId zone, List<Entry> entries) {
        var calendar = new Calendar()
                .withProdId("-//Credo//Schedules//EN")
                .withDefaults()
                .withProperty(new XProperty("X-WR-CALNAME", calendarName))
                .withProperty(new XProperty("X-WR-TIMEZONE", zone.getId()))
                .getFluentTarget();
        var timeZone = TimeZoneRegistryFactory.getInstance().createRegistry().getTimeZone(zone.getId());
        if (timeZone != null) {
            calendar.add(timeZone.getVTimeZone());
        }
        var stamp = new DtStamp(Instant.now().atOffset(ZoneOffset.UTC).toInstant());
        for (var entry : entries) {
            var s = entry.section();
            var title = s.courseCode() + "-" + s.sectionNumber() + " " + s.courseTitle();
            int m = 0;
            for (var meeting : s.meetings()) {
                m++;
                for (var day = meeting.startsOn(); !day.isAfter(meeting.endsOn()); day = day.plusDays(1)) {
                    if (!meeting.days().contains(day.getDayOfWeek())
                            || entry.holidays().contains(day)) {
                        continue;
                    }
                    var event = new VEvent(
                            ZonedDateTime.of(day, meeting.startsAt(), zone),
                            ZonedDateTime.of(day, meeting.endsAt(), zone),
                            title);
                    event.add(new Uid(s.sectionId() + "-" + m + "-" + day + "@credo"));
                    event.add(stamp);
                    if (meeting.roomId() != null && entry.rooms().containsKey(meeting.roomId())) {
                        event.add(new Location(entry.rooms().get(meeting.roomId())));
                    }
                    event.add(new Description(
                            s.termCode() + " · " + s.deliveryMode().label() + " · "
                                    + s.credits().stripTrailingZeros().toPlainString() + " credits"));
                    calendar.add(event);
                }
            }
        }
        var out = new ByteArrayOutputStream();
        try {
            new CalendarOutputter(false).output(calendar, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (ValidationException e) {
            throw new IllegalStateException("The calendar did not validate: " + e.getMessage(), e);
        }
        return out.toString(StandardCharsets.UTF_8);
    }
}
