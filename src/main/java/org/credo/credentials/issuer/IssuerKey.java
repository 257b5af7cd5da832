package org.credo.credentials.issuer;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** One Ed25519 key of an issuer, as stored (without its secret). */
public record IssuerKey(
        UUID id,
        UUID organizationId,
        int keyNumber,
        String publicMultibase,
        Instant createdAt,
        @Nullable Instant supersededAt,
        @Nullable Instant retiredAt) {

    /** The fragment that names this key inside the issuer's did:web document. */
    public String fragment() {
        return "key-" + keyNumber;
    }

    public boolean signing() {
        return supersededAt == null && retiredAt == null;
    }

    public boolean published() {
        return retiredAt == null;
    }
}
