package org.credo.learners.duplicates;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.credo.learners.LearnerMergeUndone;
import org.credo.learners.LearnerStatus;
import org.credo.learners.LearnersMerged;
import org.credo.platform.ChangeStamp;
import org.credo.platform.PageQuery;
import org.credo.platform.PageResult;
import org.credo.platform.ProblemException;
import org.credo.platform.Timestamps;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * Merges two records of one person (ADR 0035): staff choose per field which value survives; contacts, identifiers,
 * holds, status history and attached inquiries move to the survivor; the other record is retired, never deleted. A
 * journal keeps both records as they were and every row that moved, so an administrator can undo a merge for 30 days.
 */
@Service
public class Merges {

    /** How long an administrator may undo a merge. */
    public static final Duration UNDO_WINDOW = Duration.ofDays(30);

    /** The fields staff choose between, in the order of the merge screen. */
    public static final List<String> FIELDS = List.of(
            "legalGivenName",
            "legalFamilyName",
            "preferredName",
            "dateOfBirth",
            "pronouns",
            "program",
            "status",
            "directoryOptOut");

    /** Where a choice takes the value from. */
    public static final String SURVIVOR = "survivor";

    public static final String MERGED = "merged";

    /** The tables whose rows move to the survivor, with the column that identifies a row. */
    private static final Map<String, String> MOVED = new LinkedHashMap<>();

    static {
        MOVED.put("learner_contact", "id");
        MOVED.put("learner_identifier", "id");
        MOVED.put("learner_hold", "id");
        MOVED.put("learner_status_change", "id");
        MOVED.put("learner_inquiry", "inquiry_id");
    }

    /** A merge as the journal keeps it. */
    public record Merge(
            UUID id,
            UUID survivorId,
            String survivorNumber,
            String survivorName,
            UUID mergedId,
            String mergedNumber,
            String mergedName,
            String choices,
            String mergedBy,
            Instant mergedAt,
            @Nullable Instant undoneAt,
            @Nullable String undoneBy) {

        /** Whether it can still be undone at {@code now}. */
        public boolean undoable(Instant now) {
            return undoneAt == null && now.isBefore(mergedAt.plus(UNDO_WINDOW));
        }
    }

    private final JdbcClient jdbc;
    private final DuplicateFinder finder;
    private final JsonMapper json;
    private final ApplicationEventPublisher events;
    private Clock clock = Clock.systemUTC();

    Merges(JdbcClient jdbc, DuplicateFinder finder, JsonMapper json, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.finder = finder;
        this.json = json;
        this.events = events;
    }

    /** Lets tests move time forward to check the 30-day limit. */
    void clock(Clock clock) {
        this.clock = clock;
    }

