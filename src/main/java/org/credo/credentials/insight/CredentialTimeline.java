package org.credo.credentials.insight;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.credo.notifications.Notifications;
import org.credo.platform.PageQuery;
import org.credo.platform.PageResult;
import org.credo.platform.Timestamps;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Each credential's life as staff see it: the staff steps already in {@code credential_history} (issued, suspended,
 * revoked...), the steps of earners and visitors recorded here (claimed, viewed, shared, downloaded, added to a
 * wallet, verified, reminded), and when the outbox actually delivered its emails, asked of the notifications module.
 */
@Service
public class CredentialTimeline {

    /** The sort fields of a timeline. */
    public static final List<String> SORTABLE = List.of("occurredAt");

    /** The dedup key of a credential's claim email (see the wallet's claim emails). */
    public static String claimEmailKey(UUID credentialId) {
        return "credential-claim:" + credentialId;
    }

    /** One step of a credential's life. {@code type} is a stable code such as CLAIMED or EMAILED. */
    public record Entry(
            Instant occurredAt,
            String type,
            String action,
            String actor,
            @Nullable String detail) {}

    private final JdbcClient jdbc;
    private final Readers readers;
    private final Notifications notifications;

    CredentialTimeline(JdbcClient jdbc, Readers readers, Notifications notifications) {
        this.jdbc = jdbc;
        this.readers = readers;
        this.notifications = notifications;
    }

    /** Records a step now. */
    @Transactional
    public void record(UUID credentialId, Step step, @Nullable String detail) {
        jdbc.sql(
                        "INSERT INTO credential_history (credential_id, occurred_at, actor, action, reason) VALUES (?, ?, ?, ?, ?)")
                .params(credentialId, Timestamps.sql(Timestamps.now()), step.actor(), step.label(), detail)
                .update();
    }

    /**
     * Records a view or a verification unless the same reader did the same within the last half hour; nothing about
     * the reader is kept but a value that changes every half hour (see {@link Readers}).
     */
    @Transactional
    public void recordReader(UUID credentialId, Step step, @Nullable String detail, HttpServletRequest request) {
        if (readers.firstInWindow(
                credentialId, step.name(), request.getRemoteAddr(), request.getHeader("User-Agent"))) {
            record(credentialId, step, detail);
        }
    }

    /** The whole life of an organization's credential, oldest first; empty for a credential of another. */
    public List<Entry> entries(UUID organizationId, UUID credentialId) {
        var entries = new ArrayList<>(jdbc.sql("""
                        SELECT h.occurred_at, h.actor, h.action, h.reason FROM credential_history h
                        JOIN issued_credential c ON c.id = h.credential_id
                        WHERE c.organization_id = ? AND h.credential_id = ? ORDER BY h.occurred_at, h.id""")
                .params(organizationId, credentialId)
                .query((rs, n) -> new Entry(
                        rs.getTimestamp(1).toInstant(),
                        type(rs.getString(3)),
                        rs.getString(3),
                        rs.getString(2),
                        rs.getString(4)))
                .list());
        if (entries.isEmpty()) {
            return List.of();
        }
        var keys = new ArrayList<String>();
        keys.add(claimEmailKey(credentialId));
        keys.addAll(jdbc.sql("SELECT dedup_key FROM credential_reminder WHERE credential_id = ?")
                .param(credentialId)
                .query(String.class)
                .list());
        for (var delivered : notifications.delivered(organizationId, keys)) {
            entries.add(new Entry(
                    delivered.sentAt(),
                    "EMAILED",
                    "Emailed",
                    "system",
                    delivered.dedupKey().startsWith("credential-claim:")
                            ? "claim email delivered to the mail server"
                            : "expiry reminder delivered to the mail server"));
        }
        entries.sort(Comparator.comparing(Entry::occurredAt));
        return entries;
    }

    /** One page of a credential's life, in the order asked for. */
    public PageResult<Entry> page(UUID organizationId, UUID credentialId, PageQuery query) {
        var all = new ArrayList<>(entries(organizationId, credentialId));
        if (!query.ascending()) {
            java.util.Collections.reverse(all);
        }
        int from = (int) Math.min(all.size(), query.offset());
        int to = Math.min(all.size(), from + query.size());
        return PageResult.of(List.copyOf(all.subList(from, to)), query, all.size());
    }

    private static String type(String action) {
        return action.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]+", "_");
    }
}
