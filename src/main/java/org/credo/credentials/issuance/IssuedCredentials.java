package org.credo.credentials.issuance;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.credo.credentials.status.StatusPurpose;
import org.credo.credentials.status.StatusSlot;
import org.credo.platform.PageQuery;
import org.credo.platform.PageResult;
import org.credo.platform.Timestamps;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Stored credentials of every organization; every query names the organization. */
@Repository
public class IssuedCredentials {

    /** The fields a credential list can be sorted by; the first is the default. */
    public static final List<String> SORTABLE = List.of("issuedAt", "recipient", "achievement", "status");

    private static final Map<String, String> SORT_COLUMNS = Map.of(
            "issuedAt", "c.issued_at", "recipient", "c.recipient_name", "achievement", "a.name", "status", "c.status");

    private static final String SELECT = "SELECT c.*, a.name AS achievement_name FROM issued_credential c"
            + " JOIN achievement a ON a.id = c.achievement_id";

    private static final String INSERT = """
            INSERT INTO issued_credential (id, organization_id, achievement_id, recipient_name, recipient_email,
              recipient_identifier, recipient_did, cryptosuite, status, revocation_list_id, revocation_index,
              suspension_list_id, suspension_index, valid_from, valid_until, issued_at, issued_by, replaces,
              idempotency_key, document)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'ACTIVE', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""";

    private final JdbcClient jdbc;
    private final JdbcTemplate template;

    IssuedCredentials(JdbcClient jdbc, JdbcTemplate template) {
        this.jdbc = jdbc;
        this.template = template;
    }

    /**
     * Stores many credentials in batched statements; idempotency keys, if given, and recipient DIDs
     * match by position.
     */
    void insertAll(
            List<IssuedCredential> credentials,
            @Nullable List<String> idempotencyKeys,
            List<@Nullable String> recipientDids) {
        var batch = new ArrayList<Object[]>(credentials.size());
        for (int i = 0; i < credentials.size(); i++) {
            batch.add(parameters(
                    credentials.get(i), idempotencyKeys == null ? null : idempotencyKeys.get(i), recipientDids.get(i)));
        }
        template.batchUpdate(INSERT, batch);
    }

    private static Object[] parameters(
            IssuedCredential c, @Nullable String idempotencyKey, @Nullable String recipientDid) {
        return new Object[] {
            c.id(),
            c.organizationId(),
            c.achievementId(),
            c.recipientName(),
            c.recipientEmail(),
            c.recipientIdentifier(),
            recipientDid,
            c.cryptosuite(),
            c.revocation().listId(),
            c.revocation().index(),
            c.suspension().listId(),
            c.suspension().index(),
            Timestamps.sql(c.validFrom()),
            Timestamps.sql(c.validUntil()),
            Timestamps.sql(c.issuedAt()),
            c.issuedBy(),
            c.replaces(),
            idempotencyKey,
            c.document()
        };
    }

    void insert(IssuedCredential c, @Nullable String idempotencyKey, @Nullable String recipientDid) {
        template.update(INSERT, parameters(c, idempotencyKey, recipientDid));
    }

    public Optional<IssuedCredential> find(UUID organizationId, UUID id) {
        return jdbc.sql(SELECT + " WHERE c.organization_id = ? AND c.id = ?")
                .params(organizationId, id)
                .query(IssuedCredentials::credential)
                .optional();
    }

    /** Who received a credential, for the email that delivers it. */
    public record Recipient(
            UUID credentialId,
            UUID organizationId,
            String name,
            String email,
            String achievementName,
            java.time.Instant issuedAt,
            java.time.@Nullable Instant validUntil) {}

    /** The recipients of these credentials, in the order of the ids. */
    public List<Recipient> recipients(List<UUID> ids) {
        var found = new java.util.HashMap<UUID, Recipient>();
        jdbc.sql("SELECT c.id, c.organization_id, c.recipient_name, c.recipient_email, a.name, c.issued_at,"
                        + " c.valid_until FROM issued_credential c"
                        + " JOIN achievement a ON a.id = c.achievement_id WHERE c.id = ANY (?)")
                .param(new org.springframework.jdbc.support.SqlArrayValue("uuid", ids.toArray()))
                .query((rs, n) -> new Recipient(
                        rs.getObject(1, UUID.class),
                        rs.getObject(2, UUID.class),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getString(5),
                        rs.getTimestamp(6).toInstant(),
                        rs.getTimestamp(7) == null ? null : rs.getTimestamp(7).toInstant()))
                .list()
                .forEach(r -> found.put(r.credentialId(), r));
        return ids.stream().map(found::get).filter(java.util.Objects::nonNull).toList();
    }

