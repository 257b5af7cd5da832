package org.credo.credentials.wallet;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.credo.credentials.ClaimEmailResent;
import org.credo.platform.ChangeStamp;
import org.credo.platform.Timestamps;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.SqlArrayValue;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Sends earners a fresh claim email (a new link, the organization's claim email template) through
 * the outbox. A credential gets at most one claim email per {@link #THROTTLE}, counting the one sent
 * at issuance, so a double click or an eager "resend to everyone" does not flood an inbox.
 */
@Service
public class ClaimResends {

    /** The least time between two claim emails to the same credential. */
    public static final Duration THROTTLE = Duration.ofMinutes(10);

    private static final int BATCH = 1000;

    private final JdbcClient jdbc;
    private final ClaimEmails emails;
    private final ApplicationEventPublisher events;

    ClaimResends(JdbcClient jdbc, ClaimEmails emails, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.emails = emails;
        this.events = events;
    }

    /** Of these credentials, those emailed a claim link within the throttle window, with when. */
    public Map<UUID, Instant> recentlySent(UUID organizationId, List<UUID> credentialIds) {
        var since = Timestamps.now().minus(THROTTLE);
        var found = new HashMap<UUID, Instant>();
        for (int i = 0; i < credentialIds.size(); i += BATCH) {
            var batch = credentialIds.subList(i, Math.min(i + BATCH, credentialIds.size()));
            jdbc.sql("SELECT credential_id, MAX(created_at) FROM credential_claim WHERE organization_id = ?"
                            + " AND credential_id = ANY (?) AND created_at > ? GROUP BY credential_id")
                    .params(organizationId, new SqlArrayValue("uuid", batch.toArray()), Timestamps.sql(since))
                    .query((rs, n) -> Map.entry(
                            rs.getObject(1, UUID.class), rs.getTimestamp(2).toInstant()))
                    .list()
                    .forEach(e -> found.put(e.getKey(), e.getValue()));
        }
        return found;
    }

    /**
     * Active, unexpired credentials whose earner has not claimed them (no claim link used, no copy
     * delivered to a wallet), oldest first; for one achievement or, when it is null, all.
     */
    public List<UUID> unclaimed(UUID organizationId, @Nullable UUID achievementId, int limit) {
        var sql = """
                SELECT c.id FROM issued_credential c
                WHERE c.organization_id = :org AND c.status = 'ACTIVE'
                  AND (c.valid_until IS NULL OR c.valid_until > :now)
                  AND NOT EXISTS (SELECT 1 FROM credential_claim k WHERE k.credential_id = c.id AND k.used_at IS NOT NULL)
                  AND NOT EXISTS (SELECT 1 FROM oid4vci_delivery d WHERE d.credential_id = c.id)
                """ + (achievementId == null ? "" : " AND c.achievement_id = :achievement")
                + " ORDER BY c.issued_at, c.id LIMIT :limit";
        var query = jdbc.sql(sql)
                .param("org", organizationId)
                .param("now", Timestamps.sql(Timestamps.now()))
                .param("limit", limit);
        if (achievementId != null) {
            query = query.param("achievement", achievementId);
        }
        return query.query(UUID.class).list();
    }

    /**
     * Emails a fresh claim link for each credential not emailed within the throttle window, within
     * the caller's transaction, and records one audit event each. The credentials' rows are locked
     * first, so two requests racing for the same credential send one email. Returns those sent.
     */
    @Transactional
    public List<UUID> resend(UUID organizationId, List<UUID> credentialIds, UUID requestId) {
        var sorted = credentialIds.stream().distinct().sorted().toList();
        var mine = new ArrayList<UUID>(sorted.size());
        for (int i = 0; i < sorted.size(); i += BATCH) {
            var batch = sorted.subList(i, Math.min(i + BATCH, sorted.size()));
            mine.addAll(jdbc.sql("SELECT id FROM issued_credential WHERE organization_id = ? AND id = ANY (?)"
                            + " ORDER BY id FOR UPDATE")
                    .params(organizationId, new SqlArrayValue("uuid", batch.toArray()))
                    .query(UUID.class)
                    .list());
        }
        var recent = recentlySent(organizationId, mine);
        var toSend = mine.stream().filter(id -> !recent.containsKey(id)).toList();
        if (toSend.isEmpty()) {
            return List.of();
        }
        emails.send(toSend, requestId.toString());
        for (var id : toSend) {
            events.publishEvent(new ClaimEmailResent(ChangeStamp.now(organizationId), id, requestId));
        }
        return toSend;
    }
}
