package org.credo.scheduling.section;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.credo.catalog.Catalog;
import org.credo.platform.ChangeStamp;
import org.credo.platform.PageQuery;
import org.credo.platform.PageResult;
import org.credo.platform.ProblemException;
import org.credo.platform.Timestamps;
import org.credo.scheduling.DeliveryMode;
import org.credo.scheduling.PartOfTerm;
import org.credo.scheduling.SectionCancelled;
import org.credo.scheduling.SectionMeetingsChanged;
import org.credo.scheduling.SectionSaved;
import org.credo.scheduling.SectionStatus;
import org.credo.scheduling.SectionStatusChanged;
import org.credo.scheduling.instructor.Instructors;
import org.credo.scheduling.term.Term;
import org.credo.scheduling.term.Terms;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Sections of the catalog's courses in a term: creating, changing, opening, closing and cancelling them. */
@Service
public class Sections {

    /** Sort fields of the section list; the first is the default. */
    public static final List<String> SORTABLE = List.of("course", "status", "capacity");

    private static final Map<String, String> SORT_COLUMNS =
            Map.of("course", "course_code, section_number", "status", "status, course_code", "capacity", "capacity");

    private final JdbcClient jdbc;
    private final Terms terms;
    private final Catalog catalog;
    private final Instructors instructors;
    private final ApplicationEventPublisher events;

    Sections(JdbcClient jdbc, Terms terms, Catalog catalog, Instructors instructors, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.terms = terms;
        this.catalog = catalog;
        this.instructors = instructors;
        this.events = events;
    }

    /** One page of a term's sections, optionally of one status or taught by one instructor. */
    @Transactional(readOnly = true)
    public PageResult<Section> page(
            UUID organizationId,
            UUID termId,
            @Nullable SectionStatus status,
            @Nullable UUID instructorId,
            PageQuery query) {
        var where = " FROM scheduling_section s WHERE s.organization_id = ? AND s.term_id = ?"
                + " AND (CAST(? AS varchar) IS NULL OR s.status = ?)"
                + " AND (CAST(? AS uuid) IS NULL OR EXISTS (SELECT 1 FROM scheduling_section_instructor si"
                + " WHERE si.section_id = s.id AND si.person_id = ?))";
        var s = status == null ? null : status.name();
        long total = jdbc.sql("SELECT count(*)" + where)
                .params(organizationId, termId, s, s, instructorId, instructorId)
                .query(Long.class)
                .single();
        var ids = jdbc.sql("SELECT s.id" + where + " ORDER BY " + query.orderBy(SORT_COLUMNS, "s.id")
                        + " LIMIT ? OFFSET ?")
                .params(organizationId, termId, s, s, instructorId, instructorId, query.size(), query.offset())
                .query(UUID.class)
                .list();
        var byId = new HashMap<UUID, Section>();
        ofTerm(organizationId, termId).forEach(x -> byId.put(x.id(), x));
        return PageResult.of(ids.stream().map(byId::get).toList(), query, total);
    }

    /** Every section of a term (cancelled ones too), by course and number. */
    @Transactional(readOnly = true)
    public List<Section> ofTerm(UUID organizationId, UUID termId) {
        return load(organizationId, "s.term_id = ?", termId);
    }

    /** The sections an instructor teaches, in every term, latest term first. */
    @Transactional(readOnly = true)
    public List<Section> taughtBy(UUID organizationId, UUID personId) {
        return load(
                organizationId,
                "EXISTS (SELECT 1 FROM scheduling_section_instructor si WHERE si.section_id = s.id"
                        + " AND si.person_id = ?)",
                personId);
    }

    /** The section with this id in the organization. */
    @Transactional(readOnly = true)
    public Optional<Section> byId(UUID organizationId, UUID id) {
        return load(organizationId, "s.id = ?", id).stream().findFirst();
    }

    /** The section, or 404. */
    public Section find(UUID organizationId, UUID id) {
        return byId(organizationId, id).orElseThrow(() -> ProblemException.notFound("That section"));
    }

