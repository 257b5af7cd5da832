package org.credo.notifications;

import java.util.UUID;
import org.credo.platform.Timestamps;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The notifications facade: other modules enqueue email here, and it is sent after their transaction commits. */
@Service
public class Notifications {

    private final JdbcClient jdbc;

    Notifications(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Puts an email in the outbox within the caller's transaction; an email with the same dedup key
     * is never enqueued twice. Returns whether this call enqueued it.
     */
    @Transactional
    public boolean enqueue(
            UUID organizationId,
            String to,
            String subject,
            String textBody,
            @Nullable String htmlBody,
            String dedupKey) {
        var now = Timestamps.sql(Timestamps.now());
        var fittingSubject = subject.length() > 500 ? subject.substring(0, 499) + "…" : subject;
        // ON CONFLICT DO NOTHING, not a caught exception: on PostgreSQL a unique violation would
        // abort the caller's whole transaction.
        int inserted = jdbc.sql("""
                INSERT INTO email_outbox (id, organization_id, dedup_key, recipient, subject, text_body, html_body,
                  status, attempts, next_attempt_at, created_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, 'PENDING', 0, ?, ?)
                ON CONFLICT DO NOTHING""")
                .params(UUID.randomUUID(), organizationId, dedupKey, to, fittingSubject, textBody, htmlBody, now, now)
                .update();
        return inserted == 1;
    }
}
