package org.credo.credentials.bulk;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.credo.platform.Timestamps;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.SqlArrayValue;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Stored bulk change plans, and the facts about credentials a plan is checked against. */
@Repository
class ActionPlans {

    /** What a plan needs to know about a credential id, whichever organization holds it. */
    record Target(
            UUID id,
            UUID organizationId,
            String status,
            java.time.@Nullable Instant validUntil,
            String recipientName,
            String achievementName) {}

    private final JdbcClient jdbc;
    private final JsonMapper json;

    ActionPlans(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    void insert(ActionPlan plan, @Nullable String idempotencyKey) {
        jdbc.sql("""
                INSERT INTO credential_bulk_action (id, organization_id, source, idempotency_key, file_name, status,
                  items, errors, skipped, created_by, created_at, expires_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(
                        plan.id(),
                        plan.organizationId(),
                        plan.source().name(),
                        idempotencyKey,
                        plan.fileName(),
                        plan.status().name(),
                        json.writeValueAsString(plan.items()),
                        json.writeValueAsString(plan.errors()),
                        json.writeValueAsString(plan.skipped()),
                        plan.createdBy(),
                        Timestamps.sql(plan.createdAt()),
                        Timestamps.sql(plan.expiresAt()))
                .update();
    }

    Optional<ActionPlan> find(UUID organizationId, UUID id) {
        return jdbc.sql("SELECT * FROM credential_bulk_action WHERE organization_id = ? AND id = ?")
                .params(organizationId, id)
                .query(this::plan)
                .optional();
    }

    Optional<ActionPlan> findByKey(UUID organizationId, String key) {
        return jdbc.sql("SELECT * FROM credential_bulk_action WHERE organization_id = ? AND idempotency_key = ?")
                .params(organizationId, key)
                .query(this::plan)
                .optional();
    }

    /** Moves a plan from PREVIEW to APPLIED; true for the one caller that did. */
    boolean markApplied(UUID organizationId, UUID id, String by) {
        var now = Timestamps.sql(Timestamps.now());
        return jdbc.sql("UPDATE credential_bulk_action SET status = 'APPLIED', applied_by = ?, applied_at = ?"
                                + " WHERE organization_id = ? AND id = ? AND status = 'PREVIEW' AND expires_at > ?")
                        .params(by, now, organizationId, id, now)
                        .update()
                == 1;
    }

    void saveOutcome(UUID id, ActionPlan.Outcome outcome) {
        jdbc.sql("UPDATE credential_bulk_action SET outcome = ? WHERE id = ?")
                .params(json.writeValueAsString(outcome), id)
                .update();
    }

    /** The credentials with these ids, in any organization (to tell "unknown" from "another organization's"). */
    List<Target> targets(List<UUID> ids) {
        var found = new ArrayList<Target>(ids.size());
        for (int i = 0; i < ids.size(); i += 1000) {
            var batch = ids.subList(i, Math.min(i + 1000, ids.size()));
            found.addAll(jdbc.sql("""
                    SELECT c.id, c.organization_id, c.status, c.valid_until, c.recipient_name, a.name
                    FROM issued_credential c JOIN achievement a ON a.id = c.achievement_id
                    WHERE c.id = ANY (?)""")
                    .param(new SqlArrayValue("uuid", batch.toArray()))
                    .query((rs, n) -> new Target(
                            rs.getObject(1, UUID.class),
                            rs.getObject(2, UUID.class),
                            rs.getString(3),
                            rs.getTimestamp(4) == null
                                    ? null
                                    : rs.getTimestamp(4).toInstant(),
                            rs.getString(5),
                            rs.getString(6)))
                    .list());
        }
        return found;
    }

    private ActionPlan plan(ResultSet rs, int n) throws SQLException {
        var outcome = rs.getString("outcome");
        return new ActionPlan(
                rs.getObject("id", UUID.class),
                rs.getObject("organization_id", UUID.class),
                ActionPlan.Source.valueOf(rs.getString("source")),
                rs.getString("file_name"),
                ActionPlan.Status.valueOf(rs.getString("status")),
                json.readValue(rs.getString("items"), new TypeReference<List<ActionPlan.Item>>() {}),
                json.readValue(rs.getString("errors"), new TypeReference<List<ActionPlan.PlanError>>() {}),
                json.readValue(rs.getString("skipped"), new TypeReference<List<ActionPlan.Skipped>>() {}),
                outcome == null ? null : json.readValue(outcome, ActionPlan.Outcome.class),
                rs.getString("created_by"),
                rs.getTimestamp("created_at").toInstant(),
                rs.getTimestamp("expires_at").toInstant(),
                rs.getString("applied_by"),
                rs.getTimestamp("applied_at") == null
                        ? null
                        : rs.getTimestamp("applied_at").toInstant());
    }
}
