package org.credo.credentials.wallet;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.credo.platform.Timestamps;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * Earner accounts (ADR 0025): the person behind one or more verified email addresses, with an optional
 * password and an optional public profile. An address belongs to at most one account.
 */
@Repository
class EarnerAccounts {

    /** Failed password sign-ins in a row before password sign-in pauses. */
    static final int MAX_FAILURES = 5;

    /** How long password sign-in pauses after too many failures. */
    static final Duration PAUSE = Duration.ofMinutes(15);

    /** An earner account as the wallet shows it; never the password hash. */
    record Account(
            UUID id,
            String displayName,
            UUID homeOrganizationId,
            boolean hasPassword,
            @Nullable String handle,
            boolean profileEnabled) {}

    private final JdbcClient jdbc;

    EarnerAccounts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    static String normalize(String email) {
        return email.trim().toLowerCase(Locale.ROOT);
    }

    Optional<Account> find(UUID id) {
        return jdbc.sql("SELECT * FROM earner_account WHERE id = ?")
                .param(id)
                .query(EarnerAccounts::account)
                .optional();
    }

    /** The account that verified an address, if any. */
    Optional<Account> ownerOf(String email) {
        return jdbc.sql("SELECT a.* FROM earner_account a JOIN earner_email e ON e.account_id = a.id WHERE e.email = ?")
                .param(normalize(email))
                .query(EarnerAccounts::account)
                .optional();
    }

    Optional<Account> byHandle(String handle) {
        return jdbc.sql("SELECT * FROM earner_account WHERE handle = ?")
                .param(handle.toLowerCase(Locale.ROOT))
                .query(EarnerAccounts::account)
                .optional();
    }

    /** The verified addresses of an account, alphabetically. */
    List<String> emails(UUID accountId) {
        return jdbc.sql("SELECT email FROM earner_email WHERE account_id = ? ORDER BY email")
                .param(accountId)
                .query(String.class)
                .list();
    }

    /** What {@link #open} found or made: the account, and whether it is new. */
    record Opened(Account account, boolean created) {}

    /**
     * The account of a verified address, opened now if the address has none. Two requests racing for the
     * same new address end with one account: the address's primary key decides, and the loser's empty
     * account is removed.
     */
    @Transactional
    Opened open(String email, String displayName, UUID homeOrganizationId) {
        var address = normalize(email);
        var existing = ownerOf(address);
        if (existing.isPresent()) {
            return new Opened(existing.get(), false);
        }
        var id = UUID.randomUUID();
        var now = Timestamps.sql(Timestamps.now());
        jdbc.sql("""
                INSERT INTO earner_account (id, display_name, home_organization_id, created_at)
                VALUES (?, ?, ?, ?)""")
                .params(id, displayName.isBlank() ? address : displayName, homeOrganizationId, now)
                .update();
        int added = jdbc.sql(
                        "INSERT INTO earner_email (email, account_id, verified_at) VALUES (?, ?, ?) ON CONFLICT DO NOTHING")
                .params(address, id, now)
                .update();
        if (added == 0) {
            jdbc.sql("DELETE FROM earner_account WHERE id = ?").param(id).update();
            return new Opened(ownerOf(address).orElseThrow(), false);
        }
        return new Opened(find(id).orElseThrow(), true);
    }

    /**
     * Adds a verified address to an account; returns the account that owns the address afterwards (another one
     * when somebody else verified it first, in which case nothing changed).
     */
    @Transactional
    UUID addEmail(UUID accountId, String email) {
        var address = normalize(email);
        jdbc.sql("INSERT INTO earner_email (email, account_id, verified_at) VALUES (?, ?, ?) ON CONFLICT DO NOTHING")
                .params(address, accountId, Timestamps.sql(Timestamps.now()))
                .update();
        return jdbc.sql("SELECT account_id FROM earner_email WHERE email = ?")
                .param(address)
                .query(UUID.class)
                .single();
    }

    @Nullable
    String passwordHash(UUID accountId) {
        return jdbc.sql("SELECT password_hash FROM earner_account WHERE id = ?")
                .param(accountId)
                .query(String.class)
                .optional()
                .orElse(null);
    }

    void setPassword(UUID accountId, String hash) {
        jdbc.sql("UPDATE earner_account SET password_hash = ?, failed_sign_ins = 0, paused_until = NULL WHERE id = ?")
                .params(hash, accountId)
                .update();
    }

    /** Whether password sign-in of this account is paused after repeated failures. */
    boolean paused(UUID accountId) {
        return jdbc.sql("SELECT paused_until FROM earner_account WHERE id = ?")
                .param(accountId)
                .query((rs, n) -> rs.getTimestamp(1))
                .optional()
                .map(t -> t.toInstant().isAfter(Instant.now()))
                .orElse(false);
    }

    /** Counts a failed password; the fifth in a row pauses password sign-in for a while. */
    void failedSignIn(UUID accountId) {
        jdbc.sql("UPDATE earner_account SET failed_sign_ins = failed_sign_ins + 1 WHERE id = ?")
                .param(accountId)
                .update();
        jdbc.sql(
                        "UPDATE earner_account SET failed_sign_ins = 0, paused_until = ? WHERE id = ? AND failed_sign_ins >= ?")
                .params(Timestamps.sql(Timestamps.now().plus(PAUSE)), accountId, MAX_FAILURES)
                .update();
    }

    void signedIn(UUID accountId) {
        jdbc.sql("UPDATE earner_account SET failed_sign_ins = 0 WHERE id = ?")
                .param(accountId)
                .update();
    }

    /** Whether another account already uses a handle. */
    boolean handleTaken(String handle, UUID accountId) {
        return jdbc.sql("SELECT count(*) FROM earner_account WHERE handle = ? AND id <> ?")
                        .params(handle, accountId)
                        .query(Long.class)
                        .single()
                > 0;
    }

    void setProfile(UUID accountId, String handle, boolean enabled) {
        jdbc.sql("UPDATE earner_account SET handle = ?, profile_enabled = ? WHERE id = ?")
                .params(handle, enabled, accountId)
                .update();
    }

    /** The credentials the earner chose to show on the public profile. */
    Set<UUID> profileCredentials(UUID accountId) {
        return jdbc
                .sql("SELECT credential_id FROM earner_profile_credential WHERE account_id = ?")
                .param(accountId)
                .query(UUID.class)
                .list()
                .stream()
                .collect(Collectors.toSet());
    }

    /** Shows or hides a credential on the profile; returns whether anything changed. */
    boolean showOnProfile(UUID accountId, UUID credentialId, boolean shown) {
        if (shown) {
            return jdbc.sql("""
                    INSERT INTO earner_profile_credential (account_id, credential_id, added_at) VALUES (?, ?, ?)
                    ON CONFLICT DO NOTHING""")
                            .params(accountId, credentialId, Timestamps.sql(Timestamps.now()))
                            .update()
                    == 1;
        }
        return jdbc.sql("DELETE FROM earner_profile_credential WHERE account_id = ? AND credential_id = ?")
                        .params(accountId, credentialId)
                        .update()
                == 1;
    }

    private static Account account(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        return new Account(
                rs.getObject("id", UUID.class),
                rs.getString("display_name"),
                rs.getObject("home_organization_id", UUID.class),
                rs.getString("password_hash") != null,
                rs.getString("handle"),
                rs.getBoolean("profile_enabled"));
    }
}
