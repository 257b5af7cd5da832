package org.credo.scheduling.section;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.credo.scheduling.SectionStatus;
import org.credo.scheduling.instructor.Instructor;
import org.credo.scheduling.instructor.Instructors;
import org.credo.scheduling.room.Room;
import org.credo.scheduling.room.Rooms;
import org.credo.scheduling.section.Conflict.Kind;
import org.credo.scheduling.term.Term;
import org.credo.scheduling.term.Terms;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Finds the conflicts of a term's schedule (ADR 0042): every pair of meetings of sections that are not cancelled is
 * compared for a shared room, a shared instructor or a lecture and its lab at the same moment; each meeting is checked
 * against its room's seats, its part of term, the holidays and its instructors' availability; each instructor's
 * sections and credits against their limits. Nothing is stored: the report is computed when asked for.
 */
@Service
public class Conflicts {

    private final Sections sections;
    private final Terms terms;
    private final Rooms rooms;
    private final Instructors instructors;

    Conflicts(Sections sections, Terms terms, Rooms rooms, Instructors instructors) {
        this.sections = sections;
        this.terms = terms;
        this.rooms = rooms;
        this.instructors = instructors;
    }

    /** Every conflict in the term, section by section. */
    @Transactional(readOnly = true)
    public List<Conflict> ofTerm(UUID organizationId, UUID termId) {
        var term = terms.find(organizationId, termId);
        return find(organizationId, term, sections.ofTerm(organizationId, termId));
    }

    /** The conflicts that concern one section. */
    @Transactional(readOnly = true)
    public List<Conflict> ofSection(UUID organizationId, UUID sectionId) {
        var section = sections.find(organizationId, sectionId);
        return ofTerm(organizationId, section.termId()).stream()
                .filter(c -> c.sectionId().equals(sectionId))
                .toList();
    }

    /**
     * The conflicts a meeting would bring if it were added to the section (or replaced {@code replacing}), before it is
     * saved: what the registrar sees while typing.
     */
    @Transactional(readOnly = true)
    public List<Conflict> preview(
            UUID organizationId, UUID sectionId, Meeting meeting, @org.jspecify.annotations.Nullable UUID replacing) {
        var section = sections.find(organizationId, sectionId);
        var term = terms.find(organizationId, section.termId());
        var all = new ArrayList<Section>();
        for (var s : sections.ofTerm(organizationId, term.id())) {
            if (!s.id().equals(sectionId)) {
                all.add(s);
                continue;
            }
            var meetings = new ArrayList<>(
                    s.meetings().stream().filter(m -> !m.id().equals(replacing)).toList());
            meetings.add(meeting);
            all.add(withMeetings(s, meetings));
        }
        return find(organizationId, term, all).stream()
                .filter(c -> meeting.id().equals(c.meetingId())
                        || c.kind() == Kind.INSTRUCTOR_OVER_LOAD && c.concerns(sectionId))
                .toList();
    }

    private List<Conflict> find(UUID organizationId, Term term, List<Section> all) {
        var active =
                all.stream().filter(s -> s.status() != SectionStatus.CANCELLED).toList();
        var roomById = new HashMap<UUID, Room>();
        rooms.all(organizationId).forEach(r -> roomById.put(r.id(), r));
        var instructorById = new HashMap<UUID, Instructor>();
        instructors.all(organizationId).forEach(i -> instructorById.put(i.personId(), i));
        var conflicts = new ArrayList<Conflict>();
        var seatsOfGroup = new HashMap<UUID, Integer>();
        for (var s : active) {
            if (s.crossListGroup() != null) {
                seatsOfGroup.merge(s.crossListGroup(), s.capacity(), Integer::sum);
            }
        }
        for (var s : active) {
            for (var m : s.meetings()) {
                single(term, s, m, roomById, instructorById, seatsOfGroup, conflicts);
            }
        }
        for (int i = 0; i < active.size(); i++) {
            for (int j = i + 1; j < active.size(); j++) {
                pair(active.get(i), active.get(j), roomById, instructorById, conflicts);
            }
        }
        load(active, instructorById, conflicts);
        return conflicts;
    }