    /** A credential by id alone: only for public verification, which shows no private data. */
    public Optional<IssuedCredential> findAnywhere(UUID id) {
        return jdbc.sql(SELECT + " WHERE c.id = ?")
                .param(id)
                .query(IssuedCredentials::credential)
                .optional();
    }

    Optional<IssuedCredential> lock(UUID organizationId, UUID id) {
        jdbc.sql("SELECT id FROM issued_credential WHERE organization_id = ? AND id = ? FOR UPDATE")
                .params(organizationId, id)
                .query(UUID.class)
                .optional();
        return find(organizationId, id);
    }

    public Optional<IssuedCredential> findByIdempotencyKey(UUID organizationId, String key) {
        return jdbc.sql(SELECT + " WHERE c.organization_id = ? AND c.idempotency_key = ?")
                .params(organizationId, key)
                .query(IssuedCredentials::credential)
                .optional();
    }

    void setState(UUID id, IssuedCredential.State state, @Nullable String reason) {
        jdbc.sql("UPDATE issued_credential SET status = ?, status_reason = ? WHERE id = ?")
                .params(state.name(), reason, id)
                .update();
    }

    /** Records a step in a credential's life. */
    void history(UUID credentialId, String actor, String action, @Nullable String reason) {
        jdbc.sql(
                        "INSERT INTO credential_history (credential_id, occurred_at, actor, action, reason) VALUES (?, ?, ?, ?, ?)")
                .params(credentialId, Timestamps.sql(Timestamps.now()), actor, action, reason)
                .update();
    }

    /** Records the same step for many credentials at once. */
    void historyAll(List<IssuedCredential> issued, String actor, String action, @Nullable String reason) {
        var now = Timestamps.sql(Timestamps.now());
        var rows = issued.stream()
                .map(c -> new Object[] {c.id(), now, actor, action, reason})
                .toList();
        template.batchUpdate(
                "INSERT INTO credential_history (credential_id, occurred_at, actor, action, reason) VALUES (?, ?, ?, ?, ?)",
                rows);
    }

    /** A step in a credential's life. */
    public record HistoryEntry(
            java.time.Instant occurredAt,
            String actor,
            String action,
            @Nullable String reason) {}

    /** The steps of a credential's life, oldest first. */
    public List<HistoryEntry> history(UUID organizationId, UUID credentialId) {
        return jdbc.sql("""
                SELECT h.occurred_at, h.actor, h.action, h.reason FROM credential_history h
                JOIN issued_credential c ON c.id = h.credential_id
                WHERE c.organization_id = ? AND h.credential_id = ? ORDER BY h.occurred_at, h.id""")
                .params(organizationId, credentialId)
                .query((rs, n) -> new HistoryEntry(
                        rs.getTimestamp(1).toInstant(), rs.getString(2), rs.getString(3), rs.getString(4)))
                .list();
    }

    void setReplacedBy(UUID id, UUID replacement) {
        jdbc.sql("UPDATE issued_credential SET replaced_by = ? WHERE id = ?")
                .params(replacement, id)
                .update();
    }

    /** One page of an organization's credentials, filtered by a search text and a status. */
    public PageResult<IssuedCredential> page(
            UUID organizationId,
            @Nullable String search,
            @Nullable String status,
            @Nullable UUID achievementId,
            PageQuery page) {
        var filter = filter(organizationId, search, status, achievementId);
        var where = filter.where();
        var params = filter.params();
        long total = jdbc.sql("SELECT count(*) FROM issued_credential c JOIN achievement a ON a.id = c.achievement_id"
                        + where)
                .params(params)
                .query(Long.class)
                .single();
        var pageParams = new ArrayList<>(params);
        pageParams.add(page.size());
        pageParams.add(page.offset());
        var rows = jdbc.sql(SELECT + where + " ORDER BY " + page.orderBy(SORT_COLUMNS, "c.id") + " LIMIT ? OFFSET ?")
                .params(pageParams)
                .query(IssuedCredentials::credential)
                .list();
        return PageResult.of(rows, page, total);
    }

