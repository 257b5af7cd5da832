package org.credo.scheduling.timetabling.run;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.credo.platform.PageQuery;
import org.credo.platform.PageResult;
import org.credo.platform.Timestamps;
import org.credo.scheduling.timetabling.run.TimetablingRun.ScorePoint;
import org.credo.scheduling.timetabling.run.TimetablingRun.Status;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code timetabling_run} table; every query is scoped to one organization, save the solver's own writes. */
@Repository
class RunTable {

    static final List<String> SORTABLE = List.of("started", "name", "status");
    private static final Map<String, String> COLUMNS =
            Map.of("started", "started_at", "name", "name", "status", "status");
    private static final String VIEW_COLUMNS =
            "id, name, lecture_count, time_limit_seconds, status, stop_requested, term_id,"
                    + " stopped_by, hard_score, soft_score, first_feasible_millis, score_history, solution IS NOT NULL AS"
                    + " has_solution, failure, started_by_name, started_at, finished_at";

    /** A run whose solving node has not written for this long is taken as abandoned. */
    static final Duration ABANDONED = Duration.ofMinutes(2);

    private final JdbcClient jdbc;

    RunTable(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Inserts a running run; fails with a duplicate key when the organization already has one running. */
    void insert(
            UUID id,
            UUID organizationId,
            String name,
            String input,
            @Nullable String pinned,
            int lectures,
            int timeLimitSeconds,
            @Nullable UUID startedById,
            String startedByName,
            Instant now,
            @Nullable TermBinding term) {
        jdbc.sql("INSERT INTO timetabling_run (id, organization_id, active_organization_id, name, input, pinned,"
                        + " lecture_count, time_limit_seconds, status, started_by_id, started_by_name, started_at,"
                        + " heartbeat_at, term_id, term_map) VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'RUNNING', ?, ?, ?, ?,"
                        + " ?, ?)")
                .params(
                        id,
                        organizationId,
                        organizationId,
                        name,
                        input,
                        pinned,
                        lectures,
                        timeLimitSeconds,
                        startedById,
                        startedByName,
                        Timestamps.sql(now),
                        Timestamps.sql(now),
                        term == null ? null : term.termId(),
                        term == null ? null : term.map())
                .update();
    }

    /** Whether the organization has a run solving. */
    boolean hasRunning(UUID organizationId) {
        return jdbc.sql("SELECT COUNT(*) FROM timetabling_run WHERE organization_id = ? AND status = 'RUNNING'")
                        .param(organizationId)
                        .query(Long.class)
                        .single()
                > 0;
    }

    /** Marks the organization's runs whose node stopped writing as failed, which frees the organization's slot. */
    int failAbandoned(UUID organizationId, Instant now) {
        return jdbc.sql("UPDATE timetabling_run SET status = 'FAILED', active_organization_id = NULL, failure = ?,"
                        + " finished_at = ? WHERE organization_id = ? AND status = 'RUNNING' AND heartbeat_at < ?")
                .params(
                        "The node that was solving stopped answering; start the run again.",
                        Timestamps.sql(now),
                        organizationId,
                        Timestamps.sql(now.minus(ABANDONED)))
                .update();
    }

    /** Writes the best score found so far, the timetable when given, and that the solving node is alive. */
    void progress(
            UUID id,
            @Nullable Integer hard,
            @Nullable Integer soft,
            @Nullable Long firstFeasibleMillis,
            String history,
            @Nullable String solution,
            Instant now) {
        jdbc.sql("UPDATE timetabling_run SET hard_score = ?, soft_score = ?, first_feasible_millis = ?,"
                        + " score_history = ?, solution = COALESCE(?, solution), heartbeat_at = ? WHERE id = ?")
                .params(hard, soft, firstFeasibleMillis, history, solution, Timestamps.sql(now), id)
                .update();
    }

    void finish(UUID id, Status status, @Nullable String failure, Instant now) {
        jdbc.sql("UPDATE timetabling_run SET status = ?, failure = ?, finished_at = ?, heartbeat_at = ?,"
                        + " active_organization_id = NULL WHERE id = ?")
                .params(status.name(), failure, Timestamps.sql(now), Timestamps.sql(now), id)
                .update();
    }

    /** Asks the solving node (this one or another) to stop the run; false when it is not running. */
    boolean requestStop(UUID organizationId, UUID id, String by) {
        return jdbc.sql("UPDATE timetabling_run SET stop_requested = TRUE, stopped_by = ? WHERE organization_id = ?"
                                + " AND id = ? AND status = 'RUNNING'")
                        .params(by, organizationId, id)
                        .update()
                > 0;
    }

    boolean stopRequested(UUID id) {
        return jdbc.sql("SELECT stop_requested FROM timetabling_run WHERE id = ?")
                .param(id)
                .query(Boolean.class)
                .optional()
                .orElse(false);
    }

    Optional<TimetablingRun> find(UUID organizationId, UUID id) {
        return jdbc.sql("SELECT " + VIEW_COLUMNS + " FROM timetabling_run WHERE organization_id = ? AND id = ?")
                .params(organizationId, id)
                .query(RunTable::view)
                .optional();
    }

    /** The instance text and pinned lectures of a run. */
    Optional<Input> input(UUID organizationId, UUID id) {
        return jdbc.sql("SELECT input, pinned, solution, status, term_id, term_map FROM timetabling_run"
                        + " WHERE organization_id = ? AND id = ?")
                .params(organizationId, id)
                .query((rs, n) -> {
                    var termId = rs.getObject("term_id", UUID.class);
                    return new Input(
                            rs.getString("input"),
                            rs.getString("pinned"),
                            rs.getString("solution"),
                            Status.valueOf(rs.getString("status")),
                            termId == null ? null : new TermBinding(termId, rs.getString("term_map")));
                })
                .optional();
    }

    /** What a run was given, its best timetable so far, and for a term's run the term it maps back onto. */
    record Input(
            String ctt,
            @Nullable String pinned,
            @Nullable String solution,
            Status status,
            @Nullable TermBinding term) {}

    PageResult<TimetablingRun> page(UUID organizationId, PageQuery query) {
        long total = jdbc.sql("SELECT COUNT(*) FROM timetabling_run WHERE organization_id = ?")
                .param(organizationId)
                .query(Long.class)
                .single();
        var items = jdbc.sql("SELECT " + VIEW_COLUMNS + " FROM timetabling_run WHERE organization_id = ? ORDER BY "
                        + query.orderBy(COLUMNS, "id") + " LIMIT ? OFFSET ?")
                .params(organizationId, query.size(), query.offset())
                .query(RunTable::view)
                .list();
        return PageResult.of(items, query, total);
    }

    private static TimetablingRun view(ResultSet rs, int n) throws SQLException {
        var finished = rs.getObject("finished_at", OffsetDateTime.class);
        return new TimetablingRun(
                rs.getObject("id", UUID.class),
                rs.getString("name"),
                rs.getInt("lecture_count"),
                rs.getInt("time_limit_seconds"),
                Status.valueOf(rs.getString("status")),
                rs.getBoolean("stop_requested"),
                rs.getString("stopped_by"),
                (Integer) rs.getObject("hard_score", Integer.class),
                (Integer) rs.getObject("soft_score", Integer.class),
                (Long) rs.getObject("first_feasible_millis", Long.class),
                history(rs.getString("score_history")),
                rs.getBoolean("has_solution"),
                rs.getString("failure"),
                rs.getString("started_by_name"),
                rs.getObject("started_at", OffsetDateTime.class).toInstant(),
                finished == null ? null : finished.toInstant(),
                rs.getObject("term_id", UUID.class));
    }

    /** The score history as stored: one {@code millis hard soft} line per improvement. */
    static String history(List<ScorePoint> points) {
        var out = new StringBuilder();
        points.forEach(p -> out.append(p.millis())
                .append(' ')
                .append(p.hard())
                .append(' ')
                .append(p.soft())
                .append('\n'));
        return out.toString();
    }

    static List<ScorePoint> history(@Nullable String text) {
        var points = new ArrayList<ScorePoint>();
        if (text != null) {
            for (var line : text.split("\n")) {
                if (!line.isBlank()) {
                    var t = line.trim().split(" ");
                    points.add(new ScorePoint(Long.parseLong(t[0]), Integer.parseInt(t[1]), Integer.parseInt(t[2])));
                }
            }
        }
        return points;
    }
}
