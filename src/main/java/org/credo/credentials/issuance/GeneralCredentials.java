package org.credo.credentials.issuance;

import java.time.Instant;
import java.util.UUID;
import org.credo.credentials.status.StatusPurpose;
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

    /** A general credential's status slots, locked for the rest of the transaction. */
    record Slots(
            UUID id,
            String status,
            @Nullable StatusSlot revocation,
            @Nullable StatusSlot suspension,
            @Nullable StatusSlot notice) {}

    java.util.Optional<Slots> lock(UUID organizationId, String credentialId) {
        return jdbc.sql("""
                        SELECT id, status, revocation_list_id, revocation_index, suspension_list_id, suspension_index,
                          notice_list_id, notice_index
                        FROM general_credential WHERE organization_id = ? AND credential_id = ? FOR UPDATE""")
                .params(organizationId, credentialId)
                .query((rs, n) -> new Slots(
                        rs.getObject(1, UUID.class),
                        rs.getString(2),
                        slot(rs.getObject(3, UUID.class), rs.getInt(4), StatusPurpose.REVOCATION),
                        slot(rs.getObject(5, UUID.class), rs.getInt(6), StatusPurpose.SUSPENSION),
                        slot(rs.getObject(7, UUID.class), rs.getInt(8), StatusPurpose.MESSAGE)))
                .optional();
    }

    void setStatus(UUID id, String status) {
        jdbc.sql("UPDATE general_credential SET status = ? WHERE id = ?")
                .params(status, id)
                .update();
    }

    private static @Nullable StatusSlot slot(@Nullable UUID list, int index, StatusPurpose purpose) {
        return list == null ? null : new StatusSlot(list, index, purpose);
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
            @Nullable StatusSlot notice,
            Instant issuedAt,
            String issuedBy,
            String document) {
        jdbc.sql("""
                        INSERT INTO general_credential (id, organization_id, credential_id, types, data_model,
                          cryptosuite, status, revocation_list_id, revocation_index, suspension_list_id,
                          suspension_index, notice_list_id, notice_index, issued_at, issued_by, document)
                        VALUES (?, ?, ?, ?, ?, ?, 'ACTIVE', ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
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
                        notice == null ? null : notice.listId(),
                        notice == null ? null : notice.index(),
                        Timestamps.sql(issuedAt),
                        issuedBy,
                        document)
                .update();
    }
}