    /** The WHERE clause of the credential list and its parameters: one place, so the list and its export agree. */
    private record Filter(String where, List<Object> params) {}

    private static Filter filter(
            UUID organizationId, @Nullable String search, @Nullable String status, @Nullable UUID achievementId) {
        var where = new StringBuilder(" WHERE c.organization_id = ?");
        var params = new ArrayList<Object>();
        params.add(organizationId);
        if (search != null && !search.isBlank()) {
            var pattern = "%"
                    + search.trim().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
            where.append(
                    " AND (c.recipient_name ILIKE ? OR c.recipient_email ILIKE ? OR c.recipient_identifier ILIKE ? OR a.name ILIKE ?)");
            params.add(pattern);
            params.add(pattern);
            params.add(pattern);
            params.add(pattern);
        }
        if (status != null && !status.isBlank()) {
            if (status.equalsIgnoreCase("EXPIRED")) {
                where.append(" AND c.status = 'ACTIVE' AND c.valid_until < ?");
                params.add(Timestamps.sql(Timestamps.now()));
            } else {
                where.append(" AND c.status = ?");
                params.add(status.toUpperCase());
            }
        }
        if (achievementId != null) {
            where.append(" AND a.lineage_id = (SELECT lineage_id FROM achievement WHERE id = ?)");
            params.add(achievementId);
        }
        return new Filter(where.toString(), params);
    }

    /** The columns of a credential list's export, without the signed document. */
    public record ExportRow(
            UUID id,
            String recipientName,
            String recipientEmail,
            @Nullable String recipientIdentifier,
            String achievementName,
            String status,
            java.time.Instant issuedAt,
            java.time.Instant validFrom,
            java.time.@Nullable Instant validUntil,
            String issuedBy) {}

    /**
     * Hands every credential of the list with these filters, in the list's order, to {@code row}, reading the rows in
     * chunks (call inside a transaction, so that PostgreSQL reads with a cursor rather than all at once).
     */
    public void forEachMatching(
            UUID organizationId,
            @Nullable String search,
            @Nullable String status,
            @Nullable UUID achievementId,
            PageQuery order,
            java.util.function.Consumer<ExportRow> row) {
        var filter = filter(organizationId, search, status, achievementId);
        var now = Timestamps.now();
        template.query(
                connection -> {
                    var statement = connection.prepareStatement(
                            """
                            SELECT c.id, c.recipient_name, c.recipient_email, c.recipient_identifier, a.name,
                              c.status, c.issued_at, c.valid_from, c.valid_until, c.issued_by
                            FROM issued_credential c JOIN achievement a ON a.id = c.achievement_id""" + filter.where() + " ORDER BY " + order.orderBy(SORT_COLUMNS, "c.id"));
                    statement.setFetchSize(500);
                    for (int i = 0; i < filter.params().size(); i++) {
                        statement.setObject(i + 1, filter.params().get(i));
                    }
                    return statement;
                },
                (org.springframework.jdbc.core.RowCallbackHandler) rs -> {
                    var validUntil = rs.getTimestamp(9) == null
                            ? null
                            : rs.getTimestamp(9).toInstant();
                    var state = rs.getString(6);
                    var shown = state.equals("ACTIVE") && validUntil != null && validUntil.isBefore(now)
                            ? "EXPIRED"
                            : state;
                    row.accept(new ExportRow(
                            rs.getObject(1, UUID.class),
                            rs.getString(2),
                            rs.getString(3),
                            rs.getString(4),
                            rs.getString(5),
                            shown,
                            rs.getTimestamp(7).toInstant(),
                            rs.getTimestamp(8).toInstant(),
                            validUntil,
                            rs.getString(10)));
                });
    }

    /** Every credential issued to an email address, in any organization, newest first: for the earner's wallet. */
    public List<IssuedCredential> forRecipient(String email) {
        return jdbc.sql(SELECT + " WHERE c.recipient_email = ? ORDER BY c.issued_at DESC")
                .param(email.trim().toLowerCase(java.util.Locale.ROOT))
                .query(IssuedCredentials::credential)
                .list();
    }

    /** Every credential issued to any of an earner's addresses, in any organization, newest first. */
    public List<IssuedCredential> forRecipients(java.util.Collection<String> emails) {
        if (emails.isEmpty()) {
            return List.of();
        }
        var normalized = emails.stream()
                .map(e -> e.trim().toLowerCase(java.util.Locale.ROOT))
                .distinct()
                .toList();
        return jdbc.sql(SELECT + " WHERE c.recipient_email IN (:emails) ORDER BY c.issued_at DESC")
                .param("emails", normalized)
                .query(IssuedCredentials::credential)
                .list();
    }

