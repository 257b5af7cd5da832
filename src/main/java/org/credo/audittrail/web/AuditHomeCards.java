package org.credo.audittrail.web;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import org.credo.platform.CredoUser;
import org.credo.platform.HomeCard;
import org.credo.platform.HomeCard.Entry;
import org.credo.platform.HomeCard.Figure;
import org.credo.platform.HomeCard.Link;
import org.credo.platform.HomeCards;
import org.credo.platform.Role;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The audit trail's card for auditors: how much changed lately, and the latest changes. */
@Component
class AuditHomeCards implements HomeCards {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMM HH:mm z", Locale.ENGLISH);

    private final JdbcClient jdbc;

    AuditHomeCards(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<HomeCard> cards(CredoUser user) {
        if (!user.hasRole(Role.AUDITOR)) {
            return List.of();
        }
        var org = user.organizationId();
        long day = since(org, Duration.ofDays(1));
        long week = since(org, Duration.ofDays(7));
        var latest = jdbc.sql("""
                        SELECT actor_name, action, subject_name, summary, occurred_at FROM audit_entry
                        WHERE organization_id = ? ORDER BY sequence_number DESC LIMIT 5""")
                .param(org)
                .query((rs, n) -> new Entry(
                        rs.getString("summary"),
                        rs.getString("actor_name") + ", "
                                + WHEN.format(rs.getTimestamp("occurred_at")
                                        .toInstant()
                                        .atZone(user.zone())),
                        "/audit"))
                .list();
        return List.of(new HomeCard(
                Role.AUDITOR,
                "Changes recorded",
                List.of(
                        new Figure("in the last 24 hours", day, "/audit"),
                        new Figure("in the last 7 days", week, "/audit")),
                latest,
                "Nothing has been recorded yet.",
                List.of(new Link("Audit trail", "/audit"), new Link("Check the chain", "/audit/verification")),
                10));
    }

    private long since(java.util.UUID organizationId, Duration window) {
        return jdbc.sql("SELECT count(*) FROM audit_entry WHERE organization_id = ? AND occurred_at >= ?")
                .params(organizationId, Timestamp.from(Instant.now().minus(window)))
                .query(Long.class)
                .single();
    }
}
