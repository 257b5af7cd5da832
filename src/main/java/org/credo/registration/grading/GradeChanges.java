package org.credo.registration.grading;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.credo.platform.ChangeStamp;
import org.credo.platform.ProblemException;
import org.credo.registration.GradeChanged;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Changes to submitted grades: the instructor asks with a reason, the registrar approves or rejects. */
@Service
public class GradeChanges {

    /** A requested change, as the registrar reviews it. */
    public record Request(
            UUID changeId,
            UUID enrollmentId,
            UUID sectionId,
            String courseCode,
            String learnerName,
            String fromGrade,
            String toGrade,
            String reason,
            String requestedBy,
            Instant requestedAt) {}

    private final JdbcClient jdbc;
    private final GradeScales scales;
    private final GradeRosters rosters;
    private final ApplicationEventPublisher events;

    GradeChanges(JdbcClient jdbc, GradeScales scales, GradeRosters rosters, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.scales = scales;
        this.rosters = rosters;
        this.events = events;
    }

    /** Asks for a submitted grade to change; the registrar decides. */
    @Transactional
    public UUID request(
            UUID organizationId, UUID sectionId, UUID enrollmentId, String toGrade, String reason, String byName) {
        var line = rosters.roster(organizationId, sectionId).stream()
                .filter(l -> l.enrollmentId().equals(enrollmentId))
                .findFirst()
                .orElseThrow(() -> ProblemException.notFound("A learner on this roster"));
        if (!line.submitted() || line.grade() == null) {
            throw ProblemException.conflict(
                    "Grade not submitted",
                    "The grade for " + line.name() + " is not submitted yet; edit it on the roster.");
        }
        var grade = scales.find(organizationId, toGrade)
                .orElseThrow(() ->
                        ProblemException.invalidField("grade", "Grade " + toGrade + " is not on the grade scale"));
        if (grade.grade().equals(line.grade())) {
            throw ProblemException.invalidField("grade", "The grade is already " + line.grade());
        }
        if (reason.isBlank()) {
            throw ProblemException.invalidField("reason", "Give the reason for the change");
        }
        var id = UUID.randomUUID();
        var entryId = jdbc.sql("SELECT id FROM grade_entry WHERE enrollment_id = ? AND organization_id = ?")
                .params(enrollmentId, organizationId)
                .query(UUID.class)
                .single();
        jdbc.sql("INSERT INTO grade_change (id, organization_id, grade_entry_id, from_grade, to_grade, reason, state,"
                        + " requested_by_name, requested_at) VALUES (?, ?, ?, ?, ?, ?, 'PENDING', ?, ?)")
                .params(
                        id,
                        organizationId,
                        entryId,
                        line.grade(),
                        grade.grade(),
                        reason.trim(),
                        byName,
                        org.credo.platform.Timestamps.sql(org.credo.platform.Timestamps.now()))
                .update();
        return id;
    }

    /** The changes waiting for the registrar, oldest first. */
    public List<Request> pending(UUID organizationId) {
        var rows = jdbc.sql("SELECT c.id, g.enrollment_id, g.section_id, g.learner_id, c.from_grade, c.to_grade,"
                        + " c.reason, c.requested_by_name, c.requested_at FROM grade_change c"
                        + " JOIN grade_entry g ON g.id = c.grade_entry_id"
                        + " WHERE c.organization_id = ? AND c.state = 'PENDING' ORDER BY c.requested_at")
                .param(organizationId)
                .query((rs, n) -> new Object[] {
                    rs.getObject("id", UUID.class),
                    rs.getObject("enrollment_id", UUID.class),
                    rs.getObject("section_id", UUID.class),
                    rs.getObject("learner_id", UUID.class),
                    rs.getString("from_grade"),
                    rs.getString("to_grade"),
                    rs.getString("reason"),
                    rs.getString("requested_by_name"),
                    rs.getTimestamp("requested_at").toInstant()
                })
                .list();
        return rows.stream()
                .map(r -> {
                    var section = rosters.section(organizationId, (UUID) r[2]);
                    var name = rosters.roster(organizationId, section.sectionId()).stream()
                            .filter(l -> l.enrollmentId().equals(r[1]))
                            .map(GradeRosters.Line::name)
                            .findFirst()
                            .orElse("");
                    return new Request(
                            (UUID) r[0],
                            (UUID) r[1],
                            section.sectionId(),
                            GradeRosters.label(section),
                            name,
                            (String) r[4],
                            (String) r[5],
                            (String) r[6],
                            (String) r[7],
                            (Instant) r[8]);
                })
                .toList();
    }

    /** Approves (the grade changes, everywhere) or rejects a pending change. */
    @Transactional
    public void decide(UUID organizationId, UUID changeId, boolean approve, String byName) {
        var request = pending(organizationId).stream()
                .filter(r -> r.changeId().equals(changeId))
                .findFirst()
                .orElseThrow(() -> ProblemException.notFound("A pending grade change"));
        var now = org.credo.platform.Timestamps.sql(org.credo.platform.Timestamps.now());
        jdbc.sql("UPDATE grade_change SET state = ?, decided_by_name = ?, decided_at = ? WHERE id = ?"
                        + " AND organization_id = ? AND state = 'PENDING'")
                .params(approve ? "APPROVED" : "REJECTED", byName, now, changeId, organizationId)
                .update();
        if (!approve) {
            return;
        }
        jdbc.sql("UPDATE grade_entry SET grade = ? WHERE enrollment_id = ? AND organization_id = ?")
                .params(request.toGrade(), request.enrollmentId(), organizationId)
                .update();
        jdbc.sql("UPDATE enrollment SET grade = ?, changed_at = ?, changed_by_name = ? WHERE id = ?")
                .params(request.toGrade(), now, byName, request.enrollmentId())
                .update();
        var section = rosters.section(organizationId, request.sectionId());
        var learnerId = jdbc.sql("SELECT learner_id FROM enrollment WHERE id = ?")
                .param(request.enrollmentId())
                .query(UUID.class)
                .single();
        events.publishEvent(new GradeChanged(
                ChangeStamp.now(organizationId),
                request.enrollmentId(),
                learnerId,
                request.learnerName(),
                section.termCode(),
                section.courseCode(),
                request.fromGrade(),
                request.toGrade(),
                request.reason(),
                request.requestedBy()));
    }
}