    /** Whether the earner lets anyone see the credential's share page. */
    /**
     * What a public page of the credential (verification, share) depends on, read in one query: its state and reason,
     * its validity window as of now, its replacement, its achievement's name, the versions of its two status lists and
     * its issuer's keys. Any change to these changes the stamp; the document itself never changes.
     */
    public Optional<PublicStamp> publicStamp(UUID id) {
        var now = java.time.Instant.now();
        return jdbc.sql("""
                        SELECT c.organization_id, c.status, c.status_reason, c.replaced_by, c.valid_from, c.valid_until,
                               c.share_enabled, a.name AS achievement_name, r.version AS revocation_version,
                               s.version AS suspension_version,
                               (SELECT count(*) FROM issuer_key k WHERE k.organization_id = c.organization_id) AS keys,
                               (SELECT count(*) FROM issuer_key k WHERE k.organization_id = c.organization_id
                                  AND k.retired_at IS NOT NULL) AS retired_keys
                          FROM issued_credential c
                          JOIN achievement a ON a.id = c.achievement_id
                          JOIN status_list r ON r.id = c.revocation_list_id
                          JOIN status_list s ON s.id = c.suspension_list_id
                         WHERE c.id = ?""")
                .param(id)
                .query((rs, n) -> {
                    var validFrom = rs.getTimestamp("valid_from").toInstant();
                    var validUntil = rs.getTimestamp("valid_until") == null
                            ? null
                            : rs.getTimestamp("valid_until").toInstant();
                    var phase = now.isBefore(validFrom)
                            ? "not-yet-valid"
                            : validUntil != null && !now.isBefore(validUntil) ? "expired" : "valid";
                    var value = String.join(
                            "|",
                            rs.getString("status"),
                            String.valueOf(rs.getString("status_reason")),
                            String.valueOf(rs.getObject("replaced_by")),
                            phase,
                            rs.getString("achievement_name"),
                            rs.getString("revocation_version"),
                            rs.getString("suspension_version"),
                            rs.getString("keys"),
                            rs.getString("retired_keys"));
                    return new PublicStamp(
                            rs.getObject("organization_id", UUID.class), value, rs.getBoolean("share_enabled"));
                })
                .optional();
    }

    /** See {@link #publicStamp(UUID)}. */
    public record PublicStamp(UUID organizationId, String value, boolean shared) {}

    public boolean shared(UUID id) {
        return jdbc.sql("SELECT share_enabled FROM issued_credential WHERE id = ?")
                .param(id)
                .query(Boolean.class)
                .optional()
                .orElse(false);
    }

    /** Turns the public share page on or off. */
    public void share(UUID id, boolean enabled) {
        jdbc.sql("UPDATE issued_credential SET share_enabled = ? WHERE id = ?")
                .params(enabled, id)
                .update();
    }

    static IssuedCredential credential(ResultSet rs, int row) throws SQLException {
        return new IssuedCredential(
                rs.getObject("id", UUID.class),
                rs.getObject("organization_id", UUID.class),
                rs.getObject("achievement_id", UUID.class),
                rs.getString("achievement_name"),
                rs.getString("recipient_name"),
                rs.getString("recipient_email"),
                rs.getString("recipient_identifier"),
                rs.getString("cryptosuite"),
                IssuedCredential.State.valueOf(rs.getString("status")),
                rs.getString("status_reason"),
                new StatusSlot(
                        rs.getObject("revocation_list_id", UUID.class),
                        rs.getInt("revocation_index"),
                        StatusPurpose.REVOCATION),
                new StatusSlot(
                        rs.getObject("suspension_list_id", UUID.class),
                        rs.getInt("suspension_index"),
                        StatusPurpose.SUSPENSION),
                rs.getTimestamp("valid_from").toInstant(),
                rs.getTimestamp("valid_until") == null
                        ? null
                        : rs.getTimestamp("valid_until").toInstant(),
                rs.getTimestamp("issued_at").toInstant(),
                rs.getString("issued_by"),
                rs.getObject("replaced_by", UUID.class),
                rs.getObject("replaces", UUID.class),
                rs.getString("document"));
    }
}