    private static void single(
            Term term,
            Section s,
            Meeting m,
            Map<UUID, Room> roomById,
            Map<UUID, Instructor> instructorById,
            Map<UUID, Integer> seatsOfGroup,
            List<Conflict> out) {
        var part = term.part(s.part()).orElse(null);
        if (part != null
                && (m.startsOn().isBefore(part.classesStart()) || m.endsOn().isAfter(part.classesEnd()))) {
            out.add(new Conflict(
                    Kind.OUTSIDE_PART_OF_TERM,
                    s.id(),
                    s.label(),
                    m.id(),
                    null,
                    null,
                    s.label() + " meets " + m.startsOn() + " to " + m.endsOn() + ", outside "
                            + s.part().label().toLowerCase(java.util.Locale.ROOT) + " (" + part.classesStart() + " to "
                            + part.classesEnd()
                            + ")."));
        }
        if (onlyHolidays(term, m)) {
            out.add(new Conflict(
                    Kind.HOLIDAYS_ONLY,
                    s.id(),
                    s.label(),
                    m.id(),
                    null,
                    null,
                    s.label() + " " + m.when() + " never meets between " + m.startsOn() + " and " + m.endsOn()
                            + ": every such day is a holiday, or none falls in those dates."));
        }
        var room = m.roomId() == null ? null : roomById.get(m.roomId());
        if (room != null) {
            int seats = s.crossListGroup() == null ? s.capacity() : seatsOfGroup.get(s.crossListGroup());
            if (room.capacity() < seats) {
                out.add(new Conflict(
                        Kind.ROOM_TOO_SMALL,
                        s.id(),
                        s.label(),
                        m.id(),
                        null,
                        null,
                        room.name() + " has " + room.capacity() + " seats; " + s.label() + " needs " + seats
                                + (s.crossListGroup() == null ? "." : " with its cross-listed sections.")));
            }
        }
        for (var person : s.instructorIds()) {
            var instructor = instructorById.get(person);
            if (instructor == null) {
                continue;
            }
            for (var day : m.days()) {
                if (!instructor.canTeach(day, m.startsAt(), m.endsAt())) {
                    out.add(new Conflict(
                            Kind.INSTRUCTOR_UNAVAILABLE,
                            s.id(),
                            s.label(),
                            m.id(),
                            null,
                            null,
                            instructor.name() + " is not available "
                                    + day.name().charAt(0)
                                    + day.name().substring(1).toLowerCase(java.util.Locale.ROOT) + " " + m.startsAt()
                                    + "–" + m.endsAt() + " (" + instructor.availabilityText() + ")."));
                    break;
                }
            }
        }
    }

    private static void pair(
            Section a, Section b, Map<UUID, Room> roomById, Map<UUID, Instructor> instructorById, List<Conflict> out) {
        boolean crossListed = a.crossListGroup() != null && a.crossListGroup().equals(b.crossListGroup());
        boolean linked = a.id().equals(b.linkedTo()) || b.id().equals(a.linkedTo());
        var shared =
                a.instructorIds().stream().filter(b.instructorIds()::contains).toList();
        for (var ma : a.meetings()) {
            for (var mb : b.meetings()) {
                if (!ma.overlaps(mb)) {
                    continue;
                }
                var when = ma.when() + " and " + b.label() + " " + mb.when();
                if (!crossListed && ma.roomId() != null && ma.roomId().equals(mb.roomId())) {
                    var room = roomById.get(ma.roomId());
                    both(
                            out,
                            Kind.ROOM_DOUBLE_BOOKED,
                            a,
                            ma,
                            b,
                            mb,
                            (room == null ? "The room" : room.name()) + " is booked twice: " + a.label() + " " + when
                                    + ".");
                }
                if (!crossListed) {
                    for (var person : shared) {
                        var name = instructorById.containsKey(person)
                                ? instructorById.get(person).name()
                                : "An instructor";
                        both(
                                out,
                                Kind.INSTRUCTOR_DOUBLE_BOOKED,
                                a,
                                ma,
                                b,
                                mb,
                                name + " teaches two sections at once: " + a.label() + " " + when + ".");
                    }
                }
                if (linked) {
                    both(
                            out,
                            Kind.LINKED_SECTIONS_OVERLAP,
                            a,
                            ma,
                            b,
                            mb,
                            "Linked sections meet at the same time: " + a.label() + " " + when
                                    + "; learners take both.");
                }
            }
        }
    }

