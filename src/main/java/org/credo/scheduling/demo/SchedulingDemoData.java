package org.credo.scheduling.demo;

import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.credo.platform.Organizations;
import org.credo.platform.config.CredoProperties;
import org.credo.scheduling.DeliveryMode;
import org.credo.scheduling.PartOfTerm;
import org.credo.scheduling.SectionStatus;
import org.credo.scheduling.instructor.Instructor;
import org.credo.scheduling.instructor.Instructors;
import org.credo.scheduling.room.Room;
import org.credo.scheduling.room.Rooms;
import org.credo.scheduling.section.MeetingDraft;
import org.credo.scheduling.section.Meetings;
import org.credo.scheduling.section.Section;
import org.credo.scheduling.section.SectionDraft;
import org.credo.scheduling.section.Sections;
import org.credo.scheduling.term.Term;
import org.credo.scheduling.term.TermDraft;
import org.credo.scheduling.term.TermDraft.PartDraft;
import org.credo.scheduling.term.Terms;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * In demo mode, gives Northfield College a past term (Fall 2026) and the current one (Spring 2027) with holidays,
 * two buildings with four rooms, availability and limits for its two instructors (instructor@northfield.test and the
 * invited Nina Newcomer), and sections of the catalog's courses: a lecture with its lab, a nearly full section, an
 * online one, and a planned section booked into a room already taken, for the registrar's work queue.
 */
