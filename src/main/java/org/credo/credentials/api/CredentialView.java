package org.credo.credentials.api;

import java.time.Instant;
import java.util.UUID;
import org.credo.credentials.issuance.IssuedCredential;
import org.jspecify.annotations.Nullable;

/** An issued credential over the API: its facts, status and the signed document. */
public record CredentialView(
        UUID id,
        UUID achievementId,
        String achievementName,
        String recipientName,
        String recipientEmail,
        @Nullable String recipientIdentifier,
        String cryptosuite,
        String status,
        @Nullable String statusReason,
        Instant validFrom,
        @Nullable Instant validUntil,
        Instant issuedAt,
        String issuedBy,
        @Nullable UUID replacedBy,
        @Nullable UUID replaces,
        @Nullable Object verifiableCredential) {

    static CredentialView of(IssuedCredential c, @Nullable Object document) {
        return new CredentialView(
                c.id(),
                c.achievementId(),
                c.achievementName(),
                c.recipientName(),
                c.recipientEmail(),
                c.recipientIdentifier(),
                c.cryptosuite(),
                c.displayStatus().toUpperCase(),
                c.stateReason(),
                c.validFrom(),
                c.validUntil(),
                c.issuedAt(),
                c.issuedBy(),
                c.replacedBy(),
                c.replaces(),
                document);
    }
}
