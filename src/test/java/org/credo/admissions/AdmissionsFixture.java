package org.credo.admissions;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.credo.catalog.Catalog;
import org.credo.platform.CredoUser;
import org.credo.platform.Role;
import org.credo.platform.people.Accounts;
import org.credo.platform.people.People;
import org.credo.platform.people.Person;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Builds admission cycles, forms, applications, people, events and inquiries by SQL inserts into the V33 tables, so
 * that review, decision and CRM tests need nothing of the applicant portal. A test that counts makes an organization
 * of its own ({@link #organization()}).
 */
@Component
public class AdmissionsFixture {

    private static final AtomicInteger SEQ = new AtomicInteger();

    private final JdbcClient jdbc;
    private final People people;
    private final Accounts accounts;
    private final Catalog catalog;

    AdmissionsFixture(JdbcClient jdbc, People people, Accounts accounts, Catalog catalog) {
        this.jdbc = jdbc;
        this.people = people;
        this.accounts = accounts;
        this.catalog = catalog;
    }

    UUID organization(String slug) {
        return jdbc.sql("SELECT id FROM organization WHERE slug = ?")
                .param(slug)
                .query(UUID.class)
                .single();
    }

    /** A program of the organization's catalog in force today. */
    Catalog.ProgramRecord program(UUID organizationId) {
        return catalog.programs(organizationId, LocalDate.now()).stream()
                .filter(p -> !p.retired())
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("No program in force in the demo catalog"));
    }

    /** A cycle of a program with a published two-question form; returns {cycleId, formId}. */
    UUID[] cycle(UUID organizationId, int acceptanceDays, @Nullable BigDecimal deposit) {
        return cycle(organizationId, organizationId, acceptanceDays, deposit);
    }

    /** A cycle named after a program of another organization's catalog (for organizations without a catalog). */
    UUID[] cycle(UUID organizationId, UUID catalogOrganizationId, int acceptanceDays, @Nullable BigDecimal deposit) {
        var program = program(catalogOrganizationId);
        var cycle = UUID.randomUUID();
        var form = UUID.randomUUID();
        var now = OffsetDateTime.now(ZoneOffset.UTC);
        jdbc.sql("""
                        INSERT INTO admission_cycle (id, organization_id, program_id, program_code, program_name, intake_id,
                          name, starts_on, opens_at, closes_at, status, acceptance_days, deposit_amount, deposit_currency,
                          created_at, updated_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'OPEN', ?, ?, ?, ?, ?)""")
                .params(
                        cycle,
                        organizationId,
                        program.programId(),
                        program.code(),
                        program.name(),
                        UUID.randomUUID(),
                        program.code() + " test cycle " + SEQ.incrementAndGet(),
                        LocalDate.now().plusMonths(3),
                        now.minusDays(30),
                        now.plusDays(30),
                        acceptanceDays,
                        deposit,
                        deposit == null ? null : "USD",
                        now,
                        now)
                .update();
        jdbc.sql("INSERT INTO application_form (id, organization_id, cycle_id, version, definition, published_at,"
                        + " created_at) VALUES (?, ?, ?, 1, ?, ?, ?)")
                .params(
                        form,
                        organizationId,
                        cycle,
                        "{\"fields\":[{\"key\":\"statement\",\"label\":\"Why this program?\",\"type\":\"LONG_TEXT\","
                                + "\"required\":true},{\"key\":\"worked\",\"label\":\"Have you worked in the field?\","
                                + "\"type\":\"YES_NO\",\"required\":false}]}",
                        now,
                        now)
                .update();
        return new UUID[] {cycle, form};
    }

    /** A submitted application of an applicant (a person with an account, or none). */
    UUID application(UUID organizationId, UUID[] cycle, @Nullable UUID personId, String name, String email) {
        return application(organizationId, cycle, personId, name, email, ApplicationStatus.SUBMITTED);
    }

    UUID application(
            UUID organizationId,
            UUID[] cycle,
            @Nullable UUID personId,
            String name,
            String email,
            ApplicationStatus status) {
        var id = UUID.randomUUID();
        var now = OffsetDateTime.now(ZoneOffset.UTC);
        jdbc.sql("""
                        INSERT INTO application (id, organization_id, cycle_id, form_id, number, applicant_person_id,
                          applicant_name, applicant_email, status, source, submitted_at, created_at, updated_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'APPLICANT', ?, ?, ?)""")
                .params(
                        id,
                        organizationId,
                        cycle[0],
                        cycle[1],
                        "T" + System.nanoTime() % 100_000_000L + SEQ.incrementAndGet(),
                        personId,
                        name,
                        email,
                        status.name(),
                        status == ApplicationStatus.DRAFT ? null : now.minus(Duration.ofHours(1)),
                        now,
                        now)
                .update();
        jdbc.sql("INSERT INTO application_answer (application_id, organization_id, field_key, answer_text, updated_at)"
                        + " VALUES (?, ?, 'statement', ?, ?)")
                .params(id, organizationId, "I want to learn <b>data</b> & more.", now)
                .update();
        return id;
    }

    /** A new person with an account and these roles in the organization, as a signed-in user. */
    CredoUser person(UUID organizationId, String name, Role... roles) {
        var id = UUID.randomUUID();
        var email = "t" + SEQ.incrementAndGet() + "-" + id.toString().substring(0, 8) + "@review.test";
        people.insert(new Person(id, email, name, null, null, org.credo.platform.Timestamps.now()), false);
        var set = EnumSet.noneOf(Role.class);
        java.util.Collections.addAll(set, roles);
        people.addMembership(organizationId, id, set, org.credo.platform.Timestamps.now());
        return accounts.inOrganization(id, organizationId).orElseThrow();
    }

    /**
     * A demo person (by role) as signed in to an organization: for roles such as administrator, where another member
     * would change what other tests count (the last administrator, say).
     */
    CredoUser demo(UUID organizationId, Role role) {
        var id = jdbc.sql("SELECT id FROM person WHERE email = ?")
                .param(org.credo.platform.demo.DemoData.email(role))
                .query(UUID.class)
                .single();
        return accounts.inOrganization(id, organizationId).orElseThrow();
    }

    /** The same person as signed in again (roles as they are now). */
    CredoUser again(CredoUser user) {
        return accounts.inOrganization(user.personId(), user.organizationId()).orElseThrow();
    }

    /** A fresh organization. */
    public UUID organization() {
        var id = UUID.randomUUID();
        var slug = "crm-" + id.toString().substring(0, 8);
        jdbc.sql("INSERT INTO organization (id, slug, name, time_zone, created_at, version) VALUES (?, ?, ?, ?, ?, 0)")
                .params(id, slug, "College " + slug, "UTC", sql(Instant.now()))
                .update();
        return id;
    }

    /** The demo organization. */
    public UUID northfield() {
        return jdbc.sql("SELECT id FROM organization WHERE slug = 'northfield'")
                .query(UUID.class)
                .single();
    }

    /** A catalog program (no version: the funnel and segments need only its id). */
    public UUID program(UUID organizationId, String code) {
        var id = UUID.randomUUID();
        jdbc.sql("INSERT INTO catalog_program (id, organization_id, code, created_at) VALUES (?, ?, ?, ?)")
                .params(id, organizationId, code, sql(Instant.now()))
                .update();
        return id;
    }

    /** A cycle of a program open between two times, with a published form. */
    public UUID cycle(
            UUID organizationId, UUID programId, String code, String name, Instant opensAt, Instant closesAt) {
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
    public UUID application(
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
    public void event(UUID applicationId, String kind, String detail, Instant at) {
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
    public void inquiry(UUID organizationId, UUID programId, String email, Instant at) {
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
