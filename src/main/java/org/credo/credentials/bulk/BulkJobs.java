package org.credo.credentials.bulk;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.credo.credentials.issuance.IssueRequest;
import org.credo.platform.Timestamps;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.SqlArrayValue;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;

/** Bulk jobs, their stored rows and their chunks; every query for a caller names the organization. */
@Repository
class BulkJobs {

    /** A claimed unit of work. */
    record Chunk(UUID jobId, int number, int firstRow, int lastRow) {}

    private final JdbcClient jdbc;
    private final JdbcTemplate template;
    private final JsonMapper json;

    BulkJobs(JdbcClient jdbc, JdbcTemplate template, JsonMapper json) {
        this.jdbc = jdbc;
        this.template = template;
        this.json = json;
    }

    void insert(BulkJob job, @Nullable String errorsJson) {
        jdbc.sql("""
                INSERT INTO bulk_job (id, organization_id, created_by, created_by_id, file_name, file_sha256,
                  idempotency_key, cryptosuite, total_rows, issued_count, status, error_count, errors, created_at,
                  updated_at, preview_expires_at, confirmed_at, confirmed_by)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(
                        job.id(),
                        job.organizationId(),
                        job.createdBy(),
                        job.createdById(),
                        job.fileName(),
                        job.fileSha256(),
                        job.idempotencyKey(),
                        job.cryptosuite(),
                        job.totalRows(),
                        job.status().name(),
                        job.errorCount(),
                        errorsJson,
                        Timestamps.sql(job.createdAt()),
                        Timestamps.sql(job.updatedAt()),
                        job.previewExpiresAt() == null ? null : Timestamps.sql(job.previewExpiresAt()),
                        job.confirmedAt() == null ? null : Timestamps.sql(job.confirmedAt()),
                        job.confirmedBy())
                .update();
    }

    /**
     * Turns a preview into a queued job; true for the one caller that did. A second confirmation,
     * or one after the preview expired, changes nothing.
     */
    boolean confirm(UUID organizationId, UUID id, String by) {
        var now = Timestamps.sql(Timestamps.now());
        return jdbc.sql(
                                "UPDATE bulk_job SET status = 'QUEUED', confirmed_at = ?, confirmed_by = ?, updated_at = ?"
                                        + " WHERE organization_id = ? AND id = ? AND status = 'PREVIEW' AND preview_expires_at > ?")
                        .params(now, by, now, organizationId, id, now)
                        .update()
                == 1;
    }

    /** Marks previews whose time ran out as expired and drops their stored rows. */
    int expirePreviews() {
        var now = Timestamps.sql(Timestamps.now());
        var expired = jdbc.sql("SELECT id FROM bulk_job WHERE status = 'PREVIEW' AND preview_expires_at <= ?")
                .param(now)
                .query(UUID.class)
                .list();
        for (var id : expired) {
            if (jdbc.sql("UPDATE bulk_job SET status = 'EXPIRED', updated_at = ? WHERE id = ? AND status = 'PREVIEW'")
                            .params(now, id)
                            .update()
                    == 1) {
                forgetRows(id);
            }
        }
        return expired.size();
    }

    /** Removes an expired or superseded preview entirely, so its file can be uploaded afresh. */
    void deletePreview(UUID organizationId, UUID id) {
        forgetRows(id);
        jdbc.sql("DELETE FROM bulk_job WHERE organization_id = ? AND id = ? AND status IN ('PREVIEW', 'EXPIRED')")
                .params(organizationId, id)
                .update();
    }

    private void forgetRows(UUID id) {
        jdbc.sql("DELETE FROM bulk_job_chunk WHERE job_id = ?").param(id).update();
        jdbc.sql("DELETE FROM bulk_job_row WHERE job_id = ?").param(id).update();
    }

    /** The first stored rows of a job, in file order, to show how they will be issued. */
    List<BulkFile.ValidRow> firstRows(UUID jobId, int limit) {
        return jdbc.sql("SELECT row_number, request FROM bulk_job_row WHERE job_id = ? ORDER BY row_number LIMIT ?")
                .params(jobId, limit)
                .query((rs, n) ->
                        new BulkFile.ValidRow(rs.getInt(1), json.readValue(rs.getString(2), IssueRequest.class)))
                .list();
    }

    /** Stores validated rows and cuts them into chunks of {@code chunkSize}. */
    void insertRows(UUID jobId, List<BulkFile.ValidRow> rows, int chunkSize) {
        var batch = new ArrayList<Object[]>(1000);
        for (var row : rows) {
            batch.add(new Object[] {jobId, row.row(), json.writeValueAsString(row.request())});
            if (batch.size() == 1000) {
                template.batchUpdate("INSERT INTO bulk_job_row (job_id, row_number, request) VALUES (?, ?, ?)", batch);
                batch.clear();
            }
        }
        if (!batch.isEmpty()) {
            template.batchUpdate("INSERT INTO bulk_job_row (job_id, row_number, request) VALUES (?, ?, ?)", batch);
        }
        var chunks = new ArrayList<Object[]>();
        for (int i = 0, n = 0; i < rows.size(); i += chunkSize, n++) {
            int last = Math.min(i + chunkSize, rows.size()) - 1;
            chunks.add(new Object[] {jobId, n, rows.get(i).row(), rows.get(last).row(), last - i + 1});
        }
        template.batchUpdate(
                "INSERT INTO bulk_job_chunk (job_id, chunk_number, first_row, last_row, row_count, status)"
                        + " VALUES (?, ?, ?, ?, ?, 'PENDING')",
                chunks);
    }

    Optional<BulkJob> find(UUID organizationId, UUID id) {
        return jdbc.sql("SELECT * FROM bulk_job WHERE organization_id = ? AND id = ?")
                .params(organizationId, id)
                .query(BulkJobs::job)
                .optional();
    }

    Optional<BulkJob> findById(UUID id) {
        return jdbc.sql("SELECT * FROM bulk_job WHERE id = ?")
                .param(id)
                .query(BulkJobs::job)
                .optional();
    }

    Optional<BulkJob> findByFile(UUID organizationId, String sha256) {
        return jdbc.sql("SELECT * FROM bulk_job WHERE organization_id = ? AND file_sha256 = ?")
                .params(organizationId, sha256)
                .query(BulkJobs::job)
                .optional();
    }

    Optional<BulkJob> findByIdempotencyKey(UUID organizationId, String key) {
        return jdbc.sql("SELECT * FROM bulk_job WHERE organization_id = ? AND idempotency_key = ?")
                .params(organizationId, key)
                .query(BulkJobs::job)
                .optional();
    }

    List<BulkJob> recent(UUID organizationId, int limit) {
        return jdbc.sql("SELECT * FROM bulk_job WHERE organization_id = ? ORDER BY created_at DESC LIMIT ?")
                .params(organizationId, limit)
                .query(BulkJobs::job)
                .list();
    }

    @Nullable
    String errors(UUID organizationId, UUID id) {
        return jdbc.sql("SELECT errors FROM bulk_job WHERE organization_id = ? AND id = ?")
                .params(organizationId, id)
                .query(String.class)
                .optional()
                .orElse(null);
    }

    /**
     * Claims the next pending chunk of a queued or running job, skipping chunks another worker holds;
     * the claim lasts until the caller's transaction ends.
     */
    Optional<Chunk> claimChunk() {
        return jdbc.sql("""
                SELECT job_id, chunk_number, first_row, last_row FROM bulk_job_chunk
                WHERE status = 'PENDING'
                  AND job_id IN (SELECT id FROM bulk_job WHERE status IN ('QUEUED', 'RUNNING'))
                ORDER BY job_id, chunk_number
                LIMIT 1
                FOR UPDATE SKIP LOCKED""")
                .query((rs, n) -> new Chunk(rs.getObject(1, UUID.class), rs.getInt(2), rs.getInt(3), rs.getInt(4)))
                .optional();
    }

    /** The stored requests of rows first..last, by row number. */
    List<BulkFile.ValidRow> rows(UUID jobId, int firstRow, int lastRow) {
        return jdbc.sql("SELECT row_number, request FROM bulk_job_row WHERE job_id = ? AND row_number BETWEEN ? AND ?"
                        + " ORDER BY row_number")
                .params(jobId, firstRow, lastRow)
                .query((rs, n) ->
                        new BulkFile.ValidRow(rs.getInt(1), json.readValue(rs.getString(2), IssueRequest.class)))
                .list();
    }

    /** Whether a credential with this idempotency key was issued. */
    boolean keyExists(UUID organizationId, String key) {
        return jdbc.sql("SELECT count(*) FROM issued_credential WHERE organization_id = ? AND idempotency_key = ?")
                        .params(organizationId, key)
                        .query(Long.class)
                        .single()
                > 0;
    }

    /** Of these idempotency keys, those already on an issued credential. */
    List<String> existingKeys(UUID organizationId, List<String> keys) {
        if (keys.isEmpty()) {
            return List.of();
        }
        // One array parameter, not an IN list of hundreds: PostgreSQL keeps a plan that uses the unique index.
        return jdbc.sql("SELECT idempotency_key FROM issued_credential WHERE organization_id = ?"
                        + " AND idempotency_key = ANY (?)")
                .params(organizationId, new SqlArrayValue("varchar", keys.toArray()))
                .query(String.class)
                .list();
    }

    void chunkDone(Chunk chunk) {
        jdbc.sql("UPDATE bulk_job_chunk SET status = 'DONE', done_at = ? WHERE job_id = ? AND chunk_number = ?")
                .params(Timestamps.sql(Timestamps.now()), chunk.jobId(), chunk.number())
                .update();
    }

    /** Moves a queued job to running; true for the one caller that did. */
    boolean start(UUID jobId) {
        var now = Timestamps.sql(Timestamps.now());
        return jdbc.sql("UPDATE bulk_job SET status = 'RUNNING', started_at = COALESCE(started_at, ?), updated_at = ?"
                                + " WHERE id = ? AND status = 'QUEUED'")
                        .params(now, now, jobId)
                        .update()
                == 1;
    }

    /** Recounts issued rows from finished chunks; locks the job's row until the transaction ends. */
    void recount(UUID jobId) {
        jdbc.sql("""
                UPDATE bulk_job SET updated_at = ?, issued_count = (
                  SELECT COALESCE(SUM(row_count), 0) FROM bulk_job_chunk WHERE job_id = ? AND status = 'DONE')
                WHERE id = ?""").params(Timestamps.sql(Timestamps.now()), jobId, jobId).update();
    }

    int pendingChunks(UUID jobId) {
        return jdbc.sql("SELECT count(*) FROM bulk_job_chunk WHERE job_id = ? AND status = 'PENDING'")
                .param(jobId)
                .query(Integer.class)
                .single();
    }

    /** Marks a running job done; true for the one caller that did. */
    boolean finish(UUID jobId) {
        var now = Timestamps.sql(Timestamps.now());
        return jdbc.sql(
                                "UPDATE bulk_job SET status = 'DONE', issued_count = total_rows, finished_at = ?, updated_at = ?"
                                        + " WHERE id = ? AND status IN ('QUEUED', 'RUNNING')")
                        .params(now, now, jobId)
                        .update()
                == 1;
    }

    /** Marks a job failed with a reason; its remaining chunks are not issued. */
    boolean fail(UUID jobId, String errorsJson) {
        var now = Timestamps.sql(Timestamps.now());
        return jdbc.sql("UPDATE bulk_job SET status = 'FAILED', errors = ?, error_count = 1, finished_at = ?,"
                                + " updated_at = ? WHERE id = ? AND status IN ('QUEUED', 'RUNNING')")
                        .params(errorsJson, now, now, jobId)
                        .update()
                == 1;
    }

    /** Jobs that are queued or running but have no pending chunk left (their last chunk's worker missed it). */
    List<UUID> unfinishedWithoutWork() {
        return jdbc.sql("SELECT id FROM bulk_job j WHERE status IN ('QUEUED', 'RUNNING') AND NOT EXISTS"
                        + " (SELECT 1 FROM bulk_job_chunk c WHERE c.job_id = j.id AND c.status = 'PENDING')")
                .query(UUID.class)
                .list();
    }

    /** The credentials a job issued so far, newest first: id, row key, recipient and achievement. */
    List<IssuedRow> issued(UUID organizationId, UUID jobId, int limit, int offset) {
        return jdbc.sql("""
                SELECT c.id, c.idempotency_key, c.recipient_name, c.recipient_email, a.name AS achievement_name
                FROM issued_credential c JOIN achievement a ON a.id = c.achievement_id
                WHERE c.organization_id = ? AND c.idempotency_key LIKE ?
                ORDER BY c.issued_at DESC, c.id LIMIT ? OFFSET ?""")
                .params(organizationId, jobId + ":%", limit, offset)
                .query((rs, n) -> new IssuedRow(
                        rs.getObject(1, UUID.class),
                        Integer.parseInt(
                                rs.getString(2).substring(rs.getString(2).indexOf(':') + 1)),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getString(5)))
                .list();
    }

    /** A credential issued by a job, with the file row it came from. */
    public record IssuedRow(
            UUID credentialId, int row, String recipientName, String recipientEmail, String achievementName) {}

    static BulkJob job(ResultSet rs, int n) throws SQLException {
        return new BulkJob(
                rs.getObject("id", UUID.class),
                rs.getObject("organization_id", UUID.class),
                rs.getString("created_by"),
                rs.getObject("created_by_id", UUID.class),
                rs.getString("file_name"),
                rs.getString("file_sha256"),
                rs.getString("idempotency_key"),
                rs.getString("cryptosuite"),
                rs.getInt("total_rows"),
                rs.getInt("issued_count"),
                BulkJob.Status.valueOf(rs.getString("status")),
                rs.getInt("error_count"),
                rs.getTimestamp("created_at").toInstant(),
                rs.getTimestamp("updated_at").toInstant(),
                rs.getTimestamp("started_at") == null
                        ? null
                        : rs.getTimestamp("started_at").toInstant(),
                rs.getTimestamp("finished_at") == null
                        ? null
                        : rs.getTimestamp("finished_at").toInstant(),
                rs.getTimestamp("preview_expires_at") == null
                        ? null
                        : rs.getTimestamp("preview_expires_at").toInstant(),
                rs.getTimestamp("confirmed_at") == null
                        ? null
                        : rs.getTimestamp("confirmed_at").toInstant(),
                rs.getString("confirmed_by"));
    }
}
