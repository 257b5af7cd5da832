package org.credo.scheduling.term;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.credo.platform.ChangeStamp;
import org.credo.platform.PageQuery;
import org.credo.platform.PageResult;
import org.credo.platform.ProblemException;
import org.credo.platform.Timestamps;
import org.credo.scheduling.HolidayChanged;
import org.credo.scheduling.PartDates;
import org.credo.scheduling.PartOfTerm;
import org.credo.scheduling.TermSaved;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The terms of an organization, their parts and holidays, kept by the registrar. */
@Service
public class Terms {

    /** Sort fields of the term list; the first is the default. */
    public static final List<String> SORTABLE = List.of("startsOn", "code", "name");

    private static final Map<String, String> SORT_COLUMNS =
            Map.of("startsOn", "starts_on", "code", "code", "name", "name");

    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;

    Terms(JdbcClient jdbc, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.events = events;
    }

    /** One page of the organization's terms. */
    @Transactional(readOnly = true)
    public PageResult<Term> page(UUID organizationId, PageQuery query) {
        long total = jdbc.sql("SELECT count(*) FROM scheduling_term WHERE organization_id = ?")
                .param(organizationId)
                .query(Long.class)
                .single();
        var ids = jdbc.sql("SELECT id FROM scheduling_term WHERE organization_id = ? ORDER BY "
                        + query.orderBy(SORT_COLUMNS, "id") + " LIMIT ? OFFSET ?")
                .params(organizationId, query.size(), query.offset())
                .query(UUID.class)
                .list();
        return PageResult.of(ids.stream().map(id -> find(organizationId, id)).toList(), query, total);
    }

    /** Every term of the organization, latest first. */
    @Transactional(readOnly = true)
    public List<Term> all(UUID organizationId) {
        return jdbc
                .sql("SELECT id FROM scheduling_term WHERE organization_id = ? ORDER BY starts_on DESC, code")
                .param(organizationId)
                .query(UUID.class)
                .list()
                .stream()
                .map(id -> find(organizationId, id))
                .toList();
    }

    /** The term with this id in the organization. */
    @Transactional(readOnly = true)
    public Optional<Term> byId(UUID organizationId, UUID id) {
        var row = jdbc.sql("SELECT * FROM scheduling_term WHERE organization_id = ? AND id = ?")
                .params(organizationId, id)
                .query(Terms::header)
                .optional();
        return row.map(t -> new Term(
                t.id(),
                t.code(),
                t.name(),
                t.startsOn(),
                t.endsOn(),
                parts(organizationId, id),
                holidays(organizationId, id)));
    }

    /** The term with this code in the organization, case ignored. */
    @Transactional(readOnly = true)
    public Optional<Term> byCode(UUID organizationId, String code) {
        return jdbc.sql("SELECT id FROM scheduling_term WHERE organization_id = ? AND code = ?")
                .params(organizationId, code.trim().toUpperCase(java.util.Locale.ROOT))
                .query(UUID.class)
                .optional()
                .flatMap(id -> byId(organizationId, id));
    }

    /** The term with this id, or 404. */
    public Term find(UUID organizationId, UUID id) {
        return byId(organizationId, id).orElseThrow(() -> ProblemException.notFound("That term"));
    }

    /** The term whose classes run on the day, or else the next to start (what 'the current term' means). */
    @Transactional(readOnly = true)
    public Optional<Term> current(UUID organizationId, LocalDate day) {
        return jdbc.sql("SELECT id FROM scheduling_term WHERE organization_id = ? AND ends_on >= ?"
                        + " ORDER BY starts_on, code LIMIT 1")
                .params(organizationId, day)
                .query(UUID.class)
                .optional()
                .flatMap(id -> byId(organizationId, id));
    }

