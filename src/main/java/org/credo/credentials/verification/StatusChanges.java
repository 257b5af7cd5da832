package org.credo.credentials.verification;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.credo.credentials.CredentialRevoked;
import org.credo.credentials.CredentialSuspended;
import org.credo.credentials.status.StatusPurpose;
import org.credo.platform.Timestamps;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * When credentials were revoked or suspended, so that public verification can say "revoked on". Recorded as the
 * lifecycle events are published, inside the transaction that changed the status list.
 */
@Repository
class StatusChanges {

    private final JdbcClient jdbc;

    StatusChanges(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @EventListener
    void on(CredentialRevoked event) {
        record(event.credentialId(), StatusPurpose.REVOCATION, event.stamp().occurredAt());
    }

    @EventListener
    void on(CredentialSuspended event) {
        record(event.credentialId(), StatusPurpose.SUSPENSION, event.stamp().occurredAt());
    }

    /** The latest time a credential's status changed for a purpose, if this server recorded it. */
    Optional<Instant> latest(UUID credentialId, StatusPurpose purpose) {
        return jdbc.sql("SELECT changed_at FROM credential_status_change WHERE credential_id = ? AND purpose = ?"
                        + " ORDER BY changed_at DESC LIMIT 1")
                .params(credentialId, purpose.name())
                .query((rs, n) -> rs.getTimestamp(1).toInstant())
                .optional();
    }

    private void record(UUID credentialId, StatusPurpose purpose, Instant at) {
        jdbc.sql("INSERT INTO credential_status_change (id, credential_id, purpose, changed_at) VALUES (?, ?, ?, ?)")
                .params(UUID.randomUUID(), credentialId, purpose.name(), Timestamps.sql(at))
                .update();
    }
}
