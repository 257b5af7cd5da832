package org.credo.credentials.wallet;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.credo.platform.Timestamps;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * Single-use, 15-minute links emailed to an earner: one signs into the wallet of an address, the other
 * verifies an address for an account. Only the SHA-256 of a token is stored, as for claim links.
 */
@Repository
class EarnerLinks {

    static final Duration VALIDITY = Duration.ofMinutes(15);

    /** Links to one address within {@link #VALIDITY}; more are silently not sent. */
    static final int MAX_RECENT = 3;

    enum Purpose {
        SIGN_IN,
        VERIFY
    }

    /** A checked link: the outcome, and for a valid one its address and (for VERIFY) its account. */
    record Check(
            ClaimLinks.Outcome outcome,
            @Nullable String email,
            @Nullable UUID accountId) {}

    private final JdbcClient jdbc;

    EarnerLinks(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** How many links of a purpose went to an address lately: the throttle. */
    int recent(Purpose purpose, String email) {
        return jdbc.sql("SELECT count(*) FROM earner_link WHERE purpose = ? AND email = ? AND created_at > ?")
                .params(
                        purpose.name(),
                        EarnerAccounts.normalize(email),
                        Timestamps.sql(Timestamps.now().minus(VALIDITY)))
                .query(Long.class)
                .single()
                .intValue();
    }

    /** Stores a new link and returns its token, which only the email will carry. */
    String issue(Purpose purpose, String email, @Nullable UUID accountId) {
        var token = ClaimLinks.generate();
        var now = Timestamps.now();
        jdbc.sql("""
                INSERT INTO earner_link (id, purpose, email, account_id, token_hash, created_at, expires_at)
                VALUES (?, ?, ?, ?, ?, ?, ?)""")
                .params(
                        UUID.randomUUID(),
                        purpose.name(),
                        EarnerAccounts.normalize(email),
                        accountId,
                        ClaimLinks.digest(token),
                        Timestamps.sql(now),
                        Timestamps.sql(now.plus(VALIDITY)))
                .update();
        return token;
    }

    /** Checks a link without using it up (mail scanners open links). */
    Check peek(Purpose purpose, String token) {
        return check(purpose, token, false);
    }

    /** Uses a link up: it works once, and only before it expires. */
    @Transactional
    Check redeem(Purpose purpose, String token) {
        var check = check(purpose, token, true);
        if (check.outcome() == ClaimLinks.Outcome.VALID) {
            jdbc.sql("UPDATE earner_link SET used_at = ? WHERE token_hash = ? AND used_at IS NULL")
                    .params(Timestamps.sql(Timestamps.now()), ClaimLinks.digest(token))
                    .update();
        }
        return check;
    }

    private Check check(Purpose purpose, String token, boolean lock) {
        if (token.length() > 100) {
            return new Check(ClaimLinks.Outcome.UNKNOWN, null, null);
        }
        return jdbc.sql(
                        "SELECT email, account_id, expires_at, used_at FROM earner_link WHERE token_hash = ? AND purpose = ?"
                                + (lock ? " FOR UPDATE" : ""))
                .params(ClaimLinks.digest(token), purpose.name())
                .query((rs, n) -> {
                    if (rs.getTimestamp("used_at") != null) {
                        return new Check(ClaimLinks.Outcome.USED, null, null);
                    }
                    if (rs.getTimestamp("expires_at").toInstant().isBefore(Instant.now())) {
                        return new Check(ClaimLinks.Outcome.EXPIRED, null, null);
                    }
                    return new Check(
                            ClaimLinks.Outcome.VALID, rs.getString("email"), rs.getObject("account_id", UUID.class));
                })
                .optional()
                .orElse(new Check(ClaimLinks.Outcome.UNKNOWN, null, null));
    }
}
