package org.credo.catalog.approval;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.credo.catalog.ApprovalChainChanged;
import org.credo.platform.ChangeStamp;
import org.credo.platform.CredoUser;
import org.credo.platform.ProblemException;
import org.credo.platform.Role;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The organization's approval chain (ordered steps; steps sharing a position run in parallel) and
 * its review groups; who may review a step.
 */
@Service
public class ApprovalChain {

    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;

    ApprovalChain(JdbcClient jdbc, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.events = events;
    }

    /** The steps in order of position, then name. */
    public List<ApprovalStep> steps(UUID organizationId) {
        return jdbc.sql("""
                SELECT s.*, g.name AS group_name FROM catalog_approval_step s
                LEFT JOIN catalog_review_group g ON g.id = s.reviewer_group_id
                WHERE s.organization_id = ? ORDER BY s.position, s.name""")
                .param(organizationId)
                .query((rs, n) -> new ApprovalStep(
                        rs.getObject("id", UUID.class),
                        rs.getInt("position"),
                        rs.getString("name"),
                        rs.getString("reviewer_role") == null ? null : Role.valueOf(rs.getString("reviewer_role")),
                        rs.getObject("reviewer_group_id", UUID.class),
                        rs.getString("group_name")))
                .list();
    }

    /** Adds a step reviewed by a role or by a group (exactly one of them). */
    @Transactional
    public ApprovalStep addStep(
            UUID organizationId, int position, String name, @Nullable Role role, @Nullable UUID groupId) {
        if (position < 1 || position > 50) {
            throw ProblemException.invalidField("position", "must be from 1 to 50");
        }
        if (name.isBlank() || name.length() > 100) {
            throw ProblemException.invalidField("name", "is required, at most 100 characters");
        }
        if ((role == null) == (groupId == null)) {
            throw ProblemException.invalidField("reviewer", "choose either a role or a review group");
        }
        if (groupId != null && group(organizationId, groupId).isEmpty()) {
            throw ProblemException.invalidField("groupId", "no such review group");
        }
        var id = UUID.randomUUID();
        jdbc.sql("""
                INSERT INTO catalog_approval_step (id, organization_id, position, name, reviewer_role, reviewer_group_id)
                VALUES (?, ?, ?, ?, ?, ?)""")
                .params(id, organizationId, position, name.trim(), role == null ? null : role.name(), groupId)
                .update();
        var step = steps(organizationId).stream()
                .filter(s -> s.id().equals(id))
                .findFirst()
                .orElseThrow();
        events.publishEvent(new ApprovalChainChanged(
                ChangeStamp.now(organizationId),
                id,
                "step-added",
                "Added step " + position + " \"" + step.name() + "\" reviewed by " + step.reviewers()));
        return step;
    }

    /** Removes a step; proposals already in review keep the chain they were submitted into. */
    @Transactional
    public void removeStep(UUID organizationId, UUID stepId) {
        var step = steps(organizationId).stream()
                .filter(s -> s.id().equals(stepId))
                .findFirst()
                .orElseThrow(() -> ProblemException.notFound("That approval step"));
        jdbc.sql("DELETE FROM catalog_approval_step WHERE organization_id = ? AND id = ?")
                .params(organizationId, stepId)
                .update();
        events.publishEvent(new ApprovalChainChanged(
                ChangeStamp.now(organizationId),
                stepId,
                "step-removed",
                "Removed step " + step.position() + " \"" + step.name() + "\""));
    }

    /** The review groups with their members, by name. */
    public List<ReviewGroup> groups(UUID organizationId) {
        var groups = new LinkedHashMap<UUID, String>();
        jdbc.sql("SELECT id, name FROM catalog_review_group WHERE organization_id = ? ORDER BY name")
                .param(organizationId)
                .query(rs -> {
                    groups.put(rs.getObject("id", UUID.class), rs.getString("name"));
                });
        return groups.entrySet().stream()
                .map(e -> new ReviewGroup(e.getKey(), e.getValue(), members(e.getKey())))
                .toList();
    }

    public Optional<ReviewGroup> group(UUID organizationId, UUID groupId) {
        return groups(organizationId).stream()
                .filter(g -> g.id().equals(groupId))
                .findFirst();
    }

