package org.credo.catalog;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Catalog data for tests, inserted straight into the V9 tables (the write side of the catalog is another
 * part of the module). Codes get a random suffix so that tests sharing the database never collide.
 */
public final class CatalogFixtures {

    private final JdbcClient jdbc;

    public CatalogFixtures(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public UUID northfield() {
        return jdbc.sql("SELECT id FROM organization WHERE slug = 'northfield'")
                .query(UUID.class)
                .single();
    }

    /** A second organization, for checks that nothing crosses over. */
    public UUID organization(String slug) {
        var existing = jdbc.sql("SELECT id FROM organization WHERE slug = ?")
                .param(slug)
                .query(UUID.class)
                .optional();
        if (existing.isPresent()) {
            return existing.get();
        }
        var id = UUID.randomUUID();
        jdbc.sql("INSERT INTO organization (id, slug, name, time_zone, created_at, version) VALUES (?, ?, ?, ?, ?, 0)")
                .params(id, slug, "Lakeside " + slug, "UTC", now())
                .update();
        return id;
    }

    public static String suffix() {
        return UUID.randomUUID().toString().substring(0, 5).toUpperCase();
    }

    /** A course with no version yet. */
    public UUID course(UUID organizationId, String subject, String number) {
        var id = UUID.randomUUID();
        jdbc.sql("INSERT INTO catalog_course (id, organization_id, subject, number, created_at) VALUES (?, ?, ?, ?, ?)")
                .params(id, organizationId, subject, number, now())
                .update();
        return id;
    }

    /** A published version of a course. */
    public UUID courseVersion(
            UUID courseId,
            int version,
            LocalDate effectiveFrom,
            String title,
            String description,
            @Nullable String prerequisites,
            boolean retired) {
        var id = UUID.randomUUID();
        var organizationId = jdbc.sql("SELECT organization_id FROM catalog_course WHERE id = ?")
                .param(courseId)
                .query(UUID.class)
                .single();
        jdbc.sql("INSERT INTO catalog_course_version (id, course_id, organization_id, version, effective_from, title,"
                        + " credits, description, outcomes, prerequisites, corequisites, retired, published_at)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, NULL, ?, ?)")
                .params(
                        id,
                        courseId,
                        organizationId,
                        version,
                        effectiveFrom,
                        title,
                        new BigDecimal("3"),
                        description,
                        "- Explain the core ideas\n- Apply them to real data",
                        prerequisites,
                        retired,
                        now())
                .update();
        return id;
    }

    /** A program with no version yet. */
    public UUID program(UUID organizationId, String code) {
        var id = UUID.randomUUID();
        jdbc.sql("INSERT INTO catalog_program (id, organization_id, code, created_at) VALUES (?, ?, ?, ?)")
                .params(id, organizationId, code, now())
                .update();
        return id;
    }

    /** A published version of a program. */
    public UUID programVersion(UUID programId, int version, LocalDate effectiveFrom, ProgramContent content) {
        var id = UUID.randomUUID();
        var organizationId = jdbc.sql("SELECT organization_id FROM catalog_program WHERE id = ?")
                .param(programId)
                .query(UUID.class)
                .single();
        jdbc.sql("INSERT INTO catalog_program_version (id, program_id, organization_id, version, effective_from, name,"
                        + " program_type, level, credits, cip_code, time_to_complete, delivery_mode, tuition_amount,"
                        + " tuition_currency, tuition_note, description, learning_outcomes, requirements,"
                        + " achievement_lineage_id, retired, published_at)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(
                        id,
                        programId,
                        organizationId,
                        version,
                        effectiveFrom,
                        content.name(),
                        content.type(),
                        content.level(),
                        content.credits(),
                        "30.0702",
                        "P16W",
                        content.deliveryMode(),
                        content.tuition(),
                        content.tuition() == null ? null : "USD",
                        content.tuition() == null ? null : "Payable per term",
                        content.description(),
                        "- Clean and explore data sets\n- Communicate findings",
                        content.requirements(),
                        content.achievementLineageId(),
                        content.retired(),
                        now())
                .update();
        return id;
    }

    public void intake(UUID organizationId, UUID programId, String term, LocalDate startsOn, LocalDate deadline) {
        jdbc.sql("INSERT INTO catalog_program_intake (id, organization_id, program_id, term_name, starts_on,"
                        + " application_deadline) VALUES (?, ?, ?, ?, ?, ?)")
                .params(UUID.randomUUID(), organizationId, programId, term, startsOn, deadline)
                .update();
    }

    /** An open proposal for a new program: never public. */
    public void proposal(UUID organizationId, String title) {
        var author = jdbc.sql("SELECT id FROM person ORDER BY email LIMIT 1")
                .query(UUID.class)
                .single();
        var number = jdbc.sql("SELECT coalesce(max(number), 0) + 1 FROM catalog_proposal WHERE organization_id = ?")
                .param(organizationId)
                .query(Integer.class)
                .single();
        jdbc.sql(
                        "INSERT INTO catalog_proposal (id, organization_id, number, item_kind, action, item_key, open_item_key,"
                                + " title, content, effective_from, status, author_id, created_at, updated_at)"
                                + " VALUES (?, ?, ?, 'PROGRAM', 'CREATE', ?, ?, ?, '{}', ?, 'IN_REVIEW', ?, ?, ?)")
                .params(
                        UUID.randomUUID(),
                        organizationId,
                        number,
                        "PROGRAM:" + title,
                        "PROGRAM:" + title,
                        title,
                        LocalDate.now(),
                        author,
                        now(),
                        now())
                .update();
    }

    private static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(java.time.temporal.ChronoUnit.MICROS);
    }

    /** What a program version says. */
    public record ProgramContent(
            String name,
            String type,
            String level,
            BigDecimal credits,
            String deliveryMode,
            @Nullable BigDecimal tuition,
            String description,
            String requirements,
            @Nullable UUID achievementLineageId,
            boolean retired) {

        public static ProgramContent certificate(String name, String requirements) {
            return new ProgramContent(
                    name,
                    "CERTIFICATE",
                    "Professional",
                    new BigDecimal("9"),
                    "ONLINE",
                    new BigDecimal("4500.00"),
                    "A practical certificate in " + name + ".",
                    requirements,
                    null,
                    false);
        }

        public ProgramContent withName(String newName) {
            return new ProgramContent(
                    newName,
                    type,
                    level,
                    credits,
                    deliveryMode,
                    tuition,
                    description,
                    requirements,
                    achievementLineageId,
                    retired);
        }

        public ProgramContent withDescription(String newDescription) {
            return new ProgramContent(
                    name,
                    type,
                    level,
                    credits,
                    deliveryMode,
                    tuition,
                    newDescription,
                    requirements,
                    achievementLineageId,
                    retired);
        }

        public ProgramContent retiredVersion() {
            return new ProgramContent(
                    name,
                    type,
                    level,
                    credits,
                    deliveryMode,
                    tuition,
                    description,
                    requirements,
                    achievementLineageId,
                    true);
        }

        public ProgramContent awarding(UUID lineageId) {
            return new ProgramContent(
                    name, type, level, credits, deliveryMode, tuition, description, requirements, lineageId, retired);
        }

        public ProgramContent as(String newType, String newLevel, String newMode) {
            return new ProgramContent(
                    name,
                    newType,
                    newLevel,
                    credits,
                    newMode,
                    tuition,
                    description,
                    requirements,
                    achievementLineageId,
                    retired);
        }
    }
}
