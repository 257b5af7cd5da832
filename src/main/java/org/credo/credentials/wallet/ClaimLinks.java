package org.credo.credentials.wallet;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.credo.platform.Timestamps;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/** Single-use, expiring links that sign an earner into the wallet; only their SHA-256 is stored. */
@Repository
class ClaimLinks {

    static final Duration VALIDITY = Duration.ofDays(14);

    /** What checking a link found. */
    enum Outcome {
        VALID,
        UNKNOWN,
        USED,
        EXPIRED
    }

    /** A checked link: the outcome, and for a valid one the email address it signs in and its credential. */
    record Check(
            Outcome outcome,
            @Nullable String email,
            @Nullable UUID credentialId) {

        Check(Outcome outcome) {
            this(outcome, null, null);
        }
    }

    private final JdbcClient jdbc;
    private final JdbcTemplate template;

    ClaimLinks(JdbcClient jdbc, JdbcTemplate template) {
        this.jdbc = jdbc;
        this.template = template;
    }

    /** A credential whose recipient gets a link. */
    record Claimant(UUID organizationId, UUID credentialId, String email) {}

    /**
     * Issues one link token per credential's recipient, in one batch; the caller puts each in its
     * email. The tokens come back in the order of the claimants.
     */
    List<String> issueAll(List<Claimant> claimants) {
        var now = Timestamps.now();
        var tokens = new ArrayList<String>(claimants.size());
        var rows = new ArrayList<Object[]>(claimants.size());
        for (var claimant : claimants) {
            var token = generate();
            tokens.add(token);
            rows.add(new Object[] {
                UUID.randomUUID(),
                claimant.organizationId(),
                claimant.credentialId(),
                claimant.email(),
                digest(token),
                Timestamps.sql(now),
                Timestamps.sql(now.plus(VALIDITY))
            });
        }
        template.batchUpdate("""
                INSERT INTO credential_claim (id, organization_id, credential_id, email, token_hash, created_at, expires_at)
                VALUES (?, ?, ?, ?, ?, ?, ?)""", rows);
        return tokens;
    }

    /** Checks a link without using it, to show the page that asks to open the wallet. */
    Check peek(String token) {
        return check(token, false);
    }

    /** Uses a link up; it signs in once, and only while it has not expired. */
    @Transactional
    Check redeem(String token) {
        var check = check(token, true);
        if (check.outcome() == Outcome.VALID) {
            jdbc.sql("UPDATE credential_claim SET used_at = ? WHERE token_hash = ? AND used_at IS NULL")
                    .params(Timestamps.sql(Timestamps.now()), digest(token))
                    .update();
        }
        return check;
    }

    private static final java.security.SecureRandom RANDOM = new java.security.SecureRandom();

    /** 256 random bits, URL-safe. */
    static String generate() {
        var bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** The hex SHA-256 of a token, the only form in which it is stored. */
    static String digest(String token) {
        try {
            return java.util.HexFormat.of()
                    .formatHex(java.security.MessageDigest.getInstance("SHA-256")
                            .digest(token.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    private Check check(String token, boolean lock) {
        if (token.length() > 100) {
            return new Check(Outcome.UNKNOWN);
        }
        return jdbc.sql("SELECT email, credential_id, expires_at, used_at FROM credential_claim WHERE token_hash = ?"
                        + (lock ? " FOR UPDATE" : ""))
                .param(digest(token))
                .query((rs, n) -> {
                    if (rs.getTimestamp("used_at") != null) {
                        return new Check(Outcome.USED);
                    }
                    if (rs.getTimestamp("expires_at").toInstant().isBefore(Instant.now())) {
                        return new Check(Outcome.EXPIRED);
                    }
                    return new Check(Outcome.VALID, rs.getString("email"), rs.getObject("credential_id", UUID.class));
                })
                .optional()
                .orElse(new Check(Outcome.UNKNOWN));
    }
}
