package org.credo.platform.tokens;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import org.credo.platform.Role;

/** A new token: the only time its secret is shown. */
public record CreatedApiToken(
        UUID id, String name, String token, Set<Role> roles, UUID organizationId, Instant expiresAt) {}
