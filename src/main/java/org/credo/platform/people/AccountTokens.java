package org.credo.platform.people;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.credo.platform.ProblemException;
import org.credo.platform.Timestamps;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Single-use, expiring links for invitations and password resets. */
@Repository
class AccountTokens {

    enum Purpose {
        INVITATION,
        PASSWORD_RESET
    }

    /** What a valid, now used, token stood for. */
    record Redeemed(UUID personId, @Nullable UUID organizationId) {}

    private final JdbcClient jdbc;

    AccountTokens(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Issues a token and returns it; only its digest is stored. */
    String issue(UUID personId, @Nullable UUID organizationId, Purpose purpose, Duration validity) {
        var token = SecretTokens.generate("");
        var now = Timestamps.now();
        jdbc.sql("""
                INSERT INTO account_token (id, person_id, organization_id, purpose, token_hash, created_at, expires_at)
                VALUES (?, ?, ?, ?, ?, ?, ?)""")
                .params(
                        UUID.randomUUID(),
                        personId,
                        organizationId,
                        purpose.name(),
                        SecretTokens.digest(token),
                        Timestamps.sql(now),
                        Timestamps.sql(now.plus(validity)))
                .update();
        return token;
    }

    /** Checks a token without using it up, so that a form can be shown. */
    Redeemed peek(String token, Purpose purpose) {
        return find(token, purpose, false);
    }

    /** Uses a token up; a second use, an expired or unknown token fails with what to do instead. */
    Redeemed redeem(String token, Purpose purpose) {
        var redeemed = find(token, purpose, true);
        jdbc.sql("UPDATE account_token SET used_at = ? WHERE token_hash = ?")
                .params(Timestamps.sql(Timestamps.now()), SecretTokens.digest(token))
                .update();
        return redeemed;
    }

    private Redeemed find(String token, Purpose purpose, boolean lock) {
        var what = purpose == Purpose.INVITATION ? "invitation" : "password reset";
        var again = purpose == Purpose.INVITATION
                ? "Ask your administrator to send a new invitation."
                : "Ask for a new link on the 'Forgot your password?' page.";
        var row = jdbc.sql("SELECT person_id, organization_id, expires_at, used_at FROM account_token"
                        + " WHERE token_hash = ? AND purpose = ?" + (lock ? " FOR UPDATE" : ""))
                .params(SecretTokens.digest(token), purpose.name())
                .query((rs, n) -> new Object[] {
                    rs.getObject(1, UUID.class),
                    rs.getObject(2, UUID.class),
                    rs.getTimestamp(3).toInstant(),
                    rs.getTimestamp(4)
                })
                .optional()
                .orElseThrow(() ->
                        ProblemException.badRequest("Unknown link", "This " + what + " link is not valid. " + again));
        if (row[3] != null) {
            throw ProblemException.badRequest("Link already used", "This " + what + " link was already used. " + again);
        }
        if (((Instant) row[2]).isBefore(Instant.now())) {
            throw ProblemException.badRequest("Link expired", "This " + what + " link has expired. " + again);
        }
        return new Redeemed((UUID) row[0], (UUID) row[1]);
    }

    /** Makes every open token of a person for a purpose unusable, e.g. after a successful reset. */
    void invalidateAll(UUID personId, Purpose purpose) {
        jdbc.sql("UPDATE account_token SET used_at = ? WHERE person_id = ? AND purpose = ? AND used_at IS NULL")
                .params(Timestamps.sql(Timestamps.now()), personId, purpose.name())
                .update();
    }
}
