package org.credo.scheduling;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.credo.scheduling.section.Section;
import org.credo.scheduling.section.Sections;
import org.credo.scheduling.term.Term;
import org.credo.scheduling.term.Terms;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;

/**
 * The scheduling facade for later modules (registration, billing, rosters): terms by id or code with the dates of
 * their parts, whether a day is a holiday, and sections with their meetings.
 */
@Service
public class Scheduling {

    /** A term with the dates of its parts and its holidays. */
    public record TermRecord(
            UUID termId,
            String code,
            String name,
            LocalDate startsOn,
            LocalDate endsOn,
            List<PartDates> parts,
            List<LocalDate> holidays) {

        /** The dates of a part of the term, when it has that part. */
        public Optional<PartDates> part(PartOfTerm part) {
            return parts.stream().filter(p -> p.part() == part).findFirst();
        }
    }

    /** A meeting of a section: days, times, dates and room (null for none). */
    public record MeetingRecord(
            Set<java.time.DayOfWeek> days,
            LocalTime startsAt,
            LocalTime endsAt,
            LocalDate startsOn,
            LocalDate endsOn,
            @Nullable UUID roomId) {}

    /** A section as registration and billing see it. */
    public record SectionRecord(
            UUID sectionId,
            UUID termId,
            String termCode,
            PartOfTerm part,
            UUID courseId,
            String courseCode,
            String courseTitle,
            BigDecimal credits,
            String sectionNumber,
            int capacity,
            int waitlistCapacity,
            DeliveryMode deliveryMode,
            SectionStatus status,
            @Nullable UUID crossListGroup,
            @Nullable UUID linkedTo,
            List<UUID> instructorIds,
            List<MeetingRecord> meetings) {}

    private final Terms terms;
    private final Sections sections;
    private final org.credo.scheduling.room.Rooms rooms;
    private final org.credo.scheduling.instructor.Instructors instructors;
    private final RecentlyRead recent;

    Scheduling(
            Terms terms,
            Sections sections,
            org.credo.scheduling.room.Rooms rooms,
            org.credo.scheduling.instructor.Instructors instructors,
            RecentlyRead recent) {
        this.instructors = instructors;
        this.recent = recent;
        this.terms = terms;
        this.sections = sections;
        this.rooms = rooms;
    }

    /** What people call a room ('SCI 101'), when the organization has it. */
    public Optional<String> roomName(UUID organizationId, UUID roomId) {
        return rooms.byId(organizationId, roomId).map(org.credo.scheduling.room.Room::name);
    }

    /** The term with this id in the organization. */
    public Optional<TermRecord> term(UUID organizationId, UUID termId) {
        return terms.byId(organizationId, termId).map(Scheduling::record);
    }

    /** The term with this code (such as SP27) in the organization. */
    public Optional<TermRecord> term(UUID organizationId, String code) {
        return terms.byCode(organizationId, code).map(Scheduling::record);
    }

    /** The term running on the day, or else the next to start. */
    public Optional<TermRecord> currentTerm(UUID organizationId, LocalDate day) {
        return terms.current(organizationId, day).map(Scheduling::record);
    }

    /** The dates of a part of a term. */
    public Optional<PartDates> part(UUID organizationId, UUID termId, PartOfTerm part) {
        return recent.term(organizationId, termId, () -> terms.byId(organizationId, termId))
                .flatMap(t -> t.part(part));
    }

    /** Whether the day is a holiday of the term (no class meets). */
    public boolean isHoliday(UUID organizationId, UUID termId, LocalDate day) {
        return terms.byId(organizationId, termId).map(t -> t.isHoliday(day)).orElse(false);
    }

    /**
     * The section with this id in the organization. Kept for up to two seconds (ADR 0057): a change on this node
     * forgets it at once; another node's change is seen within two seconds. Seats are never decided from it:
     * registration's seat row is read under its lock.
     */
    public Optional<SectionRecord> section(UUID organizationId, UUID sectionId) {
        return recent.section(
                organizationId,
                sectionId,
                () -> sections.byId(organizationId, sectionId).map(Scheduling::record));
    }

    /** Every section of a term, cancelled ones included. */
    public List<SectionRecord> sections(UUID organizationId, UUID termId) {
        return sections.ofTerm(organizationId, termId).stream()
                .map(Scheduling::record)
                .toList();
    }

    /** The names of the organization's instructors, by person id. */
    public java.util.Map<UUID, String> instructorNames(UUID organizationId) {
        var names = new java.util.HashMap<UUID, String>();
        instructors.all(organizationId).forEach(i -> names.put(i.personId(), i.name()));
        return names;
    }

    /** Seats of a section kept for a program (reference: its code) or a cohort (its name). */
    public record ReservationRecord(String kind, String reference, int seats) {}

    /** The section's reserved seats, by kind and reference; empty when none are reserved or no such section. */
    public List<ReservationRecord> reservations(UUID organizationId, UUID sectionId) {
        return sections.byId(organizationId, sectionId)
                .map(s -> s.reservedSeats().stream()
                        .map(r -> new ReservationRecord(r.kind(), r.reference(), r.seats()))
                        .toList())
                .orElse(List.of());
    }

    /** Every section the person teaches, in every term. */
    public List<SectionRecord> taughtBy(UUID organizationId, UUID personId) {
        return sections.taughtBy(organizationId, personId).stream()
                .map(Scheduling::record)
                .toList();
    }

    private static TermRecord record(Term t) {
        return new TermRecord(
                t.id(),
                t.code(),
                t.name(),
                t.startsOn(),
                t.endsOn(),
                t.parts(),
                t.holidays().stream().map(Term.Holiday::day).toList());
    }

    private static SectionRecord record(Section s) {
        return new SectionRecord(
                s.id(),
                s.termId(),
                s.termCode(),
                s.part(),
                s.courseId(),
                s.courseCode(),
                s.courseTitle(),
                s.credits(),
                s.number(),
                s.capacity(),
                s.waitlistCapacity(),
                s.deliveryMode(),
                s.status(),
                s.crossListGroup(),
                s.linkedTo(),
                s.instructorIds(),
                s.meetings().stream()
                        .map(m -> new MeetingRecord(
                                m.days(), m.startsAt(), m.endsAt(), m.startsOn(), m.endsOn(), m.roomId()))
                        .toList());
    }
}