    /** Creates a named review group. */
    @Transactional
    public ReviewGroup createGroup(UUID organizationId, String name) {
        if (name.isBlank() || name.length() > 100) {
            throw ProblemException.invalidField("name", "is required, at most 100 characters");
        }
        var id = UUID.randomUUID();
        try {
            jdbc.sql("INSERT INTO catalog_review_group (id, organization_id, name) VALUES (?, ?, ?)")
                    .params(id, organizationId, name.trim())
                    .update();
        } catch (DuplicateKeyException e) {
            throw ProblemException.conflict(
                    "Name taken", "A review group named \"" + name.trim() + "\" exists already.");
        }
        events.publishEvent(new ApprovalChainChanged(
                ChangeStamp.now(organizationId), id, "group-created", "Created review group \"" + name.trim() + "\""));
        return new ReviewGroup(id, name.trim(), List.of());
    }

    /** Adds a member of the organization to a group, by email. */
    @Transactional
    public void addMember(UUID organizationId, UUID groupId, String email) {
        var group = group(organizationId, groupId).orElseThrow(() -> ProblemException.notFound("That review group"));
        var person = jdbc.sql("""
                SELECT p.id FROM person p JOIN membership m ON m.person_id = p.id
                WHERE m.organization_id = ? AND m.active = true AND LOWER(p.email) = ?""")
                .params(organizationId, email.trim().toLowerCase())
                .query(UUID.class)
                .optional()
                .orElseThrow(() -> ProblemException.invalidField(
                        "email", "nobody with the address " + email.trim() + " is a member of this organization"));
        if (group.members().stream().anyMatch(m -> m.personId().equals(person))) {
            return;
        }
        jdbc.sql("INSERT INTO catalog_review_group_member (group_id, user_id) VALUES (?, ?)")
                .params(groupId, person)
                .update();
        events.publishEvent(new ApprovalChainChanged(
                ChangeStamp.now(organizationId),
                groupId,
                "member-added",
                "Added " + email.trim() + " to review group \"" + group.name() + "\""));
    }

    /** Removes a member from a group. */
    @Transactional
    public void removeMember(UUID organizationId, UUID groupId, UUID personId) {
        var group = group(organizationId, groupId).orElseThrow(() -> ProblemException.notFound("That review group"));
        jdbc.sql("DELETE FROM catalog_review_group_member WHERE group_id = ? AND user_id = ?")
                .params(groupId, personId)
                .update();
        events.publishEvent(new ApprovalChainChanged(
                ChangeStamp.now(organizationId),
                groupId,
                "member-removed",
                "Removed a member from review group \"" + group.name() + "\""));
    }

    /** Whether a person may review a step naming this role or group. */
    public boolean mayReview(CredoUser user, @Nullable String role, @Nullable UUID groupId) {
        if (role != null) {
            return Role.parse(role).map(user::hasRole).orElse(false);
        }
        return groupId != null
                && jdbc.sql("SELECT COUNT(*) FROM catalog_review_group_member WHERE group_id = ? AND user_id = ?")
                                .params(groupId, user.personId())
                                .query(Long.class)
                                .single()
                        > 0;
    }

    /** Everyone who may review a step naming this role or group, to notify them. */
    public List<Reviewer> reviewers(UUID organizationId, @Nullable String role, @Nullable UUID groupId) {
        if (role != null) {
            return jdbc.sql("""
                    SELECT p.id, p.display_name, p.email FROM person p
                    JOIN membership m ON m.person_id = p.id
                    JOIN membership_role r ON r.membership_id = m.id
                    WHERE m.organization_id = ? AND m.active = true AND r.role = ? ORDER BY p.display_name""")
                    .params(organizationId, role)
                    .query((rs, n) -> new Reviewer(
                            rs.getObject("id", UUID.class), rs.getString("display_name"), rs.getString("email")))
                    .list();
        }
        return groupId == null ? List.of() : members(groupId);
    }

    private List<Reviewer> members(UUID groupId) {
        return jdbc.sql("""
                SELECT p.id, p.display_name, p.email FROM catalog_review_group_member g JOIN person p ON p.id = g.user_id
                WHERE g.group_id = ? ORDER BY p.display_name""")
                .param(groupId)
                .query((rs, n) -> new Reviewer(
                        rs.getObject("id", UUID.class), rs.getString("display_name"), rs.getString("email")))
                .list();
    }
}
