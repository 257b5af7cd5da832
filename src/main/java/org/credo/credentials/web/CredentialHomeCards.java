package org.credo.credentials.web;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.credo.platform.CredoUser;
import org.credo.platform.HomeCard;
import org.credo.platform.HomeCard.Entry;
import org.credo.platform.HomeCard.Figure;
import org.credo.platform.HomeCard.Link;
import org.credo.platform.HomeCards;
import org.credo.platform.Role;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The credentials' cards on the home page: for the registrar, what was issued, what earners have not claimed and the
 * bulk work under way; for a learner, the credentials issued to them.
 */
@Component
class CredentialHomeCards implements HomeCards {

    private static final int NEXT = 5;
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH);

    private final JdbcClient jdbc;

    CredentialHomeCards(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<HomeCard> cards(CredoUser user) {
        var cards = new ArrayList<HomeCard>();
        if (user.hasRole(Role.REGISTRAR)) {
            cards.add(registrar(user));
        }
        if (user.hasRole(Role.LEARNER)) {
            cards.add(learner(user));
        }
        return cards;
    }

    private HomeCard registrar(CredoUser user) {
        var org = user.organizationId();
        var monthAgo = Timestamp.from(Instant.now().minus(Duration.ofDays(30)));
        long issued = count(
                "SELECT count(*) FROM issued_credential WHERE organization_id = ? AND issued_at >= ?", org, monthAgo);
        long unclaimed = count("""
                SELECT count(*) FROM issued_credential c WHERE c.organization_id = ? AND c.status = 'ACTIVE'
                  AND NOT EXISTS (SELECT 1 FROM credential_claim k WHERE k.credential_id = c.id AND k.used_at IS NOT NULL)""", org);
        long suspended =
                count("SELECT count(*) FROM issued_credential WHERE organization_id = ? AND status = 'SUSPENDED'", org);
        long running = count(
                "SELECT count(*) FROM bulk_job WHERE organization_id = ? AND status IN ('VALIDATING', 'QUEUED', 'RUNNING')",
                org);
        var latest = jdbc.sql("""
                        SELECT c.id, c.recipient_name, a.name, c.issued_at, c.status
                        FROM issued_credential c JOIN achievement a ON a.id = c.achievement_id
                        WHERE c.organization_id = ? ORDER BY c.issued_at DESC, c.id LIMIT ?""")
                .params(org, NEXT)
                .query((rs, n) -> new Entry(
                        rs.getString("recipient_name") + " · " + rs.getString("name"),
                        DAY.format(rs.getTimestamp("issued_at").toInstant().atZone(user.zone()))
                                + ("ACTIVE".equals(rs.getString("status"))
                                        ? ""
                                        : ", " + rs.getString("status").toLowerCase(Locale.ROOT)),
                        "/manage/credentials/" + rs.getObject("id", UUID.class)))
                .list();
        var figures = new ArrayList<Figure>();
        figures.add(new Figure("issued in 30 days", issued, "/manage/credentials"));
        figures.add(new Figure("not yet claimed", unclaimed, "/manage/credentials"));
        figures.add(new Figure("suspended", suspended, "/manage/credentials"));
        if (running > 0) {
            figures.add(new Figure("bulk jobs under way", running, "/manage/bulk"));
        }
        return new HomeCard(
                Role.REGISTRAR,
                "Credentials",
                figures,
                latest,
                "Nothing issued yet: issue one, or upload a CSV for many.",
                List.of(
                        new Link("Issue a credential", "/manage/credentials/new"),
                        new Link("Bulk issuance", "/manage/bulk"),
                        new Link("All credentials", "/manage/credentials")),
                10);
    }

    private HomeCard learner(CredoUser user) {
        var mine = jdbc.sql("""
                        SELECT c.id, a.name, c.issued_at, c.status
                        FROM issued_credential c JOIN achievement a ON a.id = c.achievement_id
                        WHERE lower(c.recipient_email) = lower(?) ORDER BY c.issued_at DESC, c.id LIMIT ?""")
                .params(user.email(), NEXT)
                .query((rs, n) -> new Entry(
                        rs.getString("name"),
                        DAY.format(rs.getTimestamp("issued_at").toInstant().atZone(user.zone()))
                                + ("ACTIVE".equals(rs.getString("status"))
                                        ? ""
                                        : ", " + rs.getString("status").toLowerCase(Locale.ROOT)),
                        "/wallet"))
                .list();
        long total =
                count("SELECT count(*) FROM issued_credential WHERE lower(recipient_email) = lower(?)", user.email());
        return new HomeCard(
                Role.LEARNER,
                "Your credentials",
                List.of(new Figure("credentials issued to you", total, "/wallet")),
                mine,
                "No credentials have been issued to " + user.email() + " yet.",
                List.of(new Link("Open your wallet", "/wallet")),
                10);
    }

    private long count(String sql, Object... params) {
        return jdbc.sql(sql).params(params).query(Long.class).single();
    }
}
