package org.credo.notifications;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.credo.platform.Timestamps;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The notifications facade: other modules enqueue email here, and it is sent after their transaction commits. */
@Service
public class Notifications {

    private static final String INSERT = """
            INSERT INTO email_outbox (id, organization_id, dedup_key, recipient, subject, text_body, html_body,
              status, attempts, next_attempt_at, created_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, 'PENDING', 0, ?, ?)
            ON CONFLICT DO NOTHING""";

    /** An email to enqueue; the dedup key makes a second enqueue of the same email a no-op. */
    public record Email(
            UUID organizationId,
            String to,
            String subject,
            String textBody,
            @Nullable String htmlBody,
            String dedupKey) {}

    private final JdbcClient jdbc;
    private final JdbcTemplate template;

    Notifications(JdbcClient jdbc, JdbcTemplate template) {
        this.jdbc = jdbc;
        this.template = template;
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
        // ON CONFLICT DO NOTHING, not a caught exception: on PostgreSQL a unique violation would
        // abort the caller's whole transaction.
        int inserted = jdbc.sql(INSERT)
                .params(UUID.randomUUID(), organizationId, dedupKey, to, fit(subject), textBody, htmlBody, now, now)
                .update();
        return inserted == 1;
    }

    /** Many emails in one batch, within the caller's transaction (say, one per credential of a bulk chunk). */
    @Transactional
    public void enqueueAll(List<Email> emails) {
        var now = Timestamps.sql(Timestamps.now());
        var rows = emails.stream()
                .map(e -> new Object[] {
                    UUID.randomUUID(),
                    e.organizationId(),
                    e.dedupKey(),
                    e.to(),
                    fit(e.subject()),
                    e.textBody(),
                    e.htmlBody(),
                    now,
                    now
                })
                .toList();
        template.batchUpdate(INSERT, rows);
    }

    /** An email that the mail server accepted, by the dedup key it was enqueued with. */
    public record Delivered(String dedupKey, Instant sentAt) {}

    /**
     * When each of these emails of an organization was handed to the mail server, from the delivery log; emails
     * not sent (yet) are missing from the answer.
     */
    public List<Delivered> delivered(UUID organizationId, Collection<String> dedupKeys) {
        if (dedupKeys.isEmpty()) {
            return List.of();
        }
        var marks = String.join(", ", java.util.Collections.nCopies(dedupKeys.size(), "?"));
        var params = new java.util.ArrayList<Object>();
        params.add(organizationId);
        params.addAll(dedupKeys);
        return jdbc.sql("SELECT dedup_key, sent_at FROM email_outbox WHERE organization_id = ? AND status = 'SENT'"
                        + " AND dedup_key IN (" + marks + ")")
                .params(params)
                .query((rs, n) ->
                        new Delivered(rs.getString(1), rs.getTimestamp(2).toInstant()))
                .list();
    }

    private static String fit(String subject) {
        return subject.length() > 500 ? subject.substring(0, 499) + "…" : subject;
    }
}
