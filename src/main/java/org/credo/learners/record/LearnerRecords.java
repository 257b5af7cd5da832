package org.credo.learners.record;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.credo.catalog.Catalog;
import org.credo.learners.LearnerRecordChanged;
import org.credo.learners.LearnerRecordCreated;
import org.credo.learners.LearnerRecordDeleted;
import org.credo.learners.LearnerStatus;
import org.credo.learners.LearnerStatusChanged;
import org.credo.platform.ChangeStamp;
import org.credo.platform.PageQuery;
import org.credo.platform.PageResult;
import org.credo.platform.ProblemException;
import org.credo.platform.Timestamps;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Learner records of an organization: find, list, create, change, move through statuses, delete. */
@Service
public class LearnerRecords {

    /** The sort fields of the learner list; the first is the default. */
    public static final List<String> SORTABLE = List.of("name", "number", "status", "updated");

    private static final Map<String, String> SORT_COLUMNS = Map.of(
            "name", "l.legal_family_name, l.legal_given_name",
            "number", "l.learner_number",
            "status", "l.status",
            "updated", "l.updated_at");

    private final JdbcClient jdbc;
    private final LearnerNumbers numbers;
    private final Catalog catalog;
    private final ApplicationEventPublisher events;

    LearnerRecords(JdbcClient jdbc, LearnerNumbers numbers, Catalog catalog, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.numbers = numbers;
        this.catalog = catalog;
        this.events = events;
    }

    /** One page of learners; {@code q} matches names, the learner number and email addresses. */
    @Transactional(readOnly = true)
    public PageResult<Learner> page(
            UUID organizationId,
            @Nullable String q,
            @Nullable LearnerStatus status,
            @Nullable UUID programId,
            PageQuery query) {
        // Records merged into another (ADR 0035) are kept but no longer listed.
        var where = new StringBuilder(" WHERE l.organization_id = ? AND l.merged_into IS NULL");
        var params = new ArrayList<Object>();
        params.add(organizationId);
        if (q != null && !q.isBlank()) {
            var like = "%" + q.trim().toLowerCase(Locale.ROOT).replace("%", "").replace("_", "") + "%";
            where.append(" AND (l.search_text LIKE ? OR EXISTS (SELECT 1 FROM learner_contact c WHERE c.learner_id"
                    + " = l.id AND c.kind = 'EMAIL' AND lower(c.contact_value) LIKE ?))");
            params.add(like);
            params.add(like);
        }
        if (status != null) {
            where.append(" AND l.status = ?");
            params.add(status.name());
        }
        if (programId != null) {
            where.append(" AND l.program_id = ?");
            params.add(programId);
        }
        long total = jdbc.sql("SELECT count(*) FROM learner l" + where)
                .params(params)
                .query(Long.class)
                .single();
        var pageParams = new ArrayList<>(params);
        pageParams.add(query.size());
        pageParams.add(query.offset());
        var items = jdbc.sql("SELECT l.* FROM learner l" + where + " ORDER BY " + query.orderBy(SORT_COLUMNS, "l.id")
                        + " LIMIT ? OFFSET ?")
                .params(pageParams)
                .query(LearnerRecords::learner)
                .list();
        return PageResult.of(items, query, total);
    }

    /** A learner of the organization; 404 for a learner of another organization. */
    @Transactional(readOnly = true)
    public Learner find(UUID organizationId, UUID learnerId) {
        return jdbc.sql("SELECT l.* FROM learner l WHERE l.id = ? AND l.organization_id = ?")
                .params(learnerId, organizationId)
                .query(LearnerRecords::learner)
                .optional()
                .orElseThrow(() -> ProblemException.notFound("That learner"));
    }

    /** The record of a person who has an account, in an organization. */
    @Transactional(readOnly = true)
    public Optional<Learner> ofPerson(UUID organizationId, UUID personId) {
        return jdbc.sql("SELECT l.* FROM learner l WHERE l.organization_id = ? AND l.person_id = ?")
                .params(organizationId, personId)
                .query(LearnerRecords::learner)
                .optional();
    }

