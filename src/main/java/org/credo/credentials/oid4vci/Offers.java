package org.credo.credentials.oid4vci;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.credo.platform.Timestamps;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Credential offers and the access tokens their pre-authorized codes become. Codes and tokens are stored only
 * as their SHA-256; a code is redeemed by one conditional update, so two nodes racing with it cannot both win.
 */
@Repository
class Offers {

    /** How long an earner has to scan the QR code. */
    static final Duration OFFER_VALIDITY = Duration.ofMinutes(10);

    /** How long a wallet may use its access token. */
    static final Duration TOKEN_VALIDITY = Duration.ofMinutes(10);

    /** A new offer; the code exists only here and in the QR code shown to the earner. */
    record Created(UUID id, String preAuthorizedCode, Instant expiresAt) {}

    /** An access token just issued for a redeemed code. */
    record Grant(String accessToken, Instant expiresAt) {}

    /** What an access token gives: one credential of one organization. */
    record Binding(UUID tokenId, UUID organizationId, UUID credentialId) {}

    private record OfferRow(UUID id, UUID organizationId, UUID credentialId) {}

    /** Why a code cannot be redeemed. */
    enum Refusal {
        UNKNOWN("The pre-authorized code is not known."),
        USED("The pre-authorized code was already used; ask the earner for a new QR code."),
        WITHDRAWN("The pre-authorized code was replaced by a newer offer; scan the newest QR code."),
        EXPIRED("The pre-authorized code has expired; ask the earner for a new QR code.");

        final String description;

        Refusal(String description) {
            this.description = description;
        }
    }

    private final JdbcClient jdbc;

    Offers(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A new offer for a credential; older unused offers of the same credential stop working. */
    @Transactional(propagation = Propagation.MANDATORY)
    Created create(UUID organizationId, UUID credentialId) {
        var now = Timestamps.now();
        jdbc.sql("""
                UPDATE oid4vci_offer SET withdrawn_at = ?
                WHERE organization_id = ? AND credential_id = ? AND redeemed_at IS NULL AND withdrawn_at IS NULL""").params(Timestamps.sql(now), organizationId, credentialId).update();
        var id = UUID.randomUUID();
        var code = Secrets.generate();
        var expires = now.plus(OFFER_VALIDITY);
        jdbc.sql("""
                INSERT INTO oid4vci_offer (id, organization_id, credential_id, code_hash, created_at, expires_at)
                VALUES (?, ?, ?, ?, ?, ?)""")
                .params(
                        id,
                        organizationId,
                        credentialId,
                        Secrets.digest(code),
                        Timestamps.sql(now),
                        Timestamps.sql(expires))
                .update();
        return new Created(id, code, expires);
    }

    /** Uses a code up and issues an access token for its credential, or says why not. */
    @Transactional(propagation = Propagation.MANDATORY)
    Redemption redeem(String code) {
        if (!Secrets.plausible(code)) {
            return Redemption.refused(Refusal.UNKNOWN);
        }
        var hash = Secrets.digest(code);
        var now = Timestamps.now();
        int redeemed = jdbc.sql("""
                UPDATE oid4vci_offer SET redeemed_at = ?
                WHERE code_hash = ? AND redeemed_at IS NULL AND withdrawn_at IS NULL AND expires_at > ?""")
                .params(Timestamps.sql(now), hash, Timestamps.sql(now))
                .update();
        if (redeemed != 1) {
            return Redemption.refused(why(hash));
        }
        var offer = jdbc.sql("SELECT id, organization_id, credential_id FROM oid4vci_offer WHERE code_hash = ?")
                .param(hash)
                .query((rs, n) -> new OfferRow(
                        rs.getObject("id", UUID.class),
                        rs.getObject("organization_id", UUID.class),
                        rs.getObject("credential_id", UUID.class)))
                .single();
        var token = Secrets.generate();
        var expires = now.plus(TOKEN_VALIDITY);
        jdbc.sql("""
                INSERT INTO oid4vci_access_token
                  (id, organization_id, credential_id, offer_id, token_hash, created_at, expires_at)
                VALUES (?, ?, ?, ?, ?, ?, ?)""")
                .params(
                        UUID.randomUUID(),
                        offer.organizationId(),
                        offer.credentialId(),
                        offer.id(),
                        Secrets.digest(token),
                        Timestamps.sql(now),
                        Timestamps.sql(expires))
                .update();
        return new Redemption(new Grant(token, expires), offer.organizationId(), offer.credentialId(), null);
    }

    /** The outcome of redeeming a code: a grant, or a refusal. */
    record Redemption(
            @Nullable Grant grant,
            @Nullable UUID organizationId,
            @Nullable UUID credentialId,
            @Nullable Refusal refusal) {

        static Redemption refused(Refusal refusal) {
            return new Redemption(null, null, null, refusal);
        }
    }

    /** The credential an unexpired access token is for. */
    Optional<Binding> authorize(String accessToken) {
        if (!Secrets.plausible(accessToken)) {
            return Optional.empty();
        }
        return jdbc.sql("""
                SELECT id, organization_id, credential_id FROM oid4vci_access_token
                WHERE token_hash = ? AND expires_at > ?""")
                .params(Secrets.digest(accessToken), Timestamps.sql(Timestamps.now()))
                .query((rs, n) -> new Binding(
                        rs.getObject("id", UUID.class),
                        rs.getObject("organization_id", UUID.class),
                        rs.getObject("credential_id", UUID.class)))
                .optional();
    }

    private Refusal why(String hash) {
        return jdbc.sql("SELECT redeemed_at, withdrawn_at, expires_at FROM oid4vci_offer WHERE code_hash = ?")
                .param(hash)
                .query((rs, n) -> {
                    if (rs.getTimestamp("redeemed_at") != null) {
                        return Refusal.USED;
                    }
                    if (rs.getTimestamp("withdrawn_at") != null) {
                        return Refusal.WITHDRAWN;
                    }
                    return Refusal.EXPIRED;
                })
                .optional()
                .orElse(Refusal.UNKNOWN);
    }
}