    /** Creates a term, or changes one when {@code id} is given; parts are replaced by those of the draft. */
    @Transactional
    public Term save(UUID organizationId, @Nullable UUID id, TermDraft draft) {
        var t = draft.check();
        var termId = id == null ? UUID.randomUUID() : id;
        var now = Timestamps.sql(Timestamps.now());
        try {
            if (id == null) {
                jdbc.sql("INSERT INTO scheduling_term (id, organization_id, code, name, starts_on, ends_on,"
                                + " created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")
                        .params(termId, organizationId, t.code(), t.name(), t.startsOn(), t.endsOn(), now, now)
                        .update();
            } else {
                find(organizationId, id);
                jdbc.sql("UPDATE scheduling_term SET code = ?, name = ?, starts_on = ?, ends_on = ?, updated_at = ?"
                                + " WHERE id = ? AND organization_id = ?")
                        .params(t.code(), t.name(), t.startsOn(), t.endsOn(), now, id, organizationId)
                        .update();
            }
        } catch (DuplicateKeyException e) {
            throw ProblemException.invalidField("code", "another term already has the code " + t.code() + ".");
        }
        jdbc.sql("DELETE FROM scheduling_term_part WHERE term_id = ? AND organization_id = ?")
                .params(termId, organizationId)
                .update();
        for (var p : t.parts()) {
            jdbc.sql("INSERT INTO scheduling_term_part (term_id, organization_id, part, classes_start, classes_end,"
                            + " last_add, last_drop, last_withdraw, census, grades_due)"
                            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                    .params(
                            termId,
                            organizationId,
                            p.part().name(),
                            p.classesStart(),
                            p.classesEnd(),
                            p.lastAdd(),
                            p.lastDrop(),
                            p.lastWithdraw(),
                            p.census(),
                            p.gradesDue())
                    .update();
        }
        events.publishEvent(new TermSaved(
                ChangeStamp.now(organizationId),
                termId,
                t.code(),
                t.name(),
                t.startsOn(),
                t.endsOn(),
                t.parts(),
                id == null));
        return find(organizationId, termId);
    }

    /** Adds a holiday to a term: a day within the term when no class meets. */
    @Transactional
    public Term addHoliday(UUID organizationId, UUID termId, @Nullable LocalDate day, @Nullable String name) {
        var term = find(organizationId, termId);
        if (day == null) {
            throw ProblemException.invalidField("day", "give the day of the holiday.");
        }
        if (day.isBefore(term.startsOn()) || day.isAfter(term.endsOn())) {
            throw ProblemException.invalidField(
                    "day", "the holiday must fall within the term (" + term.startsOn() + " to " + term.endsOn() + ").");
        }
        var n = name == null ? "" : name.trim();
        if (n.isEmpty() || n.length() > 100) {
            throw ProblemException.invalidField("name", "name the holiday, such as Spring break.");
        }
        if (term.isHoliday(day)) {
            throw ProblemException.invalidField("day", day + " is already a holiday in this term.");
        }
        jdbc.sql(
                        "INSERT INTO scheduling_holiday (id, term_id, organization_id, holiday_on, name) VALUES (?, ?, ?, ?, ?)")
                .params(UUID.randomUUID(), termId, organizationId, day, n)
                .update();
        events.publishEvent(new HolidayChanged(ChangeStamp.now(organizationId), termId, term.code(), day, n, true));
        return find(organizationId, termId);
    }

    /** Takes a holiday off a term. */
    @Transactional
    public Term removeHoliday(UUID organizationId, UUID termId, UUID holidayId) {
        var term = find(organizationId, termId);
        var holiday = term.holidays().stream()
                .filter(h -> h.id().equals(holidayId))
                .findFirst()
                .orElseThrow(() -> ProblemException.notFound("That holiday"));
        jdbc.sql("DELETE FROM scheduling_holiday WHERE id = ? AND organization_id = ?")
                .params(holidayId, organizationId)
                .update();
        events.publishEvent(new HolidayChanged(
                ChangeStamp.now(organizationId), termId, term.code(), holiday.day(), holiday.name(), false));
        return find(organizationId, termId);
    }

    private List<PartDates> parts(UUID organizationId, UUID termId) {
        return jdbc
                .sql("SELECT * FROM scheduling_term_part WHERE organization_id = ? AND term_id = ?")
                .params(organizationId, termId)
                .query((rs, n) -> new PartDates(
                        PartOfTerm.valueOf(rs.getString("part")),
                        rs.getObject("classes_start", LocalDate.class),
                        rs.getObject("classes_end", LocalDate.class),
                        rs.getObject("last_add", LocalDate.class),
                        rs.getObject("last_drop", LocalDate.class),
                        rs.getObject("last_withdraw", LocalDate.class),
                        rs.getObject("census", LocalDate.class),
                        rs.getObject("grades_due", LocalDate.class)))
                .list()
                .stream()
                .sorted(java.util.Comparator.comparing(PartDates::part))
                .toList();
    }

    private List<Term.Holiday> holidays(UUID organizationId, UUID termId) {
        return jdbc.sql("SELECT id, holiday_on, name FROM scheduling_holiday WHERE organization_id = ? AND term_id = ?"
                        + " ORDER BY holiday_on")
                .params(organizationId, termId)
                .query((rs, n) -> new Term.Holiday(
                        rs.getObject("id", UUID.class),
                        rs.getObject("holiday_on", LocalDate.class),
                        rs.getString("name")))
                .list();
    }

    private static Term header(ResultSet rs, int n) throws SQLException {
        return new Term(
                rs.getObject("id", UUID.class),
                rs.getString("code"),
                rs.getString("name"),
                rs.getObject("starts_on", LocalDate.class),
                rs.getObject("ends_on", LocalDate.class),
                List.of(),
                List.of());
    }
}
