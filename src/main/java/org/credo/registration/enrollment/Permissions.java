package org.credo.registration.enrollment;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.credo.learners.Learners;
import org.credo.platform.ChangeStamp;
import org.credo.platform.ProblemException;
import org.credo.platform.Timestamps;
import org.credo.registration.EnrollmentPermissionChanged;
import org.credo.scheduling.Scheduling.SectionRecord;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Permissions to enroll (the override list): the section's instructor or the registrar names a learner and a reason,
 * and when that learner adds the section the overridable refusals (closed section, prerequisite, corequisite, time
 * conflict, credit or repeat limit) are set aside, with the permission named as the override's reason. A permission
 * never gives a seat beyond capacity, and is used once.
 */
@Service
public class Permissions {

    /** A permission as the instructor's and registrar's pages list it. */
    public record Permission(
            UUID id,
            UUID learnerId,
            String learnerName,
            String learnerNumber,
            String number,
            String reason,
            String grantedBy,
            Instant grantedAt,
            @Nullable Instant usedAt) {}

    private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcClient jdbc;
    private final Learners learners;
    private final ApplicationEventPublisher events;

    Permissions(JdbcClient jdbc, Learners learners, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.learners = learners;
        this.events = events;
    }

    /** The section's permissions still in force (used ones included, revoked ones not), newest first. */
    public List<Permission> ofSection(UUID organizationId, UUID sectionId) {
        // A section has a handful of permissions: each learner's name is read from the learners facade.
        return jdbc.sql("SELECT * FROM registration_permission WHERE organization_id = ? AND section_id = ?"
                        + " AND revoked_at IS NULL ORDER BY granted_at DESC")
                .params(organizationId, sectionId)
                .query((rs, n) -> {
                    var learnerId = rs.getObject("learner_id", UUID.class);
                    var learner = learners.find(organizationId, learnerId);
                    return new Permission(
                            rs.getObject("id", UUID.class),
                            learnerId,
                            learner.map(Learners.LearnerSummary::name).orElse("A learner"),
                            learner.map(Learners.LearnerSummary::learnerNumber).orElse(""),
                            rs.getString("number"),
                            rs.getString("reason"),
                            rs.getString("granted_by_name"),
                            rs.getObject("granted_at", java.time.OffsetDateTime.class)
                                    .toInstant(),
                            Optional.ofNullable(rs.getObject("used_at", java.time.OffsetDateTime.class))
                                    .map(java.time.OffsetDateTime::toInstant)
                                    .orElse(null));
                })
                .list();
    }

    /**
     * Gives the learner (by learner number) a permission for the section; giving it again answers the one in force.
     *
     * @throws ProblemException 400 naming learnerNumber or reason
     */
    @Transactional
    public Permission grant(
            UUID organizationId,
            SectionRecord section,
            @Nullable String learnerNumber,
            @Nullable String reason,
            Enrollments.Actor actor) {
        return give(organizationId, section, learnerNumber, reason, actor).permission();
    }

    /** A permission given, and whether this call gave it (false: the one already in force). */
    public record Given(Permission permission, boolean created) {}