    /**
     * Links a record that has no account yet to a person's account (an applicant who turns out to be a known prospect);
     * returns false when the record already belongs to someone.
     */
    @Transactional
    public boolean attachPerson(UUID organizationId, UUID learnerId, UUID personId) {
        int updated = jdbc.sql("UPDATE learner SET person_id = ?, updated_at = ? WHERE id = ? AND organization_id = ?"
                        + " AND person_id IS NULL")
                .params(personId, Timestamps.sql(Timestamps.now()), learnerId, organizationId)
                .update();
        if (updated == 1) {
            touched(organizationId, find(organizationId, learnerId), "linked to the applicant's account");
        }
        return updated == 1;
    }

    /** A learner by number. */
    @Transactional(readOnly = true)
    public Optional<Learner> byNumber(UUID organizationId, String number) {
        return jdbc.sql("SELECT l.* FROM learner l WHERE l.organization_id = ? AND l.learner_number = ?")
                .params(organizationId, number.trim())
                .query(LearnerRecords::learner)
                .optional();
    }

    /** The learners in a program and a status (each optional), by name, at most {@code limit}. */
    @Transactional(readOnly = true)
    public List<Learner> matching(
            UUID organizationId, @Nullable UUID programId, @Nullable LearnerStatus status, int limit) {
        var params = new ArrayList<Object>();
        var where = where(organizationId, programId, status, params);
        params.add(limit);
        return jdbc.sql("SELECT l.* FROM learner l" + where
                        + " ORDER BY l.legal_family_name, l.legal_given_name, l.id LIMIT ?")
                .params(params)
                .query(LearnerRecords::learner)
                .list();
    }

    /**
     * The learners in a program and a status (each optional) whose id comes after {@code afterId}, in id order, at most
     * {@code limit}: one page of a walk through however many there are (keyset paging).
     */
    @Transactional(readOnly = true)
    public List<Learner> matchingAfter(
            UUID organizationId,
            @Nullable UUID programId,
            @Nullable LearnerStatus status,
            @Nullable UUID afterId,
            int limit) {
        var params = new ArrayList<Object>();
        var where = where(organizationId, programId, status, params);
        if (afterId != null) {
            where.append(" AND l.id > ?");
            params.add(afterId);
        }
        params.add(limit);
        return jdbc.sql("SELECT l.* FROM learner l" + where + " ORDER BY l.id LIMIT ?")
                .params(params)
                .query(LearnerRecords::learner)
                .list();
    }

    private static StringBuilder where(
            UUID organizationId, @Nullable UUID programId, @Nullable LearnerStatus status, List<Object> params) {
        params.add(organizationId);
        var where = new StringBuilder(" WHERE l.organization_id = ?");
        if (programId != null) {
            where.append(" AND l.program_id = ?");
            params.add(programId);
        }
        if (status != null) {
            where.append(" AND l.status = ?");
            params.add(status.name());
        }
        return where;
    }

    /** The statuses of these learners; ids of other organizations or of no learner are missing. */
    @Transactional(readOnly = true)
    public Map<UUID, LearnerStatus> statuses(UUID organizationId, java.util.Collection<UUID> learnerIds) {
        var statuses = new java.util.HashMap<UUID, LearnerStatus>();
        if (learnerIds.isEmpty()) {
            return statuses;
        }
        var params = new ArrayList<Object>();
        params.add(organizationId);
        params.addAll(learnerIds);
        jdbc.sql("SELECT id, status FROM learner WHERE organization_id = ? AND id IN ("
                        + String.join(", ", java.util.Collections.nCopies(learnerIds.size(), "?")) + ")")
                .params(params)
                .query((rs, n) ->
                        statuses.put(rs.getObject("id", UUID.class), LearnerStatus.valueOf(rs.getString("status"))))
                .list();
        return statuses;
    }

