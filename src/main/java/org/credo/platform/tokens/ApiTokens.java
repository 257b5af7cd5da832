package org.credo.platform.tokens;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.credo.platform.Role;
import org.credo.platform.Timestamps;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Stored personal access tokens (their digests). */
@Repository
class ApiTokens {

    /** A stored token found by its digest. */
    record Stored(
            UUID id,
            UUID organizationId,
            UUID personId,
            String name,
            String roles,
            Instant expiresAt,
            @Nullable Instant revokedAt,
            @Nullable Instant lastUsedAt) {}

    private final JdbcClient jdbc;

    ApiTokens(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(
            UUID id,
            UUID organizationId,
            UUID personId,
            String name,
            String digest,
            String prefix,
            String roles,
            Instant createdAt,
            Instant expiresAt) {
        jdbc.sql("""
                INSERT INTO api_token (id, organization_id, person_id, name, token_hash, token_prefix, roles, created_at, expires_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(
                        id,
                        organizationId,
                        personId,
                        name,
                        digest,
                        prefix,
                        roles,
                        Timestamps.sql(createdAt),
                        Timestamps.sql(expiresAt))
                .update();
    }

    Optional<Stored> findByDigest(String digest) {
        return jdbc.sql("""
                SELECT id, organization_id, person_id, name, roles, expires_at, revoked_at, last_used_at
                FROM api_token WHERE token_hash = ?""")
                .param(digest)
                .query((rs, n) -> new Stored(
                        rs.getObject(1, UUID.class),
                        rs.getObject(2, UUID.class),
                        rs.getObject(3, UUID.class),
                        rs.getString(4),
                        rs.getString(5),
                        rs.getTimestamp(6).toInstant(),
                        rs.getTimestamp(7) == null ? null : rs.getTimestamp(7).toInstant(),
                        rs.getTimestamp(8) == null ? null : rs.getTimestamp(8).toInstant()))
                .optional();
    }

    List<ApiTokenView> ofOwner(UUID personId, UUID organizationId) {
        return jdbc.sql("""
                SELECT id, name, token_prefix, roles, created_at, expires_at, revoked_at, last_used_at
                FROM api_token WHERE person_id = ? AND organization_id = ? ORDER BY created_at DESC, id""")
                .params(personId, organizationId)
                .query((rs, n) -> new ApiTokenView(
                        rs.getObject(1, UUID.class),
                        rs.getString(2),
                        rs.getString(3),
                        ApiTokenService.parseRoles(rs.getString(4)),
                        rs.getTimestamp(5).toInstant(),
                        rs.getTimestamp(6).toInstant(),
                        rs.getTimestamp(7) == null ? null : rs.getTimestamp(7).toInstant(),
                        rs.getTimestamp(8) == null ? null : rs.getTimestamp(8).toInstant()))
                .list();
    }

    /** Revokes a token of this owner; false when there is no such unrevoked token. */
    boolean revoke(UUID tokenId, UUID personId, UUID organizationId, Instant now) {
        return jdbc.sql(
                                "UPDATE api_token SET revoked_at = ? WHERE id = ? AND person_id = ? AND organization_id = ? AND revoked_at IS NULL")
                        .params(Timestamps.sql(now), tokenId, personId, organizationId)
                        .update()
                == 1;
    }

    void touch(UUID tokenId, Instant now) {
        jdbc.sql("UPDATE api_token SET last_used_at = ? WHERE id = ?")
                .params(Timestamps.sql(now), tokenId)
                .update();
    }

    static String rolesText(java.util.Set<Role> roles) {
        return String.join(",", roles.stream().sorted().map(Role::name).toList());
    }
}