    /** As {@link #grant}, telling whether the permission is new. */
    @Transactional
    public Given give(
            UUID organizationId,
            SectionRecord section,
            @Nullable String learnerNumber,
            @Nullable String reason,
            Enrollments.Actor actor) {
        var number = learnerNumber == null ? "" : learnerNumber.trim();
        if (number.isEmpty()) {
            throw ProblemException.invalidField("learnerNumber", "give the learner's number, such as N2026-0001.");
        }
        var why = reason == null ? "" : reason.trim();
        if (why.length() < 3 || why.length() > 500) {
            throw ProblemException.invalidField(
                    "reason", "say why, in 3 to 500 characters (it is kept in the audit trail).");
        }
        var learner = learners.search(organizationId, number, 20).stream()
                .filter(l -> l.learnerNumber().equalsIgnoreCase(number))
                .findFirst()
                .orElseThrow(() -> ProblemException.invalidField(
                        "learnerNumber", "no learner of this organization has the number " + number + "."));
        var existing = ofSection(organizationId, section.sectionId()).stream()
                .filter(p -> p.learnerId().equals(learner.learnerId()) && p.usedAt() == null)
                .findFirst();
        if (existing.isPresent()) {
            return new Given(existing.get(), false);
        }
        var id = UUID.randomUUID();
        var code = code();
        var now = Timestamps.now();
        int changed = jdbc.sql("UPDATE registration_permission SET id = ?, number = ?, reason = ?, granted_by_name = ?,"
                        + " granted_at = ?, used_at = NULL, revoked_at = NULL WHERE organization_id = ?"
                        + " AND section_id = ? AND learner_id = ?")
                .params(
                        id,
                        code,
                        why,
                        actor.name(),
                        Timestamps.sql(now),
                        organizationId,
                        section.sectionId(),
                        learner.learnerId())
                .update();
        if (changed == 0) {
            jdbc.sql("INSERT INTO registration_permission (id, organization_id, section_id, learner_id, number, reason,"
                            + " granted_by_name, granted_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")
                    .params(
                            id,
                            organizationId,
                            section.sectionId(),
                            learner.learnerId(),
                            code,
                            why,
                            actor.name(),
                            Timestamps.sql(now))
                    .update();
        }
        events.publishEvent(changed(organizationId, actor, id, learner, section, code, why, true));
        return new Given(
                new Permission(
                        id,
                        learner.learnerId(),
                        learner.name(),
                        learner.learnerNumber(),
                        code,
                        why,
                        actor.name(),
                        now,
                        null),
                true);
    }

    /** Takes back a permission not used yet; one already used or revoked is left as it is. */
    @Transactional
    public void revoke(UUID organizationId, SectionRecord section, UUID permissionId, Enrollments.Actor actor) {
        var permission = ofSection(organizationId, section.sectionId()).stream()
                .filter(p -> p.id().equals(permissionId))
                .findFirst()
                .orElseThrow(() -> ProblemException.notFound("That permission"));
        int changed = jdbc.sql("UPDATE registration_permission SET revoked_at = ? WHERE id = ? AND used_at IS NULL"
                        + " AND revoked_at IS NULL")
                .params(Timestamps.sql(Timestamps.now()), permissionId)
                .update();
        if (changed == 1) {
            var learner = learners.find(organizationId, permission.learnerId()).orElseThrow();
            events.publishEvent(changed(
                    organizationId,
                    actor,
                    permissionId,
                    learner,
                    section,
                    permission.number(),
                    permission.reason(),
                    false));
        }
    }

    /** The learner's unused permission for the section, as the reason an add sets refusals aside with. */
    Optional<String> usable(UUID organizationId, UUID learnerId, UUID sectionId) {
        return jdbc.sql("SELECT number, granted_by_name, reason FROM registration_permission WHERE organization_id = ?"
                        + " AND learner_id = ? AND section_id = ? AND used_at IS NULL AND revoked_at IS NULL")
                .params(organizationId, learnerId, sectionId)
                .query((rs, n) -> "Permission " + rs.getString(1) + " from " + rs.getString(2) + ": " + rs.getString(3))
                .optional();
    }

    /** Marks the learner's permission for the section used (inside the enrolling transaction). */
    void use(UUID learnerId, UUID sectionId) {
        jdbc.sql("UPDATE registration_permission SET used_at = ? WHERE learner_id = ? AND section_id = ?"
                        + " AND used_at IS NULL AND revoked_at IS NULL")
                .params(Timestamps.sql(Timestamps.now()), learnerId, sectionId)
                .update();
    }

    private static EnrollmentPermissionChanged changed(
            UUID organizationId,
            Enrollments.Actor actor,
            UUID id,
            Learners.LearnerSummary learner,
            SectionRecord section,
            String code,
            String reason,
            boolean granted) {
        return new EnrollmentPermissionChanged(
                ChangeStamp.by(organizationId, actor.personId(), actor.name()),
                id,
                learner.learnerId(),
                learner.name(),
                section.sectionId(),
                section.termCode(),
                section.courseCode(),
                section.sectionNumber(),
                code,
                reason,
                granted);
    }

    private static String code() {
        var out = new StringBuilder("P-");
        for (int i = 0; i < 8; i++) {
            out.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return out.toString();
    }
}