    /** Counts of learners by status. */
    @Transactional(readOnly = true)
    public Map<LearnerStatus, Long> countByStatus(UUID organizationId) {
        var counts = new java.util.EnumMap<LearnerStatus, Long>(LearnerStatus.class);
        for (var s : LearnerStatus.values()) {
            counts.put(s, 0L);
        }
        jdbc.sql("SELECT status, count(*) AS n FROM learner WHERE organization_id = ? AND merged_into IS NULL"
                        + " GROUP BY status")
                .param(organizationId)
                .query((rs, n) -> counts.put(LearnerStatus.valueOf(rs.getString("status")), rs.getLong("n")))
                .list();
        return counts;
    }

    /** Creates a record with a new learner number, in a first status. */
    @Transactional
    public Learner create(UUID organizationId, LearnerDetails details, LearnerStatus status, @Nullable UUID personId) {
        check(details);
        if (personId != null && ofPerson(organizationId, personId).isPresent()) {
            throw ProblemException.conflict(
                    "Learner exists", "This person already has a learner record in the organization.");
        }
        var program = program(organizationId, details);
        var id = UUID.randomUUID();
        var number = numbers.next(organizationId);
        var now = Timestamps.now();
        jdbc.sql("""
                        INSERT INTO learner (id, organization_id, person_id, learner_number, legal_given_name,
                          legal_family_name, preferred_name, date_of_birth, pronouns, status, program_id, program_code,
                          program_name, program_version, catalog_year, matriculated_on, directory_opt_out, search_text,
                          created_at, updated_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(
                        id,
                        organizationId,
                        personId,
                        number,
                        details.legalGivenName().trim(),
                        details.legalFamilyName().trim(),
                        blankToNull(details.preferredName()),
                        details.dateOfBirth(),
                        blankToNull(details.pronouns()),
                        status.name(),
                        program == null ? null : program.programId(),
                        program == null ? null : program.code(),
                        program == null ? null : program.name(),
                        program == null ? null : program.version(),
                        program == null ? null : catalogYear(program.effectiveFrom()),
                        details.matriculatedOn(),
                        details.directoryOptOut(),
                        searchText(details, number),
                        Timestamps.sql(now),
                        Timestamps.sql(now))
                .update();
        var stamp = ChangeStamp.now(organizationId);
        recordStatus(organizationId, id, null, status, LocalDate.now(), "Record created", stamp);
        var learner = find(organizationId, id);
        events.publishEvent(new LearnerRecordCreated(stamp, id, number, learner.legalName(), status));
        return learner;
    }

    /** Changes names, birth date, pronouns, program and privacy; the number and status stay. */
    @Transactional
    public Learner update(UUID organizationId, UUID learnerId, LearnerDetails details) {
        var before = find(organizationId, learnerId);
        check(details);
        var program = program(organizationId, details);
        jdbc.sql("""
                        UPDATE learner SET legal_given_name = ?, legal_family_name = ?, preferred_name = ?,
                          date_of_birth = ?, pronouns = ?, program_id = ?, program_code = ?, program_name = ?,
                          program_version = ?, catalog_year = ?, matriculated_on = ?, directory_opt_out = ?,
                          search_text = ?, updated_at = ?
                        WHERE id = ? AND organization_id = ?""")
                .params(
                        details.legalGivenName().trim(),
                        details.legalFamilyName().trim(),
                        blankToNull(details.preferredName()),
                        details.dateOfBirth(),
                        blankToNull(details.pronouns()),
                        program == null ? null : program.programId(),
                        program == null ? null : program.code(),
                        program == null ? null : program.name(),
                        program == null ? null : program.version(),
                        program == null ? null : catalogYear(program.effectiveFrom()),
                        details.matriculatedOn(),
                        details.directoryOptOut(),
                        searchText(details, before.number()),
                        Timestamps.sql(Timestamps.now()),
                        learnerId,
                        organizationId)
                .update();
        var after = find(organizationId, learnerId);
        events.publishEvent(new LearnerRecordChanged(
                ChangeStamp.now(organizationId), learnerId, after.number(), after.legalName(), changes(before, after)));
        return after;
    }

    /** What the learner changes themselves: preferred name and pronouns (when the organization allows). */
    @Transactional
    public Learner updateOwn(
            UUID organizationId, UUID learnerId, @Nullable String preferredName, @Nullable String pronouns) {
        var before = find(organizationId, learnerId);
        var allowed = numbers.settings(organizationId).selfEdit();
        var newPreferred = blankToNull(preferredName);
        var newPronouns = blankToNull(pronouns);
        if (!java.util.Objects.equals(newPreferred, before.preferredName())
                && !allowed.contains(LearnerNumbers.SelfEdit.PREFERRED_NAME)) {
            throw ProblemException.forbidden("Your preferred name is changed by the registrar's office.");
        }
        if (!java.util.Objects.equals(newPronouns, before.pronouns())
                && !allowed.contains(LearnerNumbers.SelfEdit.PRONOUNS)) {
            throw ProblemException.forbidden("Your pronouns are changed by the registrar's office.");
        }
        var details = new LearnerDetails(
                before.legalGivenName(),
                before.legalFamilyName(),
                newPreferred,
                before.dateOfBirth(),
                newPronouns,
                before.programId(),
                before.matriculatedOn(),
                before.directoryOptOut());
        check(details);
        jdbc.sql("UPDATE learner SET preferred_name = ?, pronouns = ?, search_text = ?, updated_at = ? WHERE id = ?"
                        + " AND organization_id = ?")
                .params(
                        newPreferred,
                        newPronouns,
                        searchText(details, before.number()),
                        Timestamps.sql(Timestamps.now()),
                        learnerId,
                        organizationId)
                .update();
        var after = find(organizationId, learnerId);
        events.publishEvent(new LearnerRecordChanged(
                ChangeStamp.now(organizationId),
                learnerId,
                after.number(),
                after.legalName(),
                "by the learner: " + changes(before, after)));
        return after;
    }

    /** Moves a learner to another status, if the current one allows it. */
    @Transactional
    public Learner changeStatus(
            UUID organizationId, UUID learnerId, LearnerStatus to, @Nullable LocalDate effectiveOn, String reason) {
        var learner = find(organizationId, learnerId);
        if (reason == null || reason.isBlank()) {
            throw ProblemException.invalidField("reason", "say why the status changes.");
        }
        if (reason.length() > 1000) {
            throw ProblemException.invalidField("reason", "keep the reason under 1,000 characters.");
        }
        if (!learner.status().canBecome(to)) {
            throw new ProblemException(
                    org.springframework.http.HttpStatus.CONFLICT,
                    "Status change not allowed",
                    "A learner who is " + learner.status().label().toLowerCase(Locale.ROOT) + " cannot become "
                            + to.label().toLowerCase(Locale.ROOT) + "; allowed: "
                            + (learner.status().next().isEmpty()
                                    ? "none"
                                    : String.join(
                                            ", ",
                                            learner.status().next().stream()
                                                    .map(LearnerStatus::label)
                                                    .toList()))
                            + ".",
                    Map.of("allowed", learner.status().next()));
        }
        var day = effectiveOn == null ? LocalDate.now() : effectiveOn;
        var stamp = ChangeStamp.now(organizationId);
        jdbc.sql("UPDATE learner SET status = ?, updated_at = ? WHERE id = ? AND organization_id = ?")
                .params(to.name(), Timestamps.sql(Timestamps.now()), learnerId, organizationId)
                .update();
        recordStatus(organizationId, learnerId, learner.status(), to, day, reason.trim(), stamp);
        events.publishEvent(new LearnerStatusChanged(
                stamp, learnerId, learner.number(), learner.legalName(), learner.status(), to, day, reason.trim()));
        return find(organizationId, learnerId);
    }

    /** The status history, newest first. */
    @Transactional(readOnly = true)
    public List<StatusChange> history(UUID organizationId, UUID learnerId) {
        return jdbc.sql("SELECT * FROM learner_status_change WHERE learner_id = ? AND organization_id = ?"
                        + " ORDER BY changed_at DESC, effective_on DESC")
                .params(learnerId, organizationId)
                .query((rs, n) -> new StatusChange(
                        rs.getObject("id", UUID.class),
                        rs.getString("from_status") == null ? null : LearnerStatus.valueOf(rs.getString("from_status")),
                        LearnerStatus.valueOf(rs.getString("to_status")),
                        rs.getObject("effective_on", LocalDate.class),
                        rs.getString("reason"),
                        rs.getString("changed_by_name"),
                        instant(rs, "changed_at")))
                .list();
    }

    /** Deletes a record; its number stays issued, so it is never given to anyone else. */
    @Transactional
    public void delete(UUID organizationId, UUID learnerId, String reason) {
        var learner = find(organizationId, learnerId);
        if (reason == null || reason.isBlank()) {
            throw ProblemException.invalidField("reason", "say why the record is deleted.");
        }
        jdbc.sql("DELETE FROM learner WHERE id = ? AND organization_id = ?")
                .params(learnerId, organizationId)
                .update();
        events.publishEvent(new LearnerRecordDeleted(
                ChangeStamp.now(organizationId), learnerId, learner.number(), learner.legalName(), reason.trim()));
    }

    /** Learners who have not opted out of the directory: what exports and public pages may show. */
    @Transactional(readOnly = true)
    public List<Learner> directory(UUID organizationId) {
        return jdbc.sql("SELECT l.* FROM learner l WHERE l.organization_id = ? AND l.directory_opt_out = false"
                        + " AND l.merged_into IS NULL"
                        + " ORDER BY l.legal_family_name, l.legal_given_name, l.id")
                .param(organizationId)
                .query(LearnerRecords::learner)
                .list();
    }

    /** The programs a learner may be recorded in, as of a day. */
    @Transactional(readOnly = true)
    public List<Catalog.ProgramRecord> programs(UUID organizationId) {
        return catalog.programs(organizationId, LocalDate.now());
    }

    /** Marks the record changed (contacts, identifiers) and tells the audit trail what changed. */
    @Transactional
    public void touched(UUID organizationId, Learner learner, String what) {
        jdbc.sql("UPDATE learner SET updated_at = ? WHERE id = ? AND organization_id = ?")
                .params(Timestamps.sql(Timestamps.now()), learner.id(), organizationId)
                .update();
        events.publishEvent(new LearnerRecordChanged(
                ChangeStamp.now(organizationId), learner.id(), learner.number(), learner.legalName(), what));
    }

    private void recordStatus(
            UUID organizationId,
            UUID learnerId,
            @Nullable LearnerStatus from,
            LearnerStatus to,
            LocalDate day,
            String reason,
            ChangeStamp stamp) {
        jdbc.sql("INSERT INTO learner_status_change (id, learner_id, organization_id, from_status, to_status,"
                        + " effective_on, reason, changed_by_id, changed_by_name, changed_at)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(
                        UUID.randomUUID(),
                        learnerId,
                        organizationId,
                        from == null ? null : from.name(),
                        to.name(),
                        day,
                        reason,
                        stamp.actorId(),
                        stamp.actorName(),
                        Timestamps.sql(stamp.occurredAt()))
                .update();
    }

    private Catalog.@Nullable ProgramRecord program(UUID organizationId, LearnerDetails details) {
        if (details.programId() == null) {
            return null;
        }
        var day = details.matriculatedOn() == null ? LocalDate.now() : details.matriculatedOn();
        return catalog.program(organizationId, details.programId(), day)
                .orElseThrow(() -> ProblemException.invalidField(
                        "programId", "choose a program of the catalog that was in force on the matriculation date."));
    }

    private static void check(LearnerDetails d) {
        if (d.legalGivenName() == null || d.legalGivenName().isBlank()) {
            throw ProblemException.invalidField("legalGivenName", "give the legal given name.");
        }
        if (d.legalFamilyName() == null || d.legalFamilyName().isBlank()) {
            throw ProblemException.invalidField("legalFamilyName", "give the legal family name.");
        }
        if (d.legalGivenName().length() > 100 || d.legalFamilyName().length() > 100) {
            throw ProblemException.invalidField("legalFamilyName", "keep each name under 100 characters.");
        }
        if (d.preferredName() != null && d.preferredName().length() > 100) {
            throw ProblemException.invalidField("preferredName", "keep the preferred name under 100 characters.");
        }
        if (d.pronouns() != null && d.pronouns().length() > 40) {
            throw ProblemException.invalidField("pronouns", "keep the pronouns under 40 characters.");
        }
        if (d.dateOfBirth() != null
                && (d.dateOfBirth().isAfter(LocalDate.now()) || d.dateOfBirth().isBefore(LocalDate.of(1900, 1, 1)))) {
            throw ProblemException.invalidField("dateOfBirth", "give a date of birth in the past, after 1900.");
        }
    }

    /** The academic year a program version belongs to: versions effective from July open the next year. */
    static String catalogYear(LocalDate effectiveFrom) {
        int start = effectiveFrom.getMonthValue() >= 7 ? effectiveFrom.getYear() : effectiveFrom.getYear() - 1;
        return start + "–" + String.valueOf(start + 1).substring(2);
    }

    private static String changes(Learner before, Learner after) {
        var changed = new ArrayList<String>();
        if (!before.legalName().equals(after.legalName())) {
            changed.add("legal name");
        }
        if (!java.util.Objects.equals(before.preferredName(), after.preferredName())) {
            changed.add("preferred name");
        }
        if (!java.util.Objects.equals(before.dateOfBirth(), after.dateOfBirth())) {
            changed.add("date of birth");
        }
        if (!java.util.Objects.equals(before.pronouns(), after.pronouns())) {
            changed.add("pronouns");
        }
        if (!java.util.Objects.equals(before.programId(), after.programId())
                || !java.util.Objects.equals(before.programVersion(), after.programVersion())) {
            changed.add("program " + (after.programCode() == null ? "removed" : after.programCode()));
        }
        if (before.directoryOptOut() != after.directoryOptOut()) {
            changed.add(after.directoryOptOut() ? "opted out of the directory" : "back in the directory");
        }
        return changed.isEmpty() ? "nothing" : String.join(", ", changed);
    }

    private static String searchText(LearnerDetails d, String number) {
        return String.join(
                        " ",
                        d.legalGivenName().trim(),
                        d.legalFamilyName().trim(),
                        d.preferredName() == null ? "" : d.preferredName().trim(),
                        number)
                .toLowerCase(Locale.ROOT);
    }

    private static @Nullable String blankToNull(@Nullable String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    static Learner learner(ResultSet rs, int row) throws SQLException {
        return new Learner(
                rs.getObject("id", UUID.class),
                rs.getObject("organization_id", UUID.class),
                rs.getObject("person_id", UUID.class),
                rs.getString("learner_number"),
                rs.getString("legal_given_name"),
                rs.getString("legal_family_name"),
                rs.getString("preferred_name"),
                rs.getObject("date_of_birth", LocalDate.class),
                rs.getString("pronouns"),
                LearnerStatus.valueOf(rs.getString("status")),
                rs.getObject("program_id", UUID.class),
                rs.getString("program_code"),
                rs.getString("program_name"),
                (Integer) rs.getObject("program_version"),
                rs.getString("catalog_year"),
                rs.getObject("matriculated_on", LocalDate.class),
                rs.getBoolean("directory_opt_out"),
                instant(rs, "created_at"),
                instant(rs, "updated_at"));
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        return rs.getObject(column, OffsetDateTime.class).toInstant();
    }
}
