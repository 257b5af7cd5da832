package org.credo.platform.people;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A person who can sign in; may belong to several organizations. */
public record Person(
        UUID id,
        String email,
        String displayName,
        @Nullable String passwordHash,
        int failedSignIns,
        @Nullable Instant lockedUntil,
        @Nullable UUID lastOrganizationId,
        Instant createdAt) {

    public boolean lockedAt(Instant now) {
        return lockedUntil != null && lockedUntil.isAfter(now);
    }

    public boolean hasPassword() {
        return passwordHash != null;
    }
}
