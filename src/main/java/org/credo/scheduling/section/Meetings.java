package org.credo.scheduling.section;

import java.util.Locale;
import java.util.UUID;
import org.credo.platform.ChangeStamp;
import org.credo.platform.ProblemException;
import org.credo.scheduling.SectionMeetingsChanged;
import org.credo.scheduling.room.Rooms;
import org.credo.scheduling.term.Terms;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The meetings and reserved seats of a section. A meeting that ends before it starts, or a date range that runs
 * backwards, is refused; conflicts with other sections are allowed and reported by {@link Conflicts}.
 */
@Service
public class Meetings {

    private final JdbcClient jdbc;
    private final Sections sections;
    private final Terms terms;
    private final Rooms rooms;
    private final ApplicationEventPublisher events;

    Meetings(JdbcClient jdbc, Sections sections, Terms terms, Rooms rooms, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.sections = sections;
        this.terms = terms;
        this.rooms = rooms;
        this.events = events;
    }

    /** Checks a meeting as typed and fills in its dates from the section's part of term when none are given. */
    public Meeting check(UUID organizationId, Section section, MeetingDraft draft) {
        if (draft.days().isEmpty()) {
            throw ProblemException.invalidField("days", "choose at least one day of the week.");
        }
        if (draft.startsAt() == null) {
            throw ProblemException.invalidField("startsAt", "give the time the meeting starts.");
        }
        if (draft.endsAt() == null) {
            throw ProblemException.invalidField("endsAt", "give the time the meeting ends.");
        }
        if (!draft.endsAt().isAfter(draft.startsAt())) {
            throw ProblemException.invalidField(
                    "endsAt", "the meeting must end after it starts (" + draft.startsAt() + ").");
        }
        var term = terms.find(organizationId, section.termId());
        var part = term.part(section.part()).orElseThrow();
        var from = draft.startsOn() == null ? part.classesStart() : draft.startsOn();
        var to = draft.endsOn() == null ? part.classesEnd() : draft.endsOn();
        if (to.isBefore(from)) {
            throw ProblemException.invalidField(
                    "endsOn", "the last date must be on or after the first (" + from + ").");
        }
        if (draft.roomId() != null) {
            rooms.byId(organizationId, draft.roomId())
                    .orElseThrow(
                            () -> ProblemException.invalidField("roomId", "choose one of the organization's rooms."));
        }
        return new Meeting(UUID.randomUUID(), draft.days(), draft.startsAt(), draft.endsAt(), from, to, draft.roomId());
    }

    /** Adds a meeting to a section. */
    @Transactional
    public Meeting add(UUID organizationId, UUID sectionId, MeetingDraft draft) {
        var section = sections.editable(organizationId, sectionId);
        var m = check(organizationId, section, draft);
        jdbc.sql("INSERT INTO scheduling_meeting (id, section_id, organization_id, days, starts_at, ends_at, starts_on,"
                        + " ends_on, room_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(
                        m.id(),
                        sectionId,
                        organizationId,
                        Meeting.store(m.days()),
                        m.startsAt(),
                        m.endsAt(),
                        m.startsOn(),
                        m.endsOn(),
                        m.roomId())
                .update();
        changed(organizationId, section, "scheduled " + describe(organizationId, m));
        return m;
    }

    /** Changes a meeting of a section. */
    @Transactional
    public Meeting update(UUID organizationId, UUID sectionId, UUID meetingId, MeetingDraft draft) {
        var section = sections.editable(organizationId, sectionId);
        meeting(section, meetingId);
        var m = check(organizationId, section, draft);
        jdbc.sql("UPDATE scheduling_meeting SET days = ?, starts_at = ?, ends_at = ?, starts_on = ?, ends_on = ?,"
                        + " room_id = ? WHERE id = ? AND section_id = ? AND organization_id = ?")
                .params(
                        Meeting.store(m.days()),
                        m.startsAt(),
                        m.endsAt(),
                        m.startsOn(),
                        m.endsOn(),
                        m.roomId(),
                        meetingId,
                        sectionId,
                        organizationId)
                .update();
        changed(organizationId, section, "moved a meeting to " + describe(organizationId, m));
        return new Meeting(meetingId, m.days(), m.startsAt(), m.endsAt(), m.startsOn(), m.endsOn(), m.roomId());
    }

