package org.credo.platform.web;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
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

/** The platform's cards: people and access for administrators, API tokens for integrators. */
@Component
class PlatformHomeCards implements HomeCards {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH);

    private final JdbcClient jdbc;

    PlatformHomeCards(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<HomeCard> cards(CredoUser user) {
        var cards = new ArrayList<HomeCard>();
        if (user.hasRole(Role.ADMINISTRATOR)) {
            cards.add(administrator(user));
        }
        if (user.hasRole(Role.INTEGRATOR)) {
            cards.add(integrator(user));
        }
        return cards;
    }

    private HomeCard administrator(CredoUser user) {
        var org = user.organizationId();
        long active = count("SELECT count(*) FROM membership WHERE organization_id = ? AND active", org);
        long invited = count("""
                SELECT count(*) FROM membership m JOIN person p ON p.id = m.person_id
                WHERE m.organization_id = ? AND m.active AND p.password_hash IS NULL""", org);
        long deactivated = count("SELECT count(*) FROM membership WHERE organization_id = ? AND NOT active", org);
        var waiting = jdbc.sql("""
                        SELECT p.display_name, p.email, m.created_at FROM membership m JOIN person p ON p.id = m.person_id
                        WHERE m.organization_id = ? AND m.active AND p.password_hash IS NULL
                        ORDER BY m.created_at DESC LIMIT 5""")
                .param(org)
                .query((rs, n) -> new Entry(
                        rs.getString("display_name"),
                        "invited "
                                + DAY.format(rs.getTimestamp("created_at")
                                        .toInstant()
                                        .atZone(user.zone())),
                        "/admin/users?q="
                                + java.net.URLEncoder.encode(
                                        rs.getString("email"), java.nio.charset.StandardCharsets.UTF_8)))
                .list();
        return new HomeCard(
                Role.ADMINISTRATOR,
                "People and access",
                List.of(
                        new Figure("active members", active, "/admin/users"),
                        new Figure("invited, not signed up", invited, "/admin/users"),
                        new Figure("deactivated", deactivated, "/admin/users")),
                waiting,
                "Everyone invited has signed up.",
                List.of(
                        new Link("Invite someone", "/admin/users/new"),
                        new Link("People and roles", "/admin/users"),
                        new Link("Organization settings", "/admin/organization")),
                10);
    }

    private HomeCard integrator(CredoUser user) {
        var now = Timestamp.from(Instant.now());
        var soon = Timestamp.from(Instant.now().plus(Duration.ofDays(30)));
        long live = count(
                "SELECT count(*) FROM api_token WHERE organization_id = ? AND person_id = ? AND revoked_at IS NULL AND expires_at > ?",
                user.organizationId(),
                user.personId(),
                now);
        var expiring = jdbc.sql("""
                        SELECT name, expires_at FROM api_token
                        WHERE organization_id = ? AND person_id = ? AND revoked_at IS NULL AND expires_at > ? AND expires_at <= ?
                        ORDER BY expires_at LIMIT 5""")
                .params(user.organizationId(), user.personId(), now, soon)
                .query((rs, n) -> new Entry(
                        rs.getString("name"),
                        "expires "
                                + DAY.format(rs.getTimestamp("expires_at")
                                        .toInstant()
                                        .atZone(user.zone())),
                        "/account/tokens"))
                .list();
        return new HomeCard(
                Role.INTEGRATOR,
                "API access",
                List.of(
                        new Figure("tokens in use", live, "/account/tokens"),
                        new Figure("expiring within 30 days", expiring.size(), "/account/tokens")),
                expiring,
                "No token expires within 30 days.",
                List.of(new Link("API tokens", "/account/tokens"), new Link("API documentation", "/swagger-ui.html")),
                10);
    }

    private long count(String sql, Object... params) {
        return jdbc.sql(sql).params(params).query(Long.class).single();
    }
}
