package org.credo.credentials.issuer;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.credo.platform.Timestamps;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Stored issuer keys. */
@Repository
class IssuerKeys {

    private static final String COLUMNS =
            "id, organization_id, key_number, public_multibase, created_at, superseded_at, retired_at";

    private final JdbcClient jdbc;

    IssuerKeys(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<IssuerKey> signingKey(UUID organizationId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM issuer_key WHERE organization_id = ? AND superseded_at IS NULL"
                        + " AND retired_at IS NULL ORDER BY key_number DESC")
                .param(organizationId)
                .query(IssuerKeys::key)
                .optional();
    }

    List<IssuerKey> all(UUID organizationId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM issuer_key WHERE organization_id = ? ORDER BY key_number")
                .param(organizationId)
                .query(IssuerKeys::key)
                .list();
    }

    Optional<IssuerKey> find(UUID organizationId, int keyNumber) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM issuer_key WHERE organization_id = ? AND key_number = ?")
                .params(organizationId, keyNumber)
                .query(IssuerKeys::key)
                .optional();
    }

    Optional<IssuerKey> findByPublicKey(String publicMultibase) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM issuer_key WHERE public_multibase = ?")
                .param(publicMultibase)
                .query(IssuerKeys::key)
                .optional();
    }

    String sealedSecret(UUID keyId) {
        return jdbc.sql("SELECT secret_encrypted FROM issuer_key WHERE id = ?")
                .param(keyId)
                .query(String.class)
                .single();
    }

    int nextNumber(UUID organizationId) {
        return jdbc.sql("SELECT COALESCE(MAX(key_number), 0) + 1 FROM issuer_key WHERE organization_id = ?")
                .param(organizationId)
                .query(Integer.class)
                .single();
    }

    void insert(IssuerKey key, String sealedSecret) {
        jdbc.sql("""
                INSERT INTO issuer_key (id, organization_id, key_number, public_multibase, secret_encrypted, created_at)
                VALUES (?, ?, ?, ?, ?, ?)""")
                .params(
                        key.id(),
                        key.organizationId(),
                        key.keyNumber(),
                        key.publicMultibase(),
                        sealedSecret,
                        Timestamps.sql(key.createdAt()))
                .update();
    }

    void supersedeAllBut(UUID organizationId, UUID keyId, Instant now) {
        jdbc.sql(
                        "UPDATE issuer_key SET superseded_at = ? WHERE organization_id = ? AND id <> ? AND superseded_at IS NULL")
                .params(Timestamps.sql(now), organizationId, keyId)
                .update();
    }

    boolean retire(UUID organizationId, UUID keyId, Instant now) {
        return jdbc.sql("UPDATE issuer_key SET retired_at = ? WHERE organization_id = ? AND id = ?"
                                + " AND superseded_at IS NOT NULL AND retired_at IS NULL")
                        .params(Timestamps.sql(now), organizationId, keyId)
                        .update()
                == 1;
    }

    /** Serialises key creation per organization (the organization row is the lock). */
    void lockOrganization(UUID organizationId) {
        jdbc.sql("SELECT id FROM organization WHERE id = ? FOR UPDATE")
                .param(organizationId)
                .query(UUID.class)
                .list();
    }

    private static IssuerKey key(ResultSet rs, int row) throws SQLException {
        return new IssuerKey(
                rs.getObject("id", UUID.class),
                rs.getObject("organization_id", UUID.class),
                rs.getInt("key_number"),
                rs.getString("public_multibase"),
                rs.getTimestamp("created_at").toInstant(),
                rs.getTimestamp("superseded_at") == null
                        ? null
                        : rs.getTimestamp("superseded_at").toInstant(),
                rs.getTimestamp("retired_at") == null
                        ? null
                        : rs.getTimestamp("retired_at").toInstant());
    }
}