    /** The clock that decides whether a merge may still be undone. */
    Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    /**
     * Merges {@code mergedId} into {@code survivorId}; {@code choices} maps a field of {@link #FIELDS} to
     * {@link #SURVIVOR} (the default) or {@link #MERGED}. Returns the merge.
     */
    @Transactional
    public Merge merge(UUID organizationId, UUID survivorId, UUID mergedId, Map<String, String> choices) {
        if (survivorId.equals(mergedId)) {
            throw ProblemException.badRequest(
                    "Same record", "A record cannot be merged with itself; choose the other record of the person.");
        }
        for (var entry : choices.entrySet()) {
            if (!FIELDS.contains(entry.getKey())) {
                throw ProblemException.invalidField(
                        "choices", "choose among the fields " + String.join(", ", FIELDS) + ".");
            }
            if (!SURVIVOR.equals(entry.getValue()) && !MERGED.equals(entry.getValue())) {
                throw ProblemException.invalidField(
                        "choices", "say \"survivor\" or \"merged\" for " + entry.getKey() + ".");
            }
        }
        var survivor = lock(organizationId, survivorId);
        var merged = lock(organizationId, mergedId);
        if (survivor.mergedInto() != null || merged.mergedInto() != null) {
            var which = survivor.mergedInto() != null ? survivor : merged;
            throw ProblemException.conflict(
                    "Already merged",
                    which.learnerNumber() + " was already merged into another record; merge with that record instead.");
        }
        var taken = new ArrayList<String>();
        for (var field : FIELDS) {
            if (MERGED.equals(choices.get(field))) {
                taken.add(field);
            }
        }
        var result = combine(survivor, merged, taken);
        var stamp = ChangeStamp.now(organizationId);
        var mergeId = UUID.randomUUID();
        var now = Timestamps.now();
        jdbc.sql("INSERT INTO learner_merge (id, organization_id, survivor_id, merged_id, survivor_before,"
                        + " merged_before, choices, merged_by_id, merged_by_name, merged_at)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(
                        mergeId,
                        organizationId,
                        survivorId,
                        mergedId,
                        json.writeValueAsString(survivor),
                        json.writeValueAsString(merged),
                        taken.isEmpty()
                                ? "all from the survivor"
                                : "from the merged record: " + String.join(", ", taken),
                        stamp.actorId(),
                        stamp.actorName(),
                        Timestamps.sql(now()))
                .update();
        for (var table : MOVED.entrySet()) {
            var ids = jdbc.sql("SELECT " + table.getValue() + " FROM " + table.getKey()
                            + " WHERE learner_id = ? AND organization_id = ?")
                    .params(mergedId, organizationId)
                    .query(UUID.class)
                    .list();
            for (var id : ids) {
                jdbc.sql("INSERT INTO learner_merge_moved (merge_id, row_table, row_id) VALUES (?, ?, ?)")
                        .params(mergeId, table.getKey(), id)
                        .update();
            }
            jdbc.sql("UPDATE " + table.getKey() + " SET learner_id = ? WHERE learner_id = ? AND organization_id = ?")
                    .params(survivorId, mergedId, organizationId)
                    .update();
        }
        // The account link follows the person: the survivor takes it when it has none (the constraint wants one each).
        var mergedRow = withMerge(merged, survivorId, now, survivor.personId() == null ? null : merged.personId());
        write(organizationId, mergedRow);
        write(organizationId, result);
        finder.refreshKeys(organizationId, mergedId);
        finder.refreshKeys(organizationId, survivorId);
        events.publishEvent(new LearnersMerged(
                stamp,
                mergeId,
                survivorId,
                survivor.learnerNumber(),
                result.name(),
                mergedId,
                merged.learnerNumber(),
                taken));
        return find(organizationId, mergeId);
    }

