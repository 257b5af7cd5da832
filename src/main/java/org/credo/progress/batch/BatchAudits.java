package org.credo.progress.batch;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.credo.learners.LearnerStatus;
import org.credo.learners.Learners;
import org.credo.platform.ProblemException;
import org.credo.platform.Timestamps;
import org.credo.progress.audit.AuditResult;
import org.credo.progress.record.Audits;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Audits every active learner of an organization in the background, storing each result with its inputs'
 * fingerprint (a learner whose fingerprint did not change keeps their stored result), and lists who is complete,
 * close or blocked.
 */
@Service
public class BatchAudits implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(BatchAudits.class);
    private static final int PAGE = 500;
    private static final int CLOSE_PERCENT = 75;

    /** A run, as its page shows it. */
    public record Run(
            UUID runId,
            String state,
            int total,
            int done,
            int reused,
            String startedBy,
            Instant startedAt,
            @Nullable Instant finishedAt,
            @Nullable String failure) {

        /** How far the run is, 0 to 100. */
        public int percent() {
            return total == 0 ? 100 : Math.min(100, done * 100 / total);
        }
    }

    /** A learner's stored result. */
    public record Standing(
            UUID learnerId,
            String learnerName,
            String programCode,
            String standing,
            int percent,
            String stillNeeded,
            Instant auditedAt) {}

    private final JdbcClient jdbc;
    private final Learners learners;
    private final Audits audits;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        var t = new Thread(r, "batch-audit");
        t.setDaemon(true);
        return t;
    });

    BatchAudits(JdbcClient jdbc, Learners learners, Audits audits) {
        this.jdbc = jdbc;
        this.learners = learners;
        this.audits = audits;
    }

    /** Starts a run for the organization, unless one is running; returns its id at once. */
    public UUID start(UUID organizationId, ZoneId zone, String byName) {
        if (latest(organizationId).filter(r -> r.state().equals("RUNNING")).isPresent()) {
            throw ProblemException.conflict(
                    "A batch audit is running", "Wait for the running batch audit to finish, then start another.");
        }
        var id = UUID.randomUUID();
        int total = learners.addressees(organizationId, null, LearnerStatus.ACTIVE, Integer.MAX_VALUE)
                .size();
        jdbc.sql("INSERT INTO audit_run (id, organization_id, state, total, done_count, reused_count, started_by_name,"
                        + " started_at) VALUES (?, ?, 'RUNNING', ?, 0, 0, ?, ?)")
                .params(id, organizationId, total, byName, Timestamps.sql(Timestamps.now()))
                .update();
        worker.submit(() -> run(organizationId, id, LocalDate.now(zone)));
        return id;
    }

    void run(UUID organizationId, UUID runId, LocalDate today) {
        int done = 0;
        int reused = 0;
        try {
            UUID after = null;
            while (true) {
                var page = learners.addresseesAfter(organizationId, null, LearnerStatus.ACTIVE, after, PAGE);
                for (var learner : page) {
                    var inputs = audits.inputs(organizationId, learner.learnerId(), null, List.of(), today);
                    if (inputs.isPresent()) {
                        var stored = jdbc.sql("SELECT fingerprint FROM audit_result WHERE organization_id = ?"
                                        + " AND learner_id = ?")
                                .params(organizationId, learner.learnerId())
                                .query(String.class)
                                .optional();
                        if (stored.filter(inputs.get().fingerprint()::equals).isPresent()) {
                            reused++;
                        } else {
                            store(organizationId, runId, inputs.get(), audits.run(organizationId, inputs.get()));
                        }
                    }
                    done++;
                }
                jdbc.sql("UPDATE audit_run SET done_count = ?, reused_count = ? WHERE id = ?")
                        .params(done, reused, runId)
                        .update();
                if (page.size() < PAGE) {
                    break;
                }
                after = page.get(page.size() - 1).learnerId();
            }
            finish(runId, "DONE", null);
        } catch (RuntimeException e) {
            log.warn("Batch audit {} failed after {} learners", runId, done, e);
            finish(runId, "FAILED", e.getMessage());
        }
    }

    private void store(UUID organizationId, UUID runId, Audits.Inputs inputs, org.credo.progress.LearnerAudit audit) {
        var result = audit.result();
        String standing;
        if (result.status() == AuditResult.AuditStatus.MET) {
            standing = "COMPLETE";
        } else if (result.status() == AuditResult.AuditStatus.IN_PROGRESS || result.percent() >= CLOSE_PERCENT) {
            standing = "CLOSE";
        } else {
            standing = result.inProgressPercent() > 0 ? "ON_TRACK" : "BLOCKED";
        }
        var needed = result.requirements().stream()
                .filter(l -> l.depth() > 0
                        && !l.stillNeeded().isEmpty()
                        && l.courses().isEmpty())
                .map(l -> l.title() + ": " + l.stillNeeded())
                .limit(4)
                .toList();
        var text = String.join("; ", needed);
        var values = new Object[] {
            runId,
            audit.learnerName(),
            audit.programCode(),
            audit.programVersion(),
            inputs.fingerprint(),
            standing,
            result.percent(),
            text.length() > 1000 ? text.substring(0, 997) + "..." : text,
            Timestamps.sql(Timestamps.now()),
            organizationId,
            audit.learnerId()
        };
        int updated = jdbc.sql("UPDATE audit_result SET run_id = ?, learner_name = ?, program_code = ?,"
                        + " program_version = ?, fingerprint = ?, standing = ?, percent_done = ?, still_needed = ?,"
                        + " audited_at = ? WHERE organization_id = ? AND learner_id = ?")
                .params(values)
                .update();
        if (updated == 0) {
            jdbc.sql("INSERT INTO audit_result (run_id, learner_name, program_code, program_version, fingerprint,"
                            + " standing, percent_done, still_needed, audited_at, organization_id, learner_id)"
                            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                    .params(values)
                    .update();
        }
    }

    private void finish(UUID runId, String state, @Nullable String failure) {
        jdbc.sql("UPDATE audit_run SET state = ?, finished_at = ?, failure = ? WHERE id = ?")
                .params(state, Timestamps.sql(Timestamps.now()), failure, runId)
                .update();
    }

    /** The organization's latest run. */
    public Optional<Run> latest(UUID organizationId) {
        return jdbc.sql("SELECT * FROM audit_run WHERE organization_id = ? ORDER BY started_at DESC LIMIT 1")
                .param(organizationId)
                .query((rs, n) -> new Run(
                        rs.getObject("id", UUID.class),
                        rs.getString("state"),
                        rs.getInt("total"),
                        rs.getInt("done_count"),
                        rs.getInt("reused_count"),
                        rs.getString("started_by_name"),
                        rs.getTimestamp("started_at").toInstant(),
                        rs.getTimestamp("finished_at") == null
                                ? null
                                : rs.getTimestamp("finished_at").toInstant(),
                        rs.getString("failure")))
                .optional();
    }

    /** How many learners stand where (COMPLETE, CLOSE, ON_TRACK, BLOCKED). */
    public long count(UUID organizationId, String standing) {
        return jdbc.sql("SELECT count(*) FROM audit_result WHERE organization_id = ? AND standing = ?")
                .params(organizationId, standing)
                .query(Long.class)
                .single();
    }

    /** The learners who stand where, by name, at most {@code limit}. */
    public List<Standing> standing(UUID organizationId, String standing, int limit) {
        return jdbc.sql("SELECT * FROM audit_result WHERE organization_id = ? AND standing = ?"
                        + " ORDER BY learner_name, learner_id LIMIT ?")
                .params(organizationId, standing, limit)
                .query((rs, n) -> new Standing(
                        rs.getObject("learner_id", UUID.class),
                        rs.getString("learner_name"),
                        rs.getString("program_code"),
                        rs.getString("standing"),
                        rs.getInt("percent_done"),
                        rs.getString("still_needed"),
                        rs.getTimestamp("audited_at").toInstant()))
                .list();
    }

    @Override
    public void destroy() {
        worker.shutdownNow();
    }
}
