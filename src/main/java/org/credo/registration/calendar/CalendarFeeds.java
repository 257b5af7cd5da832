package org.credo.registration.calendar;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import java.util.UUID;
import org.credo.platform.ChangeStamp;
import org.credo.platform.Timestamps;
import org.credo.registration.CalendarFeedChanged;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Secret calendar addresses (ADR 47): 32 random bytes in the address, only their SHA-256 stored. A person has at most
 * one working address per organization; a new one ends the old, and revoking ends it.
 */
@Service
public class CalendarFeeds {

    /** A person's working feed: when it was made and last read by a calendar. */
    public record Feed(
            UUID id,
            UUID organizationId,
            UUID personId,
            Instant createdAt,
            @Nullable Instant lastReadAt) {}

    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;

    CalendarFeeds(JdbcClient jdbc, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.events = events;
    }

    /** The person's working feed, if they made one. */
    public Optional<Feed> of(UUID organizationId, UUID personId) {
        return jdbc.sql("SELECT id, organization_id, person_id, created_at, last_read_at FROM calendar_feed"
                        + " WHERE organization_id = ? AND person_id = ? AND revoked_at IS NULL")
                .params(organizationId, personId)
                .query((rs, n) -> feed(rs))
                .optional();
    }

    /** Makes a new address for the person, ending any earlier one, and returns its token: the only time it is seen. */
    @Transactional
    public String create(UUID organizationId, UUID personId, String personName) {
        revokeAll(organizationId, personId);
        var bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        var token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        var id = UUID.randomUUID();
        jdbc.sql("INSERT INTO calendar_feed (id, organization_id, person_id, token_hash, created_at)"
                        + " VALUES (?, ?, ?, ?, ?)")
                .params(id, organizationId, personId, hash(token), Timestamps.sql(Timestamps.now()))
                .update();
        events.publishEvent(new CalendarFeedChanged(
                ChangeStamp.by(organizationId, personId, personName), id, personId, personName, false));
        return token;
    }

    /** Ends the person's address; nothing happens when they have none. */
    @Transactional
    public void revoke(UUID organizationId, UUID personId, String personName) {
        var feed = of(organizationId, personId);
        if (feed.isEmpty()) {
            return;
        }
        revokeAll(organizationId, personId);
        events.publishEvent(new CalendarFeedChanged(
                ChangeStamp.by(organizationId, personId, personName), feed.get().id(), personId, personName, true));
    }

    /** The working feed a token opens, noting that a calendar read it; empty for an unknown or revoked token. */
    @Transactional
    public Optional<Feed> open(String token) {
        if (token.length() != 43 || !token.matches("[A-Za-z0-9_-]+")) {
            return Optional.empty();
        }
        var feed = jdbc.sql("SELECT id, organization_id, person_id, created_at, last_read_at FROM calendar_feed"
                        + " WHERE token_hash = ? AND revoked_at IS NULL")
                .param(hash(token))
                .query((rs, n) -> feed(rs))
                .optional();
        feed.ifPresent(f -> jdbc.sql("UPDATE calendar_feed SET last_read_at = ? WHERE id = ?")
                .params(Timestamps.sql(Timestamps.now()), f.id())
                .update());
        return feed;
    }

    private void revokeAll(UUID organizationId, UUID personId) {
        jdbc.sql("UPDATE calendar_feed SET revoked_at = ? WHERE organization_id = ? AND person_id = ?"
                        + " AND revoked_at IS NULL")
                .params(Timestamps.sql(Timestamps.now()), organizationId, personId)
                .update();
    }

    private static Feed feed(java.sql.ResultSet rs) throws java.sql.SQLException {
        var read = rs.getObject("last_read_at", java.time.OffsetDateTime.class);
        return new Feed(
                rs.getObject("id", UUID.class),
                rs.getObject("organization_id", UUID.class),
                rs.getObject("person_id", UUID.class),
                rs.getObject("created_at", java.time.OffsetDateTime.class).toInstant(),
                read == null ? null : read.toInstant());
    }

    static String hash(String token) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