@Component
@Order(40)
class SchedulingDemoData implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(SchedulingDemoData.class);
    private static final Set<DayOfWeek> MW = EnumSet.of(DayOfWeek.MONDAY, DayOfWeek.WEDNESDAY);
    private static final Set<DayOfWeek> TR = EnumSet.of(DayOfWeek.TUESDAY, DayOfWeek.THURSDAY);

    private final CredoProperties properties;
    private final Organizations organizations;
    private final Terms terms;
    private final Rooms rooms;
    private final Instructors instructors;
    private final Sections sections;
    private final Meetings meetings;

    SchedulingDemoData(
            CredoProperties properties,
            Organizations organizations,
            Terms terms,
            Rooms rooms,
            Instructors instructors,
            Sections sections,
            Meetings meetings) {
        this.properties = properties;
        this.organizations = organizations;
        this.terms = terms;
        this.rooms = rooms;
        this.instructors = instructors;
        this.sections = sections;
        this.meetings = meetings;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        var northfield = organizations.findBySlug("northfield");
        if (!properties.demo() || northfield.isEmpty()) {
            return;
        }
        var org = northfield.get().id();
        if (!terms.all(org).isEmpty()) {
            return;
        }
        var fall = term(org, "FA26", "Fall 2026", LocalDate.of(2026, 8, 17), LocalDate.of(2026, 12, 4));
        terms.addHoliday(org, fall.id(), LocalDate.of(2026, 11, 26), "Thanksgiving");
        terms.addHoliday(org, fall.id(), LocalDate.of(2026, 11, 27), "Thanksgiving recess");
        var spring = term(org, "SP27", "Spring 2027", LocalDate.of(2027, 1, 11), LocalDate.of(2027, 5, 14));
        terms.addHoliday(org, spring.id(), LocalDate.of(2027, 1, 18), "Martin Luther King Jr. Day");
        for (int d = 15; d <= 19; d++) {
            terms.addHoliday(org, spring.id(), LocalDate.of(2027, 3, d), "Spring break");
        }

        var science = rooms.saveBuilding(org, null, "SCI", "Science Hall");
        var library = rooms.saveBuilding(org, null, "LIB", "Library Commons");
        var sci101 = rooms.save(org, null, science.id(), "101", 40, List.of("projector", "whiteboard"), true, true);
        var sci110 = rooms.save(org, null, science.id(), "110", 24, List.of("computers", "lab"), true, true);
        var sci220 =
                rooms.save(org, null, science.id(), "220", 80, List.of("projector", "video-conferencing"), true, true);
        var lib201 = rooms.save(org, null, library.id(), "201", 16, List.of("projector"), false, true);

        var ines = instructor(org, "instructor@northfield.test");
        var nina = instructor(org, "new.instructor@northfield.test");
        if (ines != null) {
            instructors.save(org, ines, Instructors.parse("FRI unavailable"), 4, new BigDecimal("12"));
        }
        if (nina != null) {
            instructors.save(
                    org,
                    nina,
                    Instructors.parse(
                            "MON 12:00-18:00\nTUE 12:00-20:00\nWED 12:00-18:00\nTHU 12:00-20:00\nFRI 09:00-12:00"),
                    3,
                    new BigDecimal("12"));
        }

        // Fall 2026, past: two sections, closed.
        var fallData = section(org, fall, "DATA 101", "01", 30, 10, DeliveryMode.IN_PERSON, ines, null);
        meet(org, fallData, MW, "09:00", "10:15", sci101);
        var fallMath = section(org, fall, "MATH 120", "01", 35, 5, DeliveryMode.IN_PERSON, ines, null);
        meet(org, fallMath, TR, "10:30", "11:45", sci101);
        sections.changeStatus(org, fallData.id(), SectionStatus.OPEN, null);
        sections.changeStatus(org, fallData.id(), SectionStatus.CLOSED, null);
        sections.changeStatus(org, fallMath.id(), SectionStatus.OPEN, null);
        sections.changeStatus(org, fallMath.id(), SectionStatus.CLOSED, null);

        // Spring 2027, current.
        var data101 = section(org, spring, "DATA 101", "01", 30, 10, DeliveryMode.IN_PERSON, ines, null);
        meet(org, data101, MW, "09:00", "10:15", sci101);
        meetings.reserve(org, data101.id(), "PROGRAM", "CERT-DA", 5);
        var data101online = section(org, spring, "DATA 101", "02", 40, 10, DeliveryMode.ONLINE, nina, null);
        meet(org, data101online, TR, "18:00", "19:15", null);
        var math120 = section(org, spring, "MATH 120", "01", 35, 5, DeliveryMode.IN_PERSON, ines, null);
        meet(org, math120, TR, "10:30", "11:45", sci101);
        var cs101 = section(org, spring, "CS 101", "01", 60, 10, DeliveryMode.IN_PERSON, nina, null);
        meet(org, cs101, MW, "13:00", "14:15", sci220);
        var cs101lab = section(org, spring, "CS 101", "L1", 24, 0, DeliveryMode.IN_PERSON, nina, cs101.id());
        meet(org, cs101lab, EnumSet.of(DayOfWeek.FRIDAY), "09:00", "10:50", sci110);
        // The lab's room is shared with another department on Friday mornings: the solver keeps it there.
        sections.pin(org, cs101lab.id(), true);
        // Small on purpose: two seats, so that registration's demo fills it and starts a waitlist.
        var data201 = section(org, spring, "DATA 201", "01", 2, 5, DeliveryMode.HYBRID, ines, null);
        meet(org, data201, TR, "14:00", "15:15", lib201);
        for (var s : List.of(data101, data101online, math120, cs101, cs101lab, data201)) {
            sections.changeStatus(org, s.id(), SectionStatus.OPEN, null);
        }
        // Planned, and booked into SCI 101 while DATA 101-01 meets there: the registrar's queue has a conflict.
        var data220 = section(org, spring, "DATA 220", "01", 30, 5, DeliveryMode.IN_PERSON, null, null);
        meet(org, data220, MW, "09:30", "10:45", sci101);
        log.info("Demo scheduling seeded for Northfield: terms FA26 and SP27, 4 rooms, 9 sections");
    }

    private Term term(UUID org, String code, String name, LocalDate start, LocalDate end) {
        var mid = start.plusDays((end.toEpochDay() - start.toEpochDay()) / 2);
        var classesEnd = end.minusDays(7);
        return terms.save(
                org,
                null,
                new TermDraft(
                        code,
                        name,
                        start,
                        end,
                        List.of(
                                part(PartOfTerm.FULL, start, classesEnd, end),
                                part(PartOfTerm.FIRST_HALF, start, mid.minusDays(3), end),
                                part(PartOfTerm.SECOND_HALF, mid.plusDays(4), classesEnd, end))));
    }

    private static PartDraft part(PartOfTerm part, LocalDate from, LocalDate to, LocalDate termEnd) {
        long days = to.toEpochDay() - from.toEpochDay();
        return new PartDraft(
                part,
                from,
                to,
                from.plusDays(Math.min(7, days / 8)),
                from.plusDays(Math.min(14, days / 6)),
                from.plusDays(days * 2 / 3),
                from.plusDays(Math.min(21, days / 5)),
                termEnd.isBefore(to.plusDays(5)) ? termEnd : to.plusDays(5));
    }

    private @Nullable UUID instructor(UUID org, String email) {
        return instructors.all(org).stream()
                .filter(i -> i.email().equalsIgnoreCase(email))
                .map(Instructor::personId)
                .findFirst()
                .orElse(null);
    }

    private Section section(
            UUID org,
            Term term,
            String course,
            String number,
            int capacity,
            int waitlist,
            DeliveryMode mode,
            @Nullable UUID instructor,
            @Nullable UUID linkedTo) {
        return sections.create(
                org,
                term.id(),
                new SectionDraft(
                        course,
                        PartOfTerm.FULL,
                        number,
                        capacity,
                        waitlist,
                        mode,
                        instructor == null ? List.of() : List.of(instructor),
                        null,
                        linkedTo));
    }

    private void meet(UUID org, Section section, Set<DayOfWeek> days, String from, String to, @Nullable Room room) {
        meetings.add(
                org,
                section.id(),
                new MeetingDraft(
                        days, LocalTime.parse(from), LocalTime.parse(to), null, null, room == null ? null : room.id()));
    }
}
