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
        @Nullable UUID lastOrganizationId,
        Instant createdAt) {

    public boolean hasPassword() {
        return passwordHash != null;
    }
}
