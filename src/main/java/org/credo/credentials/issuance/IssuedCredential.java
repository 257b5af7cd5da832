package org.credo.credentials.issuance;

import java.time.Instant;
import java.util.UUID;
import org.credo.credentials.status.StatusSlot;
import org.jspecify.annotations.Nullable;

/** A credential Credo issued, with its lifecycle state. */
public record IssuedCredential(
        UUID id,
        UUID organizationId,
        UUID achievementId,
        String achievementName,
        String recipientName,
        String recipientEmail,
        @Nullable String recipientIdentifier,
        String cryptosuite,
        State state,
        @Nullable String stateReason,
        StatusSlot revocation,
        StatusSlot suspension,
        Instant validFrom,
        @Nullable Instant validUntil,
        Instant issuedAt,
        String issuedBy,
        @Nullable UUID replacedBy,
        @Nullable UUID replaces,
        String document) {

    /** Stored state; expiry is derived from {@link #validUntil()}. */
    public enum State {
        ACTIVE,
        SUSPENDED,
        REVOKED
    }

    /** Active, suspended, revoked or expired, in words. */
    public String displayStatus() {
        if (state == State.ACTIVE && validUntil != null && validUntil.isBefore(Instant.now())) {
            return "Expired";
        }
        return switch (state) {
            case ACTIVE -> "Active";
            case SUSPENDED -> "Suspended";
            case REVOKED -> "Revoked";
        };
    }
}