    private static void both(
            List<Conflict> out, Kind kind, Section a, Meeting ma, Section b, Meeting mb, String message) {
        out.add(new Conflict(kind, a.id(), a.label(), ma.id(), b.id(), b.label(), message));
        out.add(new Conflict(kind, b.id(), b.label(), mb.id(), a.id(), a.label(), message));
    }

    private static void load(List<Section> active, Map<UUID, Instructor> instructorById, List<Conflict> out) {
        // A cross-listed group is one class: it counts once toward a load, with its largest credits.
        var load = new LinkedHashMap<UUID, Map<Object, Section>>();
        for (var s : active) {
            for (var person : s.instructorIds()) {
                var key = s.crossListGroup() == null ? s.id() : s.crossListGroup();
                load.computeIfAbsent(person, k -> new LinkedHashMap<>())
                        .merge(key, s, (x, y) -> x.credits().compareTo(y.credits()) >= 0 ? x : y);
            }
        }
        load.forEach((person, taught) -> {
            var instructor = instructorById.get(person);
            if (instructor == null) {
                return;
            }
            int count = taught.size();
            var credits = taught.values().stream().map(Section::credits).reduce(BigDecimal.ZERO, BigDecimal::add);
            boolean overSections = instructor.maxSections() != null && count > instructor.maxSections();
            boolean overCredits = instructor.maxCredits() != null && credits.compareTo(instructor.maxCredits()) > 0;
            if (!overSections && !overCredits) {
                return;
            }
            var message = instructor.name() + " teaches " + count + " section(s), "
                    + credits.stripTrailingZeros().toPlainString()
                    + " credits this term; the limit is "
                    + (instructor.maxSections() == null ? "any number of" : instructor.maxSections())
                    + " section(s) and "
                    + (instructor.maxCredits() == null
                            ? "any"
                            : instructor.maxCredits().stripTrailingZeros().toPlainString())
                    + " credits.";
            for (var s : active) {
                if (s.instructorIds().contains(person)) {
                    out.add(new Conflict(Kind.INSTRUCTOR_OVER_LOAD, s.id(), s.label(), null, null, null, message));
                }
            }
        });
    }

    /** Whether the meeting never meets: each day of its pattern in its dates is a holiday, or there is none. */
    private static boolean onlyHolidays(Term term, Meeting m) {
        for (LocalDate d = m.startsOn(); !d.isAfter(m.endsOn()); d = d.plusDays(1)) {
            if (m.days().contains(d.getDayOfWeek()) && !term.isHoliday(d)) {
                return false;
            }
        }
        return true;
    }

    private static Section withMeetings(Section s, List<Meeting> meetings) {
        return new Section(
                s.id(),
                s.termId(),
                s.termCode(),
                s.part(),
                s.courseId(),
                s.courseCode(),
                s.courseTitle(),
                s.courseVersion(),
                s.credits(),
                s.number(),
                s.capacity(),
                s.waitlistCapacity(),
                s.deliveryMode(),
                s.status(),
                s.crossListGroup(),
                s.linkedTo(),
                s.instructorIds(),
                List.copyOf(meetings),
                s.reservedSeats(),
                s.pinned());
    }

    /** Counts conflicts by kind, for the report's summary. */
    public static Map<Kind, Long> count(List<Conflict> conflicts) {
        var counts = new LinkedHashMap<Kind, Long>();
        for (var k : Kind.values()) {
            long n = conflicts.stream()
                    .filter(c -> c.kind() == k)
                    .map(Conflict::sectionId)
                    .filter(Objects::nonNull)
                    .count();
            if (n > 0) {
                counts.put(k, n);
            }
        }
        return counts;
    }
}
