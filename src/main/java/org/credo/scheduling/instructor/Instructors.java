package org.credo.scheduling.instructor;

import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.credo.platform.ChangeStamp;
import org.credo.platform.ProblemException;
import org.credo.scheduling.InstructorScheduleSaved;
import org.credo.scheduling.instructor.Instructor.Availability;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The organization's instructors (active members with the instructor role), their availability and load limits. */
@Service
public class Instructors {

    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;

    Instructors(JdbcClient jdbc, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.events = events;
    }

    /** Every instructor of the organization, by name. */
    @Transactional(readOnly = true)
    public List<Instructor> all(UUID organizationId) {
        var availability = new HashMap<UUID, List<Availability>>();
        jdbc.sql("SELECT person_id, day_of_week, starts_at, ends_at FROM scheduling_availability"
                        + " WHERE organization_id = ?")
                .param(organizationId)
                .query(rs -> {
                    availability
                            .computeIfAbsent(rs.getObject("person_id", UUID.class), k -> new ArrayList<>())
                            .add(new Availability(
                                    DayOfWeek.valueOf(rs.getString("day_of_week")),
                                    rs.getObject("starts_at", LocalTime.class),
                                    rs.getObject("ends_at", LocalTime.class)));
                });
        return jdbc.sql("""
                        SELECT p.id, p.display_name, p.email, i.max_sections, i.max_credits
                        FROM membership m JOIN membership_role mr ON mr.membership_id = m.id
                        JOIN person p ON p.id = m.person_id
                        LEFT JOIN scheduling_instructor i ON i.organization_id = m.organization_id AND i.person_id = p.id
                        WHERE m.organization_id = ? AND m.active = true AND mr.role = 'INSTRUCTOR'
                        ORDER BY p.display_name, p.id""")
                .param(organizationId)
                .query((rs, n) -> {
                    var id = rs.getObject("id", UUID.class);
                    var entries = new ArrayList<>(availability.getOrDefault(id, List.of()));
                    entries.sort(Comparator.comparing(Availability::day)
                            .thenComparing(a -> a.startsAt() == null ? LocalTime.MIN : a.startsAt()));
                    return new Instructor(
                            id,
                            rs.getString("display_name"),
                            rs.getString("email"),
                            (Integer) rs.getObject("max_sections"),
                            rs.getBigDecimal("max_credits"),
                            List.copyOf(entries));
                })
                .list();
    }

    /** The instructor with this person id in the organization. */
    public Optional<Instructor> byId(UUID organizationId, UUID personId) {
        return all(organizationId).stream()
                .filter(i -> i.personId().equals(personId))
                .findFirst();
    }

    /** The instructor, or 404. */
    public Instructor find(UUID organizationId, UUID personId) {
        return byId(organizationId, personId).orElseThrow(() -> ProblemException.notFound("That instructor"));
    }

    /** Replaces an instructor's weekly availability and load limits. */
    @Transactional
    public Instructor save(
            UUID organizationId,
            UUID personId,
            List<Availability> availability,
            @Nullable Integer maxSections,
            @Nullable BigDecimal maxCredits) {
        var instructor = find(organizationId, personId);
        if (maxSections != null && (maxSections < 0 || maxSections > 50)) {
            throw ProblemException.invalidField(
                    "maxSections", "give a number of sections from 0 to 50, or leave it empty.");
        }
        if (maxCredits != null && (maxCredits.signum() < 0 || maxCredits.compareTo(new BigDecimal("100")) > 0)) {
            throw ProblemException.invalidField(
                    "maxCredits", "give a number of credits from 0 to 100, or leave it empty.");
        }
        for (var a : availability) {
            if (!a.unavailable() && !a.endsAt().isAfter(a.startsAt())) {
                throw ProblemException.invalidField("availability", a.text() + ": the time must end after it starts.");
            }
        }
        jdbc.sql("DELETE FROM scheduling_instructor WHERE organization_id = ? AND person_id = ?")
                .params(organizationId, personId)
                .update();
        jdbc.sql("INSERT INTO scheduling_instructor (organization_id, person_id, max_sections, max_credits)"
                        + " VALUES (?, ?, ?, ?)")
                .params(organizationId, personId, maxSections, maxCredits)
                .update();
        jdbc.sql("DELETE FROM scheduling_availability WHERE organization_id = ? AND person_id = ?")
                .params(organizationId, personId)
                .update();
        for (var a : availability) {
            jdbc.sql("INSERT INTO scheduling_availability (id, organization_id, person_id, day_of_week, starts_at,"
                            + " ends_at) VALUES (?, ?, ?, ?, ?, ?)")
                    .params(UUID.randomUUID(), organizationId, personId, a.day().name(), a.startsAt(), a.endsAt())
                    .update();
        }
        var saved = find(organizationId, personId);
        events.publishEvent(new InstructorScheduleSaved(
                ChangeStamp.now(organizationId),
                personId,
                instructor.name(),
                maxSections,
                maxCredits,
                saved.availabilityText()));
        return saved;
    }

    /**
     * Reads availability as typed, one entry a line: 'MON 09:00-12:00' or 'FRI unavailable'; a bad line is named.
     */
    public static List<Availability> parse(@Nullable String text) {
        var entries = new ArrayList<Availability>();
        if (text == null) {
            return entries;
        }
        var lines = text.split("\\R|;");
        for (int i = 0; i < lines.length; i++) {
            var line = lines[i].trim();
            if (line.isEmpty()) {
                continue;
            }
            var parts = line.split("\\s+", 2);
            var day = day(parts[0]);
            if (day == null || parts.length < 2) {
                throw ProblemException.invalidField(
                        "availability",
                        "line " + (i + 1) + " (" + line
                                + "): write a day and times, such as MON 09:00-12:00, or FRI unavailable.");
            }
            if (parts[1].equalsIgnoreCase("unavailable")) {
                entries.add(new Availability(day, null, null));
                continue;
            }
            var times = parts[1].split("-", 2);
            try {
                entries.add(new Availability(day, LocalTime.parse(times[0].trim()), LocalTime.parse(times[1].trim())));
            } catch (DateTimeParseException | ArrayIndexOutOfBoundsException e) {
                throw ProblemException.invalidField(
                        "availability", "line " + (i + 1) + " (" + line + "): write the times as 09:00-12:00.");
            }
        }
        return entries;
    }

    /** A day of the week from its English name or first three letters, case ignored. */
    public static @Nullable DayOfWeek day(String text) {
        var t = text.trim().toUpperCase(Locale.ROOT);
        if (t.length() < 3) {
            return null;
        }
        for (var d : DayOfWeek.values()) {
            if (d.name().startsWith(t.substring(0, 3)) && d.name().startsWith(t)) {
                return d;
            }
        }
        return null;
    }
}
