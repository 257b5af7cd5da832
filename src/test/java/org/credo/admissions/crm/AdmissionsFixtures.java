package org.credo.admissions.crm;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import org.credo.admissions.ApplicationStatus;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Admissions data for tests, inserted straight into the V33 tables (cycles, forms and applications are written by
 * other parts of the module). Each test makes an organization of its own, so that counts are exact.
 */
final class AdmissionsFixtures {

    private final JdbcClient jdbc;

    AdmissionsFixtures(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A fresh organization. */
    UUID organization() {
        var id = UUID.randomUUID();
        var slug = "crm-" + id.toString().substring(0, 8);
        jdbc.sql("INSERT INTO organization (id, slug, name, time_zone, created_at, version) VALUES (?, ?, ?, ?, ?, 0)")
                .params(id, slug, "College " + slug, "UTC", sql(Instant.now()))
                .update();
        return id;
    }

    UUID northfield() {
        return jdbc.sql("SELECT id FROM organization WHERE slug = 'northfield'")
                .query(UUID.class)
                .single();
    }

    /** A catalog program (no version: the funnel and segments need only its id). */
    UUID program(UUID organizationId, String code) {
        var id = UUID.randomUUID();
        jdbc.sql("INSERT INTO catalog_program (id, organization_id, code, created_at) VALUES (?, ?, ?, ?)")
                .params(id, organizationId, code, sql(Instant.now()))
                .update();
        return id;
    }

    /** A cycle of a program open between two times, with a published form. */
    UUID cycle(UUID organizationId, UUID programId, String code, String name, Instant opensAt, Instant closesAt) {
        var id = UUID.randomUUID();
        var now = sql(Instant.now());
        jdbc.sql("""
                INSERT INTO admission_cycle (id, organization_id, program_id, program_code, program_name, intake_id, name,
                  starts_on, opens_at, closes_at, status, created_at, updated_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'OPEN', ?, ?)""")
                .params(
                        id,
                        organizationId,
                        programId,
                        code,
                        "Program " + code,
                        UUID.randomUUID(),
                        name,
                        LocalDate.ofInstant(closesAt, ZoneOffset.UTC).plusDays(30),
                        sql(opensAt),
                        sql(closesAt),
                        now,
                        now)
                .update();
        jdbc.sql("""
                INSERT INTO application_form (id, organization_id, cycle_id, version, definition, published_at, created_at)
                VALUES (?, ?, ?, 1, '{"fields":[]}', ?, ?)""").params(UUID.randomUUID(), organizationId, id, now, now).update();
        return id;
    }

    /** An application in a status; submitted unless a draft. */
    UUID application(
            UUID organizationId,
            UUID cycleId,
            String name,
            String email,
            ApplicationStatus status,
            @Nullable UUID learnerId) {
        var id = UUID.randomUUID();
        var form = jdbc.sql("SELECT id FROM application_form WHERE cycle_id = ?")
                .param(cycleId)
                .query(UUID.class)
                .single();
        var now = sql(Instant.now());
        jdbc.sql("""
                INSERT INTO application (id, organization_id, cycle_id, form_id, number, learner_id, applicant_name,
                  applicant_email, status, source, submitted_at, created_at, updated_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'APPLICANT', ?, ?, ?)""")
                .params(
                        id,
                        organizationId,
                        cycleId,
                        form,
                        "A" + id.toString().substring(0, 8),
                        learnerId,
                        name,
                        email,
                        status.name(),
                        status == ApplicationStatus.DRAFT ? null : now,
                        now,
                        now)
                .update();
        return id;
    }

    /** An event of an application at a time. */
    void event(UUID applicationId, String kind, String detail, Instant at) {
        var org = jdbc.sql("SELECT organization_id FROM application WHERE id = ?")
                .param(applicationId)
                .query(UUID.class)
                .single();
        jdbc.sql("""
                INSERT INTO application_event (id, application_id, organization_id, kind, detail, actor_name, occurred_at)
                VALUES (?, ?, ?, ?, ?, 'Admissions office', ?)""")
                .params(UUID.randomUUID(), applicationId, org, kind, detail, sql(at))
                .update();
    }

    /** A catalog inquiry about a program at a time. */
    void inquiry(UUID organizationId, UUID programId, String email, Instant at) {
        jdbc.sql("""
                INSERT INTO catalog_inquiry (id, organization_id, program_id, kind, name, email, message, created_at)
                VALUES (?, ?, ?, 'INFORMATION', 'Inquirer', ?, 'Tell me more', ?)""")
                .params(UUID.randomUUID(), organizationId, programId, email, sql(at))
                .update();
    }

    static OffsetDateTime sql(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
