package org.credo.credentials.wallet;

import java.nio.ByteBuffer;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.credo.platform.PasskeyStore;
import org.credo.platform.Timestamps;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The passkeys of earner accounts (table {@code earner_passkey}), kept for platform's relying party. An account's
 * WebAuthn user handle is the 16 bytes of its id: the passkey names the account it signs in, and a handle that is
 * not an account id belongs to no earner.
 */
@Repository
class EarnerPasskeys implements PasskeyStore {

    /** A passkey as the account page lists it. */
    record Listed(
            String id,
            String label,
            Instant created,
            @Nullable Instant lastUsed) {}

    private final JdbcClient jdbc;

    EarnerPasskeys(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The WebAuthn user handle of an account, base64url. */
    static String handle(UUID accountId) {
        var bytes = ByteBuffer.allocate(16)
                .putLong(accountId.getMostSignificantBits())
                .putLong(accountId.getLeastSignificantBits())
                .array();
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** The account a user handle stands for; empty for anything that is not one of ours. */
    static Optional<UUID> account(String handle) {
        try {
            var bytes = Base64.getUrlDecoder().decode(handle);
            if (bytes.length != 16) {
                return Optional.empty();
            }
            var buffer = ByteBuffer.wrap(bytes);
            return Optional.of(new UUID(buffer.getLong(), buffer.getLong()));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    @Override
    public String name() {
        return "wallet";
    }

    @Override
    public @Nullable Passkey find(String credentialId) {
        return jdbc.sql("SELECT * FROM earner_passkey WHERE credential_id = ?")
                .param(credentialId)
                .query(EarnerPasskeys::passkey)
                .optional()
                .orElse(null);
    }

    @Override
    public List<Passkey> ofUser(String userHandle) {
        return account(userHandle)
                .map(id -> jdbc.sql("SELECT * FROM earner_passkey WHERE account_id = ?")
                        .param(id)
                        .query(EarnerPasskeys::passkey)
                        .list())
                .orElse(List.of());
    }

    @Override
    public void add(Passkey passkey) {
        var accountId = account(passkey.userHandle())
                .orElseThrow(() -> new IllegalArgumentException("Not an earner's user handle"));
        jdbc.sql("""
                INSERT INTO earner_passkey (credential_id, account_id, label, public_key, signature_count,
                  uv_initialized, backup_eligible, backup_state, transports, attestation_object, client_data_json,
                  created_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(
                        passkey.credentialId(),
                        accountId,
                        passkey.label(),
                        passkey.publicKey(),
                        passkey.signatureCount(),
                        passkey.userVerified(),
                        passkey.backupEligible(),
                        passkey.backupState(),
                        String.join(",", passkey.transports()),
                        passkey.attestationObject(),
                        passkey.clientDataJson(),
                        Timestamps.sql(passkey.created()))
                .update();
    }

    @Override
    public void used(String credentialId, long signatureCount, Instant at) {
        jdbc.sql("UPDATE earner_passkey SET signature_count = ?, last_used_at = ? WHERE credential_id = ?")
                .params(signatureCount, Timestamps.sql(at), credentialId)
                .update();
    }

    /** An account's passkeys for its page, by name. */
    List<Listed> of(UUID accountId) {
        return jdbc.sql("""
                SELECT credential_id, label, created_at, last_used_at FROM earner_passkey
                WHERE account_id = ? ORDER BY lower(label), created_at""")
                .param(accountId)
                .query((rs, n) -> new Listed(
                        rs.getString("credential_id"),
                        rs.getString("label"),
                        rs.getTimestamp("created_at").toInstant(),
                        rs.getTimestamp("last_used_at") == null
                                ? null
                                : rs.getTimestamp("last_used_at").toInstant()))
                .list();
    }

    /** Removes one of the account's own passkeys; returns its name, or empty when it is not the account's. */
    Optional<String> remove(UUID accountId, String credentialId) {
        var label = jdbc.sql("SELECT label FROM earner_passkey WHERE credential_id = ? AND account_id = ?")
                .params(credentialId, accountId)
                .query(String.class)
                .optional();
        label.ifPresent(l -> jdbc.sql("DELETE FROM earner_passkey WHERE credential_id = ? AND account_id = ?")
                .params(credentialId, accountId)
                .update());
        return label;
    }

    private static Passkey passkey(ResultSet rs, int row) throws SQLException {
        var transports = rs.getString("transports");
        var lastUsed = rs.getTimestamp("last_used_at");
        return new Passkey(
                rs.getString("credential_id"),
                handle(rs.getObject("account_id", UUID.class)),
                rs.getString("label"),
                rs.getBytes("public_key"),
                rs.getLong("signature_count"),
                rs.getBoolean("uv_initialized"),
                rs.getBoolean("backup_eligible"),
                rs.getBoolean("backup_state"),
                transports == null || transports.isBlank()
                        ? java.util.Set.of()
                        : java.util.Set.copyOf(new LinkedHashSet<>(Arrays.asList(transports.split(",")))),
                rs.getBytes("attestation_object"),
                rs.getBytes("client_data_json"),
                rs.getTimestamp("created_at").toInstant(),
                lastUsed == null ? null : lastUsed.toInstant());
    }
}
