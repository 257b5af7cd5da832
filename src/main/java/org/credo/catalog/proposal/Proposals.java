package org.credo.catalog.proposal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.credo.platform.CredoUser;
import org.credo.platform.PageQuery;
import org.credo.platform.PageResult;
import org.credo.platform.Role;
import org.credo.platform.Timestamps;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Proposals, the steps they were submitted into, and the decisions on them. */
@Repository
public class Proposals {

    /** The fields the proposal list can be sorted by; the first is the default. */
    public static final List<String> SORTABLE = List.of("updatedAt", "number", "title", "status");

    private static final Map<String, String> SORT_COLUMNS =
            Map.of("updatedAt", "p.updated_at", "number", "p.number", "title", "p.title", "status", "p.status");

    private static final String SELECT = """
            SELECT p.*, a.display_name AS author_name FROM catalog_proposal p JOIN person a ON a.id = p.author_id
            """;

    private final JdbcClient jdbc;

    Proposals(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(Proposal p, @Nullable String idempotencyKey) {
        jdbc.sql("""
                INSERT INTO catalog_proposal (id, organization_id, number, item_kind, action, item_key, open_item_key,
                  item_id, base_version, title, rationale, content, effective_from, status, round, current_position,
                  author_id, created_at, updated_at, lock_version, idempotency_key)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, NULL, ?, ?, ?, 0, ?)""")
                .params(
                        p.id(),
                        p.organizationId(),
                        p.number(),
                        p.kind().name(),
                        p.action().name(),
                        p.itemKey(),
                        p.itemKey(),
                        p.itemId(),
                        p.baseVersion(),
                        p.title(),
                        p.rationale(),
                        p.content(),
                        p.effectiveFrom(),
                        p.status().name(),
                        p.authorId(),
                        Timestamps.sql(p.createdAt()),
                        Timestamps.sql(p.updatedAt()),
                        idempotencyKey)
                .update();
    }

    /** The proposal an earlier request with this Idempotency-Key created. */
    Optional<Proposal> findByIdempotencyKey(UUID organizationId, String key) {
        return jdbc.sql(SELECT + " WHERE p.organization_id = ? AND p.idempotency_key = ?")
                .params(organizationId, key)
                .query(this::proposal)
                .optional();
    }

    int nextNumber(UUID organizationId) {
        return jdbc.sql("SELECT COALESCE(MAX(number), 0) + 1 FROM catalog_proposal WHERE organization_id = ?")
                .param(organizationId)
                .query(Integer.class)
                .single();
    }

    /** The open proposal for an item, if any. */
    Optional<Proposal> openFor(UUID organizationId, String itemKey) {
        return jdbc.sql(SELECT + " WHERE p.organization_id = ? AND p.open_item_key = ?")
                .params(organizationId, itemKey)
                .query(this::proposal)
                .optional();
    }

    Optional<Proposal> find(UUID organizationId, UUID id) {
        return jdbc.sql(SELECT + " WHERE p.organization_id = ? AND p.id = ?")
                .params(organizationId, id)
                .query(this::proposal)
                .optional();
    }

    /** Finds and locks the row for the rest of the transaction, so two decisions never interleave. */
    Optional<Proposal> lock(UUID organizationId, UUID id) {
        jdbc.sql("SELECT id FROM catalog_proposal WHERE organization_id = ? AND id = ? FOR UPDATE")
                .params(organizationId, id)
                .query(UUID.class)
                .optional();
        return find(organizationId, id);
    }

    void updateContent(Proposal p, String title, @Nullable String rationale, String content, LocalDate effectiveFrom) {
        jdbc.sql("""
                UPDATE catalog_proposal SET title = ?, rationale = ?, content = ?, effective_from = ?, updated_at = ?,
                  lock_version = lock_version + 1
                WHERE id = ? AND status IN ('DRAFT', 'RETURNED')""")
                .params(title, rationale, content, effectiveFrom, Timestamps.sql(Timestamps.now()), p.id())
                .update();
    }

    /** Moves the proposal to a status; a closed proposal frees its item for the next one. */
    void updateStatus(Proposal p, Proposal.Status status, int round, @Nullable Integer position) {
        var now = Timestamps.sql(Timestamps.now());
        jdbc.sql("""
                UPDATE catalog_proposal SET status = ?, round = ?, current_position = ?, updated_at = ?,
                  submitted_at = CASE WHEN ? THEN ? ELSE submitted_at END,
                  closed_at = CASE WHEN ? THEN ? ELSE closed_at END,
                  open_item_key = CASE WHEN ? THEN NULL ELSE open_item_key END,
                  lock_version = lock_version + 1
                WHERE id = ?""")
                .params(
                        status.name(),
                        round,
                        position,
                        now,
                        status == Proposal.Status.IN_REVIEW && round != p.round(),
                        now,
                        !status.open(),
                        now,
                        !status.open(),
                        p.id())
                .update();
    }

    void insertStep(
            Proposal p,
            int round,
            int position,
            String name,
            @Nullable String role,
            @Nullable UUID groupId,
            String status) {
        jdbc.sql("""
                INSERT INTO catalog_proposal_step (id, proposal_id, organization_id, round, position, name, reviewer_role,
                  reviewer_group_id, status)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(UUID.randomUUID(), p.id(), p.organizationId(), round, position, name, role, groupId, status)
                .update();
    }

    void setStepStatus(UUID stepId, String status) {
        jdbc.sql("UPDATE catalog_proposal_step SET status = ? WHERE id = ?")
                .params(status, stepId)
                .update();
    }

    /** Every step of every round, in order. */
    List<ProposalStep> steps(UUID proposalId) {
        return jdbc.sql("""
                SELECT s.*, g.name AS group_name FROM catalog_proposal_step s
                LEFT JOIN catalog_review_group g ON g.id = s.reviewer_group_id
                WHERE s.proposal_id = ? ORDER BY s.round, s.position, s.name""")
                .param(proposalId)
                .query((rs, n) -> new ProposalStep(
                        rs.getObject("id", UUID.class),
                        rs.getInt("round"),
                        rs.getInt("position"),
                        rs.getString("name"),
                        rs.getString("reviewer_role"),
                        rs.getObject("reviewer_group_id", UUID.class),
                        rs.getString("group_name"),
                        rs.getString("status")))
                .list();
    }

    void insertDecision(Proposal p, @Nullable UUID stepId, UUID reviewerId, String decision, @Nullable String comment) {
        jdbc.sql("""
                INSERT INTO catalog_proposal_decision (id, proposal_id, organization_id, step_id, round, reviewer_id,
                  decision, comment, decided_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(
                        UUID.randomUUID(),
                        p.id(),
                        p.organizationId(),
                        stepId,
                        p.round(),
                        reviewerId,
                        decision,
                        comment,
                        Timestamps.sql(Timestamps.now()))
                .update();
    }

    /** Every decision, oldest first. */
    List<Decision> decisions(UUID proposalId) {
        return jdbc.sql("""
                SELECT d.*, s.name AS step_name, r.display_name AS reviewer_name FROM catalog_proposal_decision d
                JOIN person r ON r.id = d.reviewer_id LEFT JOIN catalog_proposal_step s ON s.id = d.step_id
                WHERE d.proposal_id = ? ORDER BY d.decided_at, d.id""")
                .param(proposalId)
                .query((rs, n) -> new Decision(
                        rs.getObject("id", UUID.class),
                        rs.getObject("step_id", UUID.class),
                        rs.getString("step_name"),
                        rs.getInt("round"),
                        rs.getObject("reviewer_id", UUID.class),
                        rs.getString("reviewer_name"),
                        rs.getString("decision"),
                        rs.getString("comment"),
                        rs.getObject("decided_at", OffsetDateTime.class).toInstant()))
                .list();
    }

    /** Which proposals a list shows: the caller's own, those awaiting the caller's review, or all. */
    public enum Filter {
        MINE,
        AWAITING,
        ALL
    }

    /** A page of proposals, optionally searched by title or item. */
    PageResult<Proposal> page(
            CredoUser user, Filter filter, @Nullable String status, @Nullable String q, PageQuery query) {
        var where = new StringBuilder(" WHERE p.organization_id = :org");
        if (filter == Filter.MINE) {
            where.append(" AND p.author_id = :me");
        } else if (filter == Filter.AWAITING) {
            where.append(" ");
            where.append("""
                     AND p.status = 'IN_REVIEW' AND EXISTS (SELECT 1 FROM catalog_proposal_step s
                       WHERE s.proposal_id = p.id AND s.round = p.round AND s.status = 'PENDING'
                         AND (s.reviewer_role IN (:roles)
                              OR s.reviewer_group_id IN (SELECT m.group_id FROM catalog_review_group_member m WHERE m.user_id = :me))
                         AND NOT EXISTS (SELECT 1 FROM catalog_proposal_decision d WHERE d.step_id = s.id AND d.reviewer_id = :me))""");
        }
        if (status != null && !status.isBlank()) {
            where.append(" AND p.status = :status");
        }
        if (q != null && !q.isBlank()) {
            where.append(" AND (LOWER(p.title) LIKE :q OR LOWER(p.item_key) LIKE :q)");
        }
        var roles = user.roles().stream().map(Role::name).toList();
        var like =
                q == null ? "" : "%" + q.trim().toLowerCase().replace("%", "").replace("_", "") + "%";
        var countSpec = jdbc.sql("SELECT COUNT(*) FROM catalog_proposal p" + where)
                .param("org", user.organizationId())
                .param("me", user.personId())
                .param("roles", roles.isEmpty() ? List.of("-") : roles)
                .param("status", status == null ? "" : status.toUpperCase())
                .param("q", like);
        long total = countSpec.query(Long.class).single();
        var items = jdbc.sql(SELECT + where + " ORDER BY " + query.orderBy(SORT_COLUMNS, "p.id")
                        + " LIMIT :limit OFFSET :offset")
                .param("org", user.organizationId())
                .param("me", user.personId())
                .param("roles", roles.isEmpty() ? List.of("-") : roles)
                .param("status", status == null ? "" : status.toUpperCase())
                .param("q", like)
                .param("limit", query.size())
                .param("offset", query.offset())
                .query(this::proposal)
                .list();
        return PageResult.of(items, query, total);
    }

    private Proposal proposal(ResultSet rs, int row) throws SQLException {
        return new Proposal(
                rs.getObject("id", UUID.class),
                rs.getObject("organization_id", UUID.class),
                rs.getInt("number"),
                Proposal.Kind.valueOf(rs.getString("item_kind")),
                Proposal.Action.valueOf(rs.getString("action")),
                rs.getString("item_key"),
                rs.getObject("item_id", UUID.class),
                (Integer) rs.getObject("base_version", Integer.class),
                rs.getString("title"),
                rs.getString("rationale"),
                rs.getString("content"),
                rs.getObject("effective_from", LocalDate.class),
                Proposal.Status.valueOf(rs.getString("status")),
                rs.getInt("round"),
                rs.getObject("current_position", Integer.class),
                rs.getObject("author_id", UUID.class),
                rs.getString("author_name"),
                instant(rs, "created_at"),
                instant(rs, "updated_at"),
                rs.getObject("submitted_at") == null ? null : instant(rs, "submitted_at"),
                rs.getObject("closed_at") == null ? null : instant(rs, "closed_at"),
                rs.getInt("lock_version"));
    }

    private static java.time.Instant instant(ResultSet rs, String column) throws SQLException {
        return rs.getObject(column, OffsetDateTime.class).toInstant();
    }
}
