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

    private static final String INSERT_WITH_HEADERS = """
            INSERT INTO email_outbox (id, organization_id, dedup_key, recipient, subject, text_body, html_body,
              headers, status, attempts, next_attempt_at, created_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'PENDING', 0, ?, ?)
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

    /**
     * Puts an email with extra header lines (such as {@code List-Unsubscribe}) in the outbox, like
     * {@link #enqueue(UUID, String, String, String, String, String)}. Header names must be plain tokens and values
     * single lines; anything else is refused.
     */
    @Transactional
    public boolean enqueue(
            UUID organizationId,
            String to,
            String subject,
            String textBody,
            @Nullable String htmlBody,
            String dedupKey,
            java.util.Map<String, String> headers) {
        if (headers.isEmpty()) {
            return enqueue(organizationId, to, subject, textBody, htmlBody, dedupKey);
        }
        var lines = new StringBuilder();
        headers.forEach((name, value) -> {
            if (!name.matches("[A-Za-z0-9-]{1,60}") || value.contains("\r") || value.contains("\n")) {
                throw new IllegalArgumentException("A header must be a plain name and a one-line value: " + name);
            }
            lines.append(name).append(": ").append(value).append('\n');
        });
        var now = Timestamps.sql(Timestamps.now());
        return jdbc.sql(INSERT_WITH_HEADERS)
                        .params(
                                UUID.randomUUID(),
                                organizationId,
                                dedupKey,
                                to,
                                fit(subject),
                                textBody,
                                htmlBody,
                                lines.toString(),
                                now,
                                now)
                        .update()
                == 1;
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

    /**
     * Where an outbox email stands: PENDING (queued), SENT, FAILED (another attempt is scheduled) or ABANDONED.
     */
    public record State(
            String dedupKey,
            String status,
            @Nullable Instant sentAt,
            @Nullable String lastError) {}

    /** The outbox state of these emails of an organization, by dedup key; unknown keys are missing. */
    public java.util.Map<String, State> states(UUID organizationId, Collection<String> dedupKeys) {
        if (dedupKeys.isEmpty()) {
            return java.util.Map.of();
        }
        var marks = String.join(", ", java.util.Collections.nCopies(dedupKeys.size(), "?"));
        var params = new java.util.ArrayList<Object>();
        params.add(organizationId);
        params.addAll(dedupKeys);
        var states = new java.util.HashMap<String, State>();
        jdbc.sql("SELECT dedup_key, status, sent_at, last_error FROM email_outbox WHERE organization_id = ?"
                        + " AND dedup_key IN (" + marks + ")")
                .params(params)
                .query((rs, n) -> new State(
                        rs.getString(1),
                        rs.getString(2),
                        rs.getTimestamp(3) == null ? null : rs.getTimestamp(3).toInstant(),
                        rs.getString(4)))
                .list()
                .forEach(s -> states.put(s.dedupKey(), s));
        return states;
    }

    /** An email sent (or queued) to a person, as their timeline shows it. */
    public record Sent(
            UUID id,
            String recipient,
            String subject,
            String status,
            Instant createdAt,
            @Nullable Instant sentAt,
            @Nullable String lastError) {}

    /** The newest emails of an organization to any of these addresses (compared without case), at most limit. */
    public List<Sent> sentTo(UUID organizationId, Collection<String> addresses, int limit) {
        if (addresses.isEmpty()) {
            return List.of();
        }
        var marks = String.join(", ", java.util.Collections.nCopies(addresses.size(), "?"));
        var params = new java.util.ArrayList<Object>();
        params.add(organizationId);
        addresses.forEach(a -> params.add(a.trim().toLowerCase(java.util.Locale.ROOT)));
        params.add(limit);
        return jdbc.sql("SELECT id, recipient, subject, status, created_at, sent_at, last_error FROM email_outbox"
                        + " WHERE organization_id = ? AND lower(recipient) IN (" + marks + ")"
                        + " ORDER BY created_at DESC LIMIT ?")
                .params(params)
                .query((rs, n) -> new Sent(
                        rs.getObject(1, UUID.class),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getTimestamp(5).toInstant(),
                        rs.getTimestamp(6) == null ? null : rs.getTimestamp(6).toInstant(),
                        rs.getString(7)))
                .list();
    }

    private static String fit(String subject) {
        return subject.length() > 500 ? subject.substring(0, 499) + "…" : subject;
    }
}
