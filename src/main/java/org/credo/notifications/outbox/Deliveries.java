package org.credo.notifications.outbox;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.credo.platform.Timestamps;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The outbox rows and their attempts; every staff query names the organization. */
@Repository
public class Deliveries {

    /** An email claimed for sending, with what is needed to send it. */
    record Claimed(
            UUID id,
            String recipient,
            String subject,
            String textBody,
            @Nullable String htmlBody,
            int attempts,
            @Nullable String headers) {}

    private static final String COLUMNS =
            "id, recipient, subject, status, attempts, next_attempt_at, last_error, created_at, sent_at";

    private final JdbcClient jdbc;

    Deliveries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Locks up to {@code limit} due emails that no other node holds, and leases them by moving their
     * next attempt forward; call inside a transaction.
     */
    List<Claimed> claimDue(int limit, Duration lease) {
        var now = Timestamps.now();
        var ids = jdbc.sql("""
                SELECT id FROM email_outbox
                WHERE status IN ('PENDING', 'FAILED') AND next_attempt_at <= ?
                ORDER BY next_attempt_at
                LIMIT ?
                FOR UPDATE SKIP LOCKED""")
                .params(Timestamps.sql(now), limit)
                .query(UUID.class)
                .list();
        return ids.stream()
                .map(id -> {
                    jdbc.sql("UPDATE email_outbox SET next_attempt_at = ? WHERE id = ?")
                            .params(Timestamps.sql(now.plus(lease)), id)
                            .update();
                    return jdbc.sql(
                                    "SELECT id, recipient, subject, text_body, html_body, attempts, headers FROM email_outbox WHERE id = ?")
                            .param(id)
                            .query((rs, n) -> new Claimed(
                                    rs.getObject(1, UUID.class),
                                    rs.getString(2),
                                    rs.getString(3),
                                    rs.getString(4),
                                    rs.getString(5),
                                    rs.getInt(6),
                                    rs.getString(7)))
                            .single();
                })
                .toList();
    }

    void sent(UUID id) {
        var now = Timestamps.sql(Timestamps.now());
        jdbc.sql("""
                UPDATE email_outbox SET status = 'SENT', attempts = attempts + 1, sent_at = ?, next_attempt_at = NULL,
                  last_error = NULL, text_body = '', html_body = NULL, headers = NULL WHERE id = ?""").params(now, id).update();
        attempt(id, true, null);
    }

    /** Records a failure and schedules the next attempt, or gives up when there is none. */
    void failed(UUID id, String error, @Nullable Instant nextAttempt) {
        var trimmed = error.length() > 1900 ? error.substring(0, 1900) : error;
        if (nextAttempt == null) {
            jdbc.sql("""
                    UPDATE email_outbox SET status = 'ABANDONED', attempts = attempts + 1, next_attempt_at = NULL,
                      last_error = ? WHERE id = ?""").params(trimmed, id).update();
        } else {
            jdbc.sql("""
                    UPDATE email_outbox SET status = 'FAILED', attempts = attempts + 1, next_attempt_at = ?,
                      last_error = ? WHERE id = ?""").params(Timestamps.sql(nextAttempt), trimmed, id).update();
        }
        attempt(id, false, trimmed);
    }

    private void attempt(UUID id, boolean succeeded, @Nullable String error) {
        jdbc.sql("INSERT INTO email_delivery_attempt (outbox_id, attempted_at, succeeded, error) VALUES (?, ?, ?, ?)")
                .params(id, Timestamps.sql(Timestamps.now()), succeeded, error)
                .update();
    }

    /** The newest emails of an organization, optionally only those with a status. */
    public List<Delivery> recent(UUID organizationId, Delivery.@Nullable Status status, int limit) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM email_outbox WHERE organization_id = ?"
                        + (status == null ? "" : " AND status = '" + status.name() + "'")
                        + " ORDER BY created_at DESC LIMIT ?")
                .params(organizationId, limit)
                .query(Deliveries::delivery)
                .list();
    }

    /** One email of an organization. */
    public Optional<Delivery> find(UUID organizationId, UUID id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM email_outbox WHERE organization_id = ? AND id = ?")
                .params(organizationId, id)
                .query(Deliveries::delivery)
                .optional();
    }

    /**
     * Makes a failed or abandoned email due now; an abandoned one gets one more attempt. Returns
     * whether there was such an email.
     */
    public boolean retryNow(UUID organizationId, UUID id) {
        return jdbc.sql("""
                        UPDATE email_outbox SET status = 'FAILED', next_attempt_at = ?
                        WHERE organization_id = ? AND id = ? AND status IN ('FAILED', 'ABANDONED')""")
                        .params(Timestamps.sql(Timestamps.now()), organizationId, id)
                        .update()
                == 1;
    }

    private static Delivery delivery(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        return new Delivery(
                rs.getObject("id", UUID.class),
                rs.getString("recipient"),
                rs.getString("subject"),
                Delivery.Status.valueOf(rs.getString("status")),
                rs.getInt("attempts"),
                instant(rs.getTimestamp("next_attempt_at")),
                rs.getString("last_error"),
                rs.getTimestamp("created_at").toInstant(),
                instant(rs.getTimestamp("sent_at")));
    }

    private static @Nullable Instant instant(java.sql.@Nullable Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
