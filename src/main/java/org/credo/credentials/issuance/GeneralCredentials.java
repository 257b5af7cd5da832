package org.credo.credentials.issuance;

import java.time.Instant;
import java.util.UUID;
import org.credo.credentials.status.StatusSlot;
import org.credo.platform.Timestamps;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The credentials that are not Open Badges, issued through the VC-API, as signed. */
@Repository
class GeneralCredentials {

    private final JdbcClient jdbc;

    GeneralCredentials(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(
            UUID id,
            UUID organizationId,
            String credentialId,
            String types,
            DataModelRules.Version version,
            String cryptosuite,
            @Nullable StatusSlot revocation,
            @Nullable StatusSlot suspension,
            Instant issuedAt,
            String issuedBy,
            String document) {
        jdbc.sql("""
                        INSERT INTO general_credential (id, organization_id, credential_id, types, data_model,
                          cryptosuite, status, revocation_list_id, revocation_index, suspension_list_id,
                          suspension_index, issued_at, issued_by, document)
                        VALUES (?, ?, ?, ?, ?, ?, 'ACTIVE', ?, ?, ?, ?, ?, ?, ?)""")
                .params(
                        id,
                        organizationId,
                        credentialId,
                        types,
                        version == DataModelRules.Version.V1_1 ? "1.1" : "2.0",
                        cryptosuite,
                        revocation == null ? null : revocation.listId(),
                        revocation == null ? null : revocation.index(),
                        suspension == null ? null : suspension.listId(),
                        suspension == null ? null : suspension.index(),
                        Timestamps.sql(issuedAt),
                        issuedBy,
                        document)
                .update();
    }
}