    /** Takes a meeting off a section. */
    @Transactional
    public void remove(UUID organizationId, UUID sectionId, UUID meetingId) {
        var section = sections.editable(organizationId, sectionId);
        var m = meeting(section, meetingId);
        jdbc.sql("DELETE FROM scheduling_meeting WHERE id = ? AND section_id = ? AND organization_id = ?")
                .params(meetingId, sectionId, organizationId)
                .update();
        changed(organizationId, section, "removed the meeting " + describe(organizationId, m));
    }

    /** Keeps seats of a section for learners of a program or a cohort. */
    @Transactional
    public Section reserve(
            UUID organizationId,
            UUID sectionId,
            @Nullable String kind,
            @Nullable String reference,
            @Nullable Integer seats) {
        var section = sections.editable(organizationId, sectionId);
        var k = kind == null ? "" : kind.trim().toUpperCase(Locale.ROOT);
        if (!k.equals("PROGRAM") && !k.equals("COHORT")) {
            throw ProblemException.invalidField("kind", "choose a program or a cohort.");
        }
        var ref = reference == null ? "" : reference.trim();
        if (ref.isEmpty() || ref.length() > 100) {
            throw ProblemException.invalidField(
                    "reference", "give the program code or the cohort's name (up to 100 characters).");
        }
        if (seats == null || seats < 1) {
            throw ProblemException.invalidField("seats", "reserve at least one seat.");
        }
        if (section.reserved() + seats > section.capacity()) {
            throw ProblemException.invalidField(
                    "seats",
                    "only " + (section.capacity() - section.reserved()) + " of the " + section.capacity()
                            + " seats are not reserved yet.");
        }
        jdbc.sql("INSERT INTO scheduling_reserved_seat (id, section_id, organization_id, kind, reference, seats)"
                        + " VALUES (?, ?, ?, ?, ?, ?)")
                .params(UUID.randomUUID(), sectionId, organizationId, k, ref, seats)
                .update();
        changed(
                organizationId,
                section,
                "reserved " + seats + " seat(s) for " + k.toLowerCase(Locale.ROOT) + " " + ref);
        return sections.find(organizationId, sectionId);
    }

    /** Releases seats kept for a program or cohort. */
    @Transactional
    public Section release(UUID organizationId, UUID sectionId, UUID reservationId) {
        var section = sections.editable(organizationId, sectionId);
        var seat = section.reservedSeats().stream()
                .filter(r -> r.id().equals(reservationId))
                .findFirst()
                .orElseThrow(() -> ProblemException.notFound("That reservation"));
        jdbc.sql("DELETE FROM scheduling_reserved_seat WHERE id = ? AND organization_id = ?")
                .params(reservationId, organizationId)
                .update();
        changed(
                organizationId,
                section,
                "released " + seat.seats() + " seat(s) kept for " + seat.kind().toLowerCase(Locale.ROOT) + " "
                        + seat.reference());
        return sections.find(organizationId, sectionId);
    }

    private static Meeting meeting(Section section, UUID meetingId) {
        return section.meetings().stream()
                .filter(m -> m.id().equals(meetingId))
                .findFirst()
                .orElseThrow(() -> ProblemException.notFound("That meeting"));
    }

    private String describe(UUID organizationId, Meeting m) {
        var room = m.roomId() == null
                ? "no room"
                : rooms.byId(organizationId, m.roomId()).map(r -> r.name()).orElse("a room");
        return m.when() + " from " + m.startsOn() + " to " + m.endsOn() + " in " + room;
    }

    private void changed(UUID organizationId, Section section, String change) {
        events.publishEvent(new SectionMeetingsChanged(
                ChangeStamp.now(organizationId),
                section.id(),
                section.termId(),
                section.termCode(),
                section.courseCode(),
                section.number(),
                change));
    }
}