    /**
     * Creates a planned section of the course version in force on the term's first day; a course missing from the
     * catalog or retired then is refused.
     */
    @Transactional
    public Section create(UUID organizationId, UUID termId, SectionDraft draft) {
        var term = terms.find(organizationId, termId);
        var code = draft.courseCode() == null ? "" : draft.courseCode().trim();
        if (code.isEmpty()) {
            throw ProblemException.invalidField("courseCode", "give the course code, such as DATA 101.");
        }
        var course = catalog.course(organizationId, code, term.startsOn())
                .orElseThrow(() -> ProblemException.invalidField(
                        "courseCode",
                        "no course " + code + " is published in the catalog on " + term.startsOn() + "."));
        if (course.retired()) {
            throw ProblemException.invalidField(
                    "courseCode",
                    course.code() + " is retired on " + term.startsOn() + ", the first day of " + term.code()
                            + "; a retired course cannot be scheduled.");
        }
        var checked = check(organizationId, term, null, draft);
        var id = UUID.randomUUID();
        var now = Timestamps.sql(Timestamps.now());
        try {
            jdbc.sql("INSERT INTO scheduling_section (id, organization_id, term_id, part, course_id, course_code,"
                            + " course_title, course_version, credits, section_number, capacity, waitlist_capacity,"
                            + " delivery_mode, status, linked_to, created_at, updated_at)"
                            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                    .params(
                            id,
                            organizationId,
                            termId,
                            checked.part().name(),
                            course.courseId(),
                            course.code(),
                            course.title(),
                            course.version(),
                            course.credits(),
                            checked.number(),
                            checked.capacity(),
                            checked.waitlist(),
                            checked.mode().name(),
                            SectionStatus.PLANNED.name(),
                            draft.linkedTo(),
                            now,
                            now)
                    .update();
        } catch (DuplicateKeyException e) {
            throw ProblemException.invalidField(
                    "number",
                    course.code() + " already has a section " + checked.number() + " in " + term.code() + ".");
        }
        relations(organizationId, id, draft);
        var section = find(organizationId, id);
        publishSaved(organizationId, term, section, true);
        return section;
    }

    /** Changes a section's number, part of term, seats, delivery, instructors, cross-listing and link. */
    @Transactional
    public Section update(UUID organizationId, UUID id, SectionDraft draft) {
        var section = editable(organizationId, id);
        var term = terms.find(organizationId, section.termId());
        var checked = check(organizationId, term, id, draft);
        try {
            jdbc.sql("UPDATE scheduling_section SET part = ?, section_number = ?, capacity = ?, waitlist_capacity = ?,"
                            + " delivery_mode = ?, linked_to = ?, updated_at = ? WHERE id = ? AND organization_id = ?")
                    .params(
                            checked.part().name(),
                            checked.number(),
                            checked.capacity(),
                            checked.waitlist(),
                            checked.mode().name(),
                            draft.linkedTo(),
                            Timestamps.sql(Timestamps.now()),
                            id,
                            organizationId)
                    .update();
        } catch (DuplicateKeyException e) {
            throw ProblemException.invalidField(
                    "number",
                    section.courseCode() + " already has a section " + checked.number() + " in " + term.code() + ".");
        }
        relations(organizationId, id, draft);
        var saved = find(organizationId, id);
        publishSaved(organizationId, term, saved, false);
        return saved;
    }

    /** Opens, closes or reopens a section, or cancels it (for good, with a reason). */
    @Transactional
    public Section changeStatus(UUID organizationId, UUID id, @Nullable SectionStatus to, @Nullable String reason) {
        var section = find(organizationId, id);
        if (to == null) {
            throw ProblemException.invalidField("status", "choose open, closed or cancelled.");
        }
        if (!section.status().canMoveTo(to)) {
            throw ProblemException.conflict(
                    "Status not changed",
                    section.label() + " is " + section.status().label().toLowerCase(Locale.ROOT) + " and cannot become "
                            + to.label().toLowerCase(Locale.ROOT) + ".");
        }
        var why = reason == null ? "" : reason.trim();
        if (to == SectionStatus.CANCELLED && why.isEmpty()) {
            throw ProblemException.invalidField("reason", "say why the section is cancelled; learners will read it.");
        }
        jdbc.sql("UPDATE scheduling_section SET status = ?, updated_at = ? WHERE id = ? AND organization_id = ?")
                .params(to.name(), Timestamps.sql(Timestamps.now()), id, organizationId)
                .update();
        var term = terms.find(organizationId, section.termId());
        var stamp = ChangeStamp.now(organizationId);
        if (to == SectionStatus.CANCELLED) {
            var dates = dates(term, section.part());
            events.publishEvent(new SectionCancelled(
                    stamp,
                    id,
                    term.id(),
                    term.code(),
                    section.part(),
                    dates[0],
                    dates[1],
                    section.courseId(),
                    section.courseCode(),
                    section.credits(),
                    section.number(),
                    why));
        } else {
            events.publishEvent(new SectionStatusChanged(
                    stamp, id, term.id(), term.code(), section.courseCode(), section.number(), section.status(), to));
        }
        return find(organizationId, id);
    }

    /**
     * Pins a section's meetings, so that the timetabling solver keeps them where they are, or unpins them; audited
     * as a change of the section's meetings.
     */
    @Transactional
    public Section pin(UUID organizationId, UUID id, boolean pinned) {
        var section = editable(organizationId, id);
        if (section.pinned() == pinned) {
            return section;
        }
        jdbc.sql("UPDATE scheduling_section SET pinned = ?, updated_at = ? WHERE id = ? AND organization_id = ?")
                .params(pinned, Timestamps.sql(Timestamps.now()), id, organizationId)
                .update();
        events.publishEvent(new SectionMeetingsChanged(
                ChangeStamp.now(organizationId),
                id,
                section.termId(),
                section.termCode(),
                section.courseCode(),
                section.number(),
                pinned
                        ? "pinned its meetings; the timetabling solver keeps them where they are"
                        : "unpinned its meetings; the timetabling solver may move them"));
        return find(organizationId, id);
    }

    /** The section if it may still change, else a 409 that says it was cancelled. */
    public Section editable(UUID organizationId, UUID id) {
        var section = find(organizationId, id);
        if (!section.editable()) {
            throw ProblemException.conflict(
                    "Section cancelled", section.label() + " was cancelled; a cancelled section does not change.");
        }
        return section;
    }

    void publishSaved(UUID organizationId, Term term, Section section, boolean created) {
        var dates = dates(term, section.part());
        events.publishEvent(new SectionSaved(
                ChangeStamp.now(organizationId),
                section.id(),
                term.id(),
                term.code(),
                section.part(),
                dates[0],
                dates[1],
                section.courseId(),
                section.courseCode(),
                section.credits(),
                section.number(),
                section.capacity(),
                section.waitlistCapacity(),
                section.deliveryMode(),
                section.status(),
                created));
    }

    private static LocalDate[] dates(Term term, PartOfTerm part) {
        return term.part(part)
                .map(p -> new LocalDate[] {p.classesStart(), p.classesEnd()})
                .orElse(new LocalDate[] {term.startsOn(), term.endsOn()});
    }

    private record Checked(PartOfTerm part, String number, int capacity, int waitlist, DeliveryMode mode) {}

    private Checked check(UUID organizationId, Term term, @Nullable UUID self, SectionDraft draft) {
        if (draft.part() == null || term.part(draft.part()).isEmpty()) {
            throw ProblemException.invalidField(
                    "part", "choose a part of term that " + term.code() + " has (give its dates on the term first).");
        }
        var number = draft.number() == null ? "" : draft.number().trim().toUpperCase(Locale.ROOT);
        if (!number.matches("[A-Z0-9]{1,10}")) {
            throw ProblemException.invalidField("number", "give a section number of letters and digits, such as 01.");
        }
        if (draft.capacity() == null || draft.capacity() < 1 || draft.capacity() > 2000) {
            throw ProblemException.invalidField("capacity", "give the number of seats, 1 to 2000.");
        }
        int waitlist = draft.waitlistCapacity() == null ? 0 : draft.waitlistCapacity();
        if (waitlist < 0 || waitlist > 2000) {
            throw ProblemException.invalidField("waitlistCapacity", "give the waitlist places, 0 to 2000.");
        }
        if (draft.deliveryMode() == null) {
            throw ProblemException.invalidField("deliveryMode", "choose in person, online or hybrid.");
        }
        var known = instructors.all(organizationId);
        for (var i : draft.instructorIds()) {
            if (known.stream().noneMatch(k -> k.personId().equals(i))) {
                throw ProblemException.invalidField(
                        "instructorIds",
                        "choose instructors among the organization's members with the instructor role.");
            }
        }
        if (self != null) {
            int reserved = find(organizationId, self).reserved();
            if (reserved > draft.capacity()) {
                throw ProblemException.invalidField(
                        "capacity", reserved + " seats are reserved; give at least that many seats.");
            }
        }
        sameTerm(organizationId, term, self, draft.crossListWith(), "crossListWith");
        sameTerm(organizationId, term, self, draft.linkedTo(), "linkedTo");
        return new Checked(draft.part(), number, draft.capacity(), waitlist, draft.deliveryMode());
    }

    private void sameTerm(UUID organizationId, Term term, @Nullable UUID self, @Nullable UUID other, String field) {
        if (other == null) {
            return;
        }
        var section = byId(organizationId, other);
        if (other.equals(self) || section.isEmpty() || !section.get().termId().equals(term.id())) {
            throw ProblemException.invalidField(field, "choose another section of " + term.code() + ".");
        }
    }

    private void relations(UUID organizationId, UUID id, SectionDraft draft) {
        jdbc.sql("DELETE FROM scheduling_section_instructor WHERE section_id = ? AND organization_id = ?")
                .params(id, organizationId)
                .update();
        for (var person : draft.instructorIds().stream().distinct().toList()) {
            jdbc.sql("INSERT INTO scheduling_section_instructor (section_id, organization_id, person_id)"
                            + " VALUES (?, ?, ?)")
                    .params(id, organizationId, person)
                    .update();
        }
        UUID group = null;
        if (draft.crossListWith() != null) {
            var other = find(organizationId, draft.crossListWith());
            group = other.crossListGroup() == null ? UUID.randomUUID() : other.crossListGroup();
            jdbc.sql("UPDATE scheduling_section SET cross_list_group = ? WHERE id = ? AND organization_id = ?")
                    .params(group, other.id(), organizationId)
                    .update();
        }
        jdbc.sql("UPDATE scheduling_section SET cross_list_group = ? WHERE id = ? AND organization_id = ?")
                .params(group, id, organizationId)
                .update();
    }

    private List<Section> load(UUID organizationId, String condition, Object value) {
        var where = " WHERE s.organization_id = ? AND " + condition;
        var instructorsOf = new HashMap<UUID, List<UUID>>();
        jdbc.sql("SELECT si.section_id, si.person_id FROM scheduling_section_instructor si"
                        + " JOIN scheduling_section s ON s.id = si.section_id" + where + " ORDER BY si.person_id")
                .params(organizationId, value)
                .query(rs -> {
                    instructorsOf
                            .computeIfAbsent(rs.getObject("section_id", UUID.class), k -> new ArrayList<>())
                            .add(rs.getObject("person_id", UUID.class));
                });
        var meetingsOf = new HashMap<UUID, List<Meeting>>();
        jdbc.sql("SELECT m.* FROM scheduling_meeting m JOIN scheduling_section s ON s.id = m.section_id" + where
                        + " ORDER BY m.starts_on, m.starts_at, m.id")
                .params(organizationId, value)
                .query(rs -> {
                    meetingsOf
                            .computeIfAbsent(rs.getObject("section_id", UUID.class), k -> new ArrayList<>())
                            .add(new Meeting(
                                    rs.getObject("id", UUID.class),
                                    Meeting.read(rs.getString("days")),
                                    rs.getObject("starts_at", LocalTime.class),
                                    rs.getObject("ends_at", LocalTime.class),
                                    rs.getObject("starts_on", LocalDate.class),
                                    rs.getObject("ends_on", LocalDate.class),
                                    rs.getObject("room_id", UUID.class)));
                });
        var seatsOf = new HashMap<UUID, List<Section.ReservedSeat>>();
        jdbc.sql("SELECT r.* FROM scheduling_reserved_seat r JOIN scheduling_section s ON s.id = r.section_id" + where
                        + " ORDER BY r.kind, r.reference")
                .params(organizationId, value)
                .query(rs -> {
                    seatsOf.computeIfAbsent(rs.getObject("section_id", UUID.class), k -> new ArrayList<>())
                            .add(new Section.ReservedSeat(
                                    rs.getObject("id", UUID.class),
                                    rs.getString("kind"),
                                    rs.getString("reference"),
                                    rs.getInt("seats")));
                });
        return jdbc.sql("SELECT s.*, t.code AS term_code FROM scheduling_section s"
                        + " JOIN scheduling_term t ON t.id = s.term_id" + where
                        + " ORDER BY t.starts_on DESC, s.course_code, s.section_number")
                .params(organizationId, value)
                .query((rs, n) -> {
                    var id = rs.getObject("id", UUID.class);
                    return new Section(
                            id,
                            rs.getObject("term_id", UUID.class),
                            rs.getString("term_code"),
                            PartOfTerm.valueOf(rs.getString("part")),
                            rs.getObject("course_id", UUID.class),
                            rs.getString("course_code"),
                            rs.getString("course_title"),
                            rs.getInt("course_version"),
                            rs.getBigDecimal("credits").stripTrailingZeros(),
                            rs.getString("section_number"),
                            rs.getInt("capacity"),
                            rs.getInt("waitlist_capacity"),
                            DeliveryMode.valueOf(rs.getString("delivery_mode")),
                            SectionStatus.valueOf(rs.getString("status")),
                            rs.getObject("cross_list_group", UUID.class),
                            rs.getObject("linked_to", UUID.class),
                            List.copyOf(instructorsOf.getOrDefault(id, List.of())),
                            List.copyOf(meetingsOf.getOrDefault(id, List.of())),
                            List.copyOf(seatsOf.getOrDefault(id, List.of())),
                            rs.getBoolean("pinned"));
                })
                .list();
    }

    /** Credits as shown: '3' rather than '3.00'. */
    public static String credits(BigDecimal credits) {
        return credits.stripTrailingZeros().toPlainString();
    }
}
