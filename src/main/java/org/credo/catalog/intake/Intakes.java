package org.credo.catalog.intake;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.credo.catalog.ProgramIntakeRemoved;
import org.credo.catalog.ProgramIntakeScheduled;
import org.credo.catalog.TermDirectory;
import org.credo.platform.ChangeStamp;
import org.credo.platform.ProblemException;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The upcoming starts of an organization's programs, kept by the catalog editor. */
@Service
public class Intakes {

    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;
    private final ObjectProvider<TermDirectory> directory;

    Intakes(JdbcClient jdbc, ApplicationEventPublisher events, ObjectProvider<TermDirectory> directory) {
        this.jdbc = jdbc;
        this.events = events;
        this.directory = directory;
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
                        rs.getObject("application_deadline", LocalDate.class),
                        rs.getObject("term_id", UUID.class)))
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

    /** Adds a start of a program by the name of its term (for callers without a scheduled term). */
    @Transactional
    public UUID schedule(
            UUID organizationId, UUID programId, String termName, LocalDate startsOn, @Nullable LocalDate deadline) {
        return schedule(organizationId, programId, null, termName, startsOn, deadline);
    }

    /** The organization's scheduled terms a start may refer to, soonest first; empty without scheduling. */
    @Transactional(readOnly = true)
    public List<TermDirectory.TermChoice> terms(UUID organizationId) {
        var directory = this.directory.getIfAvailable();
        return directory == null ? List.of() : directory.terms(organizationId);
    }

    /**
     * Adds a start of a program in a scheduled term: its name comes from the term, and the start day too unless
     * given.
     */
    @Transactional
    public UUID schedule(
            UUID organizationId,
            UUID programId,
            @Nullable UUID termId,
            @Nullable String termName,
            @Nullable LocalDate startsOn,
            @Nullable LocalDate deadline) {
        var code = programCode(organizationId, programId);
        var term = resolve(organizationId, termId, termName, startsOn);
        checkDeadline(term.startsOn(), deadline);
        var id = UUID.randomUUID();
        jdbc.sql("INSERT INTO catalog_program_intake (id, organization_id, program_id, term_name, starts_on,"
                        + " application_deadline, term_id) VALUES (?, ?, ?, ?, ?, ?, ?)")
                .params(id, organizationId, programId, term.name(), term.startsOn(), deadline, termId)
                .update();
        termName = term.name();
        startsOn = term.startsOn();
        events.publishEvent(
                new ProgramIntakeScheduled(ChangeStamp.now(organizationId), id, programId, code, termName, startsOn));
        return id;
    }

    /** The term's name and start day as the start keeps them. */
    private record Named(String name, LocalDate startsOn) {}

    private Named resolve(
            UUID organizationId, @Nullable UUID termId, @Nullable String termName, @Nullable LocalDate startsOn) {
        if (termId != null) {
            var term = terms(organizationId).stream()
                    .filter(t -> t.termId().equals(termId))
                    .findFirst()
                    .orElseThrow(() -> ProblemException.invalidField("termId", "choose one of the terms listed."));
            var start = startsOn == null ? term.startsOn() : startsOn;
            if (start.isBefore(term.startsOn()) || start.isAfter(term.endsOn())) {
                throw ProblemException.invalidField(
                        "startsOn",
                        "a start in " + term.name() + " falls between " + term.startsOn() + " and " + term.endsOn()
                                + "; leave it empty to start on the term's first day.");
            }
            return new Named(term.name(), start);
        }
        var name = termName == null ? "" : termName.trim();
        if (name.isEmpty() || name.length() > 100) {
            throw ProblemException.invalidField("termName", "name the term, e.g. Fall 2027 (up to 100 characters).");
        }
        if (startsOn == null) {
            throw ProblemException.invalidField("startsOn", "give the first day of classes.");
        }
        return new Named(name, startsOn);
    }

    /**
     * A scheduled term was saved: the starts in it take its name, and a start that now falls outside the term's
     * dates moves to its first day.
     */
    @Transactional
    public void termChanged(UUID organizationId, UUID termId, String name, LocalDate startsOn, LocalDate endsOn) {
        jdbc.sql("UPDATE catalog_program_intake SET term_name = ? WHERE organization_id = ? AND term_id = ?")
                .params(name, organizationId, termId)
                .update();
        jdbc.sql("UPDATE catalog_program_intake SET starts_on = ? WHERE organization_id = ? AND term_id = ?"
                        + " AND (starts_on < ? OR starts_on > ?)")
                .params(startsOn, organizationId, termId, startsOn, endsOn)
                .update();
    }

    /** Changes a start: its program, term, dates. */
    @Transactional
    void change(
            UUID organizationId,
            UUID intakeId,
            UUID programId,
            @Nullable UUID termId,
            @Nullable String termName,
            @Nullable LocalDate startsOn,
            @Nullable LocalDate deadline) {
        find(organizationId, intakeId);
        var code = programCode(organizationId, programId);
        var term = resolve(organizationId, termId, termName, startsOn);
        checkDeadline(term.startsOn(), deadline);
        jdbc.sql("UPDATE catalog_program_intake SET program_id = ?, term_name = ?, starts_on = ?,"
                        + " application_deadline = ?, term_id = ? WHERE id = ? AND organization_id = ?")
                .params(programId, term.name(), term.startsOn(), deadline, termId, intakeId, organizationId)
                .update();
        events.publishEvent(new ProgramIntakeScheduled(
                ChangeStamp.now(organizationId), intakeId, programId, code, term.name(), term.startsOn()));
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
            @Nullable LocalDate applicationDeadline,
            @Nullable UUID termId) {}

    /** A program to pick in the form. */
    record ProgramChoice(UUID id, String code, String name) {}
}
