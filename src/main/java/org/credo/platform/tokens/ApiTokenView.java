package org.credo.platform.tokens;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import org.credo.platform.Role;
import org.jspecify.annotations.Nullable;

/** A personal access token as its owner sees it later: everything but the secret. */
public record ApiTokenView(
        UUID id,
        String name,
        String prefix,
        Set<Role> roles,
        Instant createdAt,
        Instant expiresAt,
        @Nullable Instant revokedAt,
        @Nullable Instant lastUsedAt) {

    /** Usable, expired or revoked, in words. */
    public String status() {
        if (revokedAt != null) {
            return "Revoked";
        }
        return expiresAt.isBefore(Instant.now()) ? "Expired" : "Active";
    }
}
