package org.credo.catalog.intake;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.credo.catalog.ProgramIntakeRemoved;
import org.credo.catalog.ProgramIntakeScheduled;
import org.credo.platform.ChangeStamp;
import org.credo.platform.ProblemException;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The upcoming starts of an organization's programs, kept by the catalog editor. */
@Service
public class Intakes {

    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;

    Intakes(JdbcClient jdbc, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.events = events;
    }

    /** Every start, soonest first, past ones included (they leave the public page by themselves). */
    @Transactional(readOnly = true)
    List<Intake> all(UUID organizationId) {
        return jdbc.sql("SELECT i.*, p.code FROM catalog_program_intake i JOIN catalog_program p ON p.id = i.program_id"
                        + " WHERE i.organization_id = ? ORDER BY i.starts_on, p.code")
                .param(organizationId)
                .query((rs, n) -> new Intake(
                        rs.getObject("id", UUID.class),
                        rs.getObject("program_id", UUID.class),
                        rs.getString("code"),
                        rs.getString("term_name"),
                        rs.getObject("starts_on", LocalDate.class),
                        rs.getObject("application_deadline", LocalDate.class)))
                .list();
    }

    /** The programs of the organization (any that has a version), by code, to schedule starts of. */
    @Transactional(readOnly = true)
    List<ProgramChoice> programs(UUID organizationId) {
        return jdbc.sql("SELECT p.id, p.code, (SELECT v.name FROM catalog_program_version v WHERE v.program_id = p.id"
                        + " ORDER BY v.version DESC LIMIT 1) AS name FROM catalog_program p"
                        + " WHERE p.organization_id = ? ORDER BY p.code")
                .param(organizationId)
                .query((rs, n) -> new ProgramChoice(
                        rs.getObject("id", UUID.class),
                        rs.getString("code"),
                        rs.getString("name") == null ? rs.getString("code") : rs.getString("name")))
                .list();
    }

    /** Adds a start of a program. */
    @Transactional
    public UUID schedule(
            UUID organizationId, UUID programId, String termName, LocalDate startsOn, @Nullable LocalDate deadline) {
        var code = programCode(organizationId, programId);
        checkDeadline(startsOn, deadline);
        var id = UUID.randomUUID();
        jdbc.sql("INSERT INTO catalog_program_intake (id, organization_id, program_id, term_name, starts_on,"
                        + " application_deadline) VALUES (?, ?, ?, ?, ?, ?)")
                .params(id, organizationId, programId, termName.trim(), startsOn, deadline)
                .update();
        events.publishEvent(new ProgramIntakeScheduled(
                ChangeStamp.now(organizationId), id, programId, code, termName.trim(), startsOn));
        return id;
    }

    /** Changes a start: its program, term, dates. */
    @Transactional
    void change(
            UUID organizationId,
            UUID intakeId,
            UUID programId,
            String termName,
            LocalDate startsOn,
            @Nullable LocalDate deadline) {
        find(organizationId, intakeId);
        var code = programCode(organizationId, programId);
        checkDeadline(startsOn, deadline);
        jdbc.sql("UPDATE catalog_program_intake SET program_id = ?, term_name = ?, starts_on = ?,"
                        + " application_deadline = ? WHERE id = ? AND organization_id = ?")
                .params(programId, termName.trim(), startsOn, deadline, intakeId, organizationId)
                .update();
        events.publishEvent(new ProgramIntakeScheduled(
                ChangeStamp.now(organizationId), intakeId, programId, code, termName.trim(), startsOn));
    }

    /** One start of the organization. */
    @Transactional(readOnly = true)
    Intake find(UUID organizationId, UUID intakeId) {
        return all(organizationId).stream()
                .filter(i -> i.id().equals(intakeId))
                .findFirst()
                .orElseThrow(() -> ProblemException.notFound("That start"));
    }

    private String programCode(UUID organizationId, UUID programId) {
        return jdbc.sql("SELECT code FROM catalog_program WHERE id = ? AND organization_id = ?")
                .params(programId, organizationId)
                .query(String.class)
                .optional()
                .orElseThrow(() -> ProblemException.invalidField("programId", "choose one of the programs listed."));
    }

    private static void checkDeadline(LocalDate startsOn, @Nullable LocalDate deadline) {
        if (deadline != null && deadline.isAfter(startsOn)) {
            throw ProblemException.invalidField(
                    "applicationDeadline", "the application deadline must be on or before the start date.");
        }
    }

    /** Takes a start off the program's page. */
    @Transactional
    void remove(UUID organizationId, UUID intakeId) {
        var intake = find(organizationId, intakeId);
        jdbc.sql("DELETE FROM catalog_program_intake WHERE id = ? AND organization_id = ?")
                .params(intakeId, organizationId)
                .update();
        events.publishEvent(new ProgramIntakeRemoved(
                ChangeStamp.now(organizationId),
                intakeId,
                intake.programId(),
                intake.programCode(),
                intake.termName(),
                intake.startsOn()));
    }

    /** A start of a program. */
    record Intake(
            UUID id,
            UUID programId,
            String programCode,
            String termName,
            LocalDate startsOn,
            @Nullable LocalDate applicationDeadline) {}

    /** A program to pick in the form. */
    record ProgramChoice(UUID id, String code, String name) {}
}