    /** Undoes a merge within 30 days: both records, and every row that moved, are back as before it. */
    @Transactional
    public Merge undo(UUID organizationId, UUID mergeId, @Nullable String reason) {
        var merge = find(organizationId, mergeId);
        if (merge.undoneAt() != null) {
            throw ProblemException.conflict("Already undone", "This merge was undone already; both records exist.");
        }
        if (!merge.undoable(now())) {
            throw new ProblemException(
                    HttpStatus.CONFLICT,
                    "Too late to undo",
                    "A merge can be undone for 30 days; this one was made on "
                            + merge.mergedAt().truncatedTo(ChronoUnit.SECONDS)
                            + ". Separate the records by hand: create a record and move the contacts that belong to it.",
                    Map.of("mergedAt", merge.mergedAt().toString(), "undoWindowDays", UNDO_WINDOW.toDays()));
        }
        var row = jdbc.sql("SELECT survivor_before, merged_before FROM learner_merge WHERE id = ?")
                .param(mergeId)
                .query((rs, n) -> new String[] {rs.getString("survivor_before"), rs.getString("merged_before")})
                .single();
        var survivorBefore = json.readValue(row[0], Snapshot.class);
        var mergedBefore = json.readValue(row[1], Snapshot.class);
        var survivorNow = lock(organizationId, merge.survivorId());
        lock(organizationId, merge.mergedId());
        if (survivorNow.mergedInto() != null) {
            throw ProblemException.conflict(
                    "Undo the later merge first",
                    survivorNow.learnerNumber() + " was itself merged into another record since; undo that merge"
                            + " first.");
        }
        for (var table : MOVED.entrySet()) {
            jdbc.sql("UPDATE " + table.getKey() + " SET learner_id = ? WHERE organization_id = ? AND "
                            + table.getValue() + " IN (SELECT row_id FROM learner_merge_moved WHERE merge_id = ?"
                            + " AND row_table = ?)")
                    .params(merge.mergedId(), organizationId, mergeId, table.getKey())
                    .update();
        }
        // The survivor first gives back an account link it took, then the merged record gets its own back.
        write(organizationId, survivorBefore);
        write(organizationId, mergedBefore);
        var stamp = ChangeStamp.now(organizationId);
        jdbc.sql("UPDATE learner_merge SET undone_at = ?, undone_by_id = ?, undone_by_name = ? WHERE id = ?")
                .params(Timestamps.sql(now()), stamp.actorId(), stamp.actorName(), mergeId)
                .update();
        finder.refreshKeys(organizationId, merge.mergedId());
        finder.refreshKeys(organizationId, merge.survivorId());
        var why = reason == null || reason.isBlank() ? "not the same person" : reason.trim();
        events.publishEvent(new LearnerMergeUndone(
                stamp,
                mergeId,
                merge.survivorId(),
                merge.survivorNumber(),
                merge.mergedId(),
                merge.mergedNumber(),
                why));
        return find(organizationId, mergeId);
    }

    /** A merge of the organization. */
    @Transactional(readOnly = true)
    public Merge find(UUID organizationId, UUID mergeId) {
        return jdbc.sql(SELECT + " WHERE m.id = ? AND m.organization_id = ?")
                .params(mergeId, organizationId)
                .query(Merges::merge)
                .optional()
                .orElseThrow(() -> ProblemException.notFound("That merge"));
    }

    /** The organization's merges, newest first. */
    @Transactional(readOnly = true)
    public PageResult<Merge> page(UUID organizationId, PageQuery query) {
        long total = jdbc.sql("SELECT count(*) FROM learner_merge WHERE organization_id = ?")
                .param(organizationId)
                .query(Long.class)
                .single();
        var items = jdbc.sql(SELECT + " WHERE m.organization_id = ? ORDER BY m.merged_at DESC, m.id LIMIT ? OFFSET ?")
                .params(organizationId, query.size(), query.offset())
                .query(Merges::merge)
                .list();
        return PageResult.of(items, query, total);
    }

    /** The record a retired record was merged into, if it was. */
    @Transactional(readOnly = true)
    public Optional<UUID> survivorOf(UUID organizationId, UUID learnerId) {
        return jdbc.sql(
                        "SELECT merged_into FROM learner WHERE id = ? AND organization_id = ? AND merged_into IS NOT NULL")
                .params(learnerId, organizationId)
                .query(UUID.class)
                .optional();
    }

    private static final String SELECT = "SELECT m.*, s.learner_number AS s_number, s.legal_given_name AS s_given,"
            + " s.legal_family_name AS s_family, o.learner_number AS o_number, o.legal_given_name AS o_given,"
            + " o.legal_family_name AS o_family FROM learner_merge m JOIN learner s ON s.id = m.survivor_id"
            + " JOIN learner o ON o.id = m.merged_id";

    private static Merge merge(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        var undone = rs.getObject("undone_at", OffsetDateTime.class);
        return new Merge(
                rs.getObject("id", UUID.class),
                rs.getObject("survivor_id", UUID.class),
                rs.getString("s_number"),
                rs.getString("s_given") + " " + rs.getString("s_family"),
                rs.getObject("merged_id", UUID.class),
                rs.getString("o_number"),
                rs.getString("o_given") + " " + rs.getString("o_family"),
                rs.getString("choices"),
                rs.getString("merged_by_name"),
                rs.getObject("merged_at", OffsetDateTime.class).toInstant(),
                undone == null ? null : undone.toInstant(),
                rs.getString("undone_by_name"));
    }

