package org.credo.learners.hold;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.credo.learners.HoldAction;
import org.credo.learners.HoldPlaced;
import org.credo.learners.HoldReleased;
import org.credo.learners.record.LearnerRecords;
import org.credo.platform.ChangeStamp;
import org.credo.platform.CredoUser;
import org.credo.platform.ProblemException;
import org.credo.platform.Role;
import org.credo.platform.Timestamps;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Holds on learners: placed and released by the office that owns their type, with a reason. */
@Service
public class LearnerHolds {

    private static final String SELECT = """
            SELECT h.*, l.learner_number, l.legal_given_name, l.legal_family_name, l.preferred_name,
              t.name AS type_name, t.blocks, t.office_role, t.instructions
            FROM learner_hold h JOIN learner l ON l.id = h.learner_id JOIN hold_type t ON t.id = h.hold_type_id
            """;

    private final JdbcClient jdbc;
    private final LearnerRecords records;
    private final HoldTypes types;
    private final ApplicationEventPublisher events;

    LearnerHolds(JdbcClient jdbc, LearnerRecords records, HoldTypes types, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.records = records;
        this.types = types;
        this.events = events;
    }

    /** The holds of a learner, active first, then released, newest first. */
    @Transactional(readOnly = true)
    public List<Hold> of(UUID organizationId, UUID learnerId) {
        return jdbc.sql(SELECT + " WHERE h.organization_id = ? AND h.learner_id = ?"
                        + " ORDER BY CASE WHEN h.released_at IS NULL THEN 0 ELSE 1 END, h.placed_at DESC")
                .params(organizationId, learnerId)
                .query(LearnerHolds::hold)
                .list();
    }

    /** The active holds of the organization, newest first, optionally only those an office owns. */
    @Transactional(readOnly = true)
    public List<Hold> active(UUID organizationId, @Nullable Role office, int limit) {
        var sql = SELECT + " WHERE h.organization_id = ? AND h.released_at IS NULL"
                + (office == null ? "" : " AND t.office_role = ?") + " ORDER BY h.placed_at DESC LIMIT ?";
        var params = new java.util.ArrayList<Object>();
        params.add(organizationId);
        if (office != null) {
            params.add(office.name());
        }
        params.add(limit);
        return jdbc.sql(sql).params(params).query(LearnerHolds::hold).list();
    }

    /** How many active holds the organization has, optionally of one office. */
    @Transactional(readOnly = true)
    public long countActive(UUID organizationId, @Nullable Role office) {
        var sql = "SELECT count(*) FROM learner_hold h JOIN hold_type t ON t.id = h.hold_type_id"
                + " WHERE h.organization_id = ? AND h.released_at IS NULL"
                + (office == null ? "" : " AND t.office_role = ?");
        var query = jdbc.sql(sql).param(organizationId);
        if (office != null) {
            query = query.param(office.name());
        }
        return query.query(Long.class).single();
    }

    /** Whether an active hold on the learner blocks an action. */
    @Transactional(readOnly = true)
    public boolean blocks(UUID organizationId, UUID learnerId, HoldAction action) {
        return of(organizationId, learnerId).stream()
                .anyMatch(h -> h.active() && h.blocks().contains(action));
    }

    /** Places a hold of a type on a learner; only the office that owns the type may. */
    @Transactional
    public Hold place(CredoUser by, UUID learnerId, UUID holdTypeId, String reason) {
        var organizationId = by.organizationId();
        var learner = records.find(organizationId, learnerId);
        var type = types.find(organizationId, holdTypeId);
        if (!by.hasRole(type.office())) {
            throw ProblemException.forbidden(
                    "Only the " + type.office().label() + " office places " + type.name() + " holds.");
        }
        if (!type.active()) {
            throw ProblemException.invalidField("holdTypeId", "this hold type is retired; choose another.");
        }
        var r = checkReason(reason);
        var stamp = ChangeStamp.now(organizationId);
        var id = UUID.randomUUID();
        jdbc.sql("INSERT INTO learner_hold (id, organization_id, learner_id, hold_type_id, reason, placed_by_id,"
                        + " placed_by_name, placed_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")
                .params(
                        id,
                        organizationId,
                        learnerId,
                        holdTypeId,
                        r,
                        stamp.actorId(),
                        stamp.actorName(),
                        Timestamps.sql(stamp.occurredAt()))
                .update();
        events.publishEvent(new HoldPlaced(
                stamp, id, learnerId, learner.number(), learner.legalName(), type.name(), type.blocks(), r));
        return find(organizationId, id);
    }

    /** Releases an active hold; only the office that owns its type may. */
    @Transactional
    public Hold release(CredoUser by, UUID holdId, String reason) {
        var organizationId = by.organizationId();
        var hold = find(organizationId, holdId);
        if (!by.hasRole(hold.office())) {
            throw ProblemException.forbidden(
                    "Only the " + hold.office().label() + " office releases " + hold.typeName() + " holds.");
        }
        if (!hold.active()) {
            throw ProblemException.conflict("Already released", "This hold was released already.");
        }
        var r = checkReason(reason);
        var stamp = ChangeStamp.now(organizationId);
        jdbc.sql("UPDATE learner_hold SET released_at = ?, released_by_id = ?, released_by_name = ?, release_reason = ?"
                        + " WHERE id = ? AND organization_id = ? AND released_at IS NULL")
                .params(
                        Timestamps.sql(stamp.occurredAt()),
                        stamp.actorId(),
                        stamp.actorName(),
                        r,
                        holdId,
                        organizationId)
                .update();
        events.publishEvent(new HoldReleased(
                stamp, holdId, hold.learnerId(), hold.learnerNumber(), hold.learnerName(), hold.typeName(), r));
        return find(organizationId, holdId);
    }

    /** One hold of the organization. */
    @Transactional(readOnly = true)
    public Hold find(UUID organizationId, UUID holdId) {
        return jdbc.sql(SELECT + " WHERE h.organization_id = ? AND h.id = ?")
                .params(organizationId, holdId)
                .query(LearnerHolds::hold)
                .optional()
                .orElseThrow(() -> ProblemException.notFound("That hold"));
    }

    private static String checkReason(String reason) {
        if (reason == null || reason.isBlank()) {
            throw ProblemException.invalidField("reason", "give the reason; the learner's office will read it.");
        }
        if (reason.length() > 1000) {
            throw ProblemException.invalidField("reason", "keep the reason under 1,000 characters.");
        }
        return reason.trim();
    }

    private static Hold hold(ResultSet rs, int row) throws SQLException {
        var preferred = rs.getString("preferred_name");
        var family = rs.getString("legal_family_name");
        var released = rs.getObject("released_at", OffsetDateTime.class);
        return new Hold(
                rs.getObject("id", UUID.class),
                rs.getObject("learner_id", UUID.class),
                rs.getString("learner_number"),
                (preferred == null ? rs.getString("legal_given_name") : preferred) + " " + family,
                rs.getObject("hold_type_id", UUID.class),
                rs.getString("type_name"),
                HoldTypes.blocks(rs.getString("blocks")),
                Role.valueOf(rs.getString("office_role")),
                rs.getString("instructions"),
                rs.getString("reason"),
                rs.getString("placed_by_name"),
                instant(rs, "placed_at"),
                released == null ? null : released.toInstant(),
                rs.getString("released_by_name"),
                rs.getString("release_reason"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        return rs.getObject(column, OffsetDateTime.class).toInstant();
    }
}