    /** Both records of the organization, locked for the merge; refuses a record of another organization clearly. */
    private Snapshot lock(UUID organizationId, UUID learnerId) {
        var row = jdbc.sql("SELECT * FROM learner WHERE id = ? FOR UPDATE")
                .param(learnerId)
                .query((rs, n) -> Map.entry(rs.getObject("organization_id", UUID.class), Snapshot.of(rs, n)))
                .optional()
                .orElseThrow(() -> ProblemException.notFound("That learner"));
        if (!row.getKey().equals(organizationId)) {
            throw ProblemException.conflict(
                    "Another organization",
                    "Records of two organizations are never merged; each organization keeps its own record of a"
                            + " person.");
        }
        return row.getValue();
    }

    private static Snapshot combine(Snapshot s, Snapshot m, List<String> taken) {
        var program = taken.contains("program") ? m : s;
        var given = taken.contains("legalGivenName") ? m.legalGivenName() : s.legalGivenName();
        var family = taken.contains("legalFamilyName") ? m.legalFamilyName() : s.legalFamilyName();
        var preferred = taken.contains("preferredName") ? m.preferredName() : s.preferredName();
        return new Snapshot(
                s.id(),
                s.personId() != null ? s.personId() : m.personId(),
                s.learnerNumber(),
                given,
                family,
                preferred,
                taken.contains("dateOfBirth") ? m.dateOfBirth() : s.dateOfBirth(),
                taken.contains("pronouns") ? m.pronouns() : s.pronouns(),
                taken.contains("status") ? m.status() : s.status(),
                program.programId(),
                program.programCode(),
                program.programName(),
                program.programVersion(),
                program.catalogYear(),
                program.matriculatedOn(),
                taken.contains("directoryOptOut") ? m.directoryOptOut() : s.directoryOptOut(),
                String.join(" ", given, family, preferred == null ? "" : preferred, s.learnerNumber())
                        .toLowerCase(Locale.ROOT),
                Timestamps.now(),
                null);
    }

    private static Snapshot withMerge(Snapshot m, UUID survivorId, Instant at, @Nullable UUID personId) {
        return new Snapshot(
                m.id(),
                personId,
                m.learnerNumber(),
                m.legalGivenName(),
                m.legalFamilyName(),
                m.preferredName(),
                m.dateOfBirth(),
                m.pronouns(),
                m.status(),
                m.programId(),
                m.programCode(),
                m.programName(),
                m.programVersion(),
                m.catalogYear(),
                m.matriculatedOn(),
                m.directoryOptOut(),
                m.searchText(),
                at,
                survivorId);
    }

    private void write(UUID organizationId, Snapshot s) {
        LearnerStatus.valueOf(s.status());
        jdbc.sql("""
                        UPDATE learner SET person_id = ?, legal_given_name = ?, legal_family_name = ?, preferred_name = ?,
                          date_of_birth = ?, pronouns = ?, status = ?, program_id = ?, program_code = ?, program_name = ?,
                          program_version = ?, catalog_year = ?, matriculated_on = ?, directory_opt_out = ?,
                          search_text = ?, updated_at = ?, merged_into = ?, merged_at = ?
                        WHERE id = ? AND organization_id = ?""")
                .params(
                        s.personId(),
                        s.legalGivenName(),
                        s.legalFamilyName(),
                        s.preferredName(),
                        s.dateOfBirth(),
                        s.pronouns(),
                        s.status(),
                        s.programId(),
                        s.programCode(),
                        s.programName(),
                        s.programVersion(),
                        s.catalogYear(),
                        s.matriculatedOn(),
                        s.directoryOptOut(),
                        s.searchText(),
                        Timestamps.sql(s.updatedAt()),
                        s.mergedInto(),
                        s.mergedInto() == null ? null : Timestamps.sql(s.updatedAt()),
                        s.id(),
                        organizationId)
                .update();
    }
}
