package org.credo.admissions.demo;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.credo.admissions.acceptance.Acceptances;
import org.credo.admissions.application.Application.Source;
import org.credo.admissions.decision.Decisions;
import org.credo.admissions.decision.Outcome;
import org.credo.admissions.release.Releases;
import org.credo.admissions.review.Reads;
import org.credo.admissions.review.Rubrics;
import org.credo.admissions.withdrawal.Withdrawals;
import org.credo.catalog.Catalog;
import org.credo.platform.CredoUser;
import org.credo.platform.MembershipRoles;
import org.credo.platform.OrganizationSummary;
import org.credo.platform.Organizations;
import org.credo.platform.Role;
import org.credo.platform.config.CredoProperties;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * In demo mode, gives Northfield's admissions office work: in the first open cycle (or a demo cycle of its own when
 * the applicant portal's demo made none), reads open for Adam Admissions and a second reader, applications waiting
 * for a reader, decisions held for release, and a released batch (admitted, conditionally admitted, waitlisted,
 * denied) in which Abby Applicant is admitted and may accept, one applicant has accepted and matriculated and one has
 * declined; and an application its applicant withdrew, so that every status has an example.
 */
@Component
@Order(45)
class AdmissionsReviewDemoData implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(AdmissionsReviewDemoData.class);

    private final CredoProperties properties;
    private final Organizations organizations;
    private final Catalog catalog;
    private final Reads reads;
    private final Rubrics rubrics;
    private final Decisions decisions;
    private final Releases releases;
    private final Acceptances acceptances;
    private final MembershipRoles roles;
    private final JdbcClient jdbc;
    private final org.credo.admissions.application.Applications applications;
    private final Withdrawals withdrawals;

    private final org.credo.admissions.application.ApplicationNumbers numbers;

    AdmissionsReviewDemoData(
            CredoProperties properties,
            Organizations organizations,
            Catalog catalog,
            Reads reads,
            Rubrics rubrics,
            Decisions decisions,
            Releases releases,
            Acceptances acceptances,
            MembershipRoles roles,
            JdbcClient jdbc,
            org.credo.admissions.application.Applications applications,
            Withdrawals withdrawals,
            org.credo.admissions.application.ApplicationNumbers numbers) {
        this.applications = applications;
        this.numbers = numbers;
        this.withdrawals = withdrawals;
        this.properties = properties;
        this.organizations = organizations;
        this.catalog = catalog;
        this.reads = reads;
        this.rubrics = rubrics;
        this.decisions = decisions;
        this.releases = releases;
        this.acceptances = acceptances;
        this.roles = roles;
        this.jdbc = jdbc;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        var northfield = organizations.findBySlug("northfield");
        if (!properties.demo() || northfield.isEmpty()) {
            return;
        }
        var org = northfield.get();
        long done = jdbc.sql("SELECT count(*) FROM release_batch WHERE organization_id = ?")
                .param(org.id())
                .query(Long.class)
                .single();
        var adam = person("admissions-officer@northfield.test");
        var abby = person("applicant@northfield.test");
        if (done > 0 || adam.isEmpty()) {
            return;
        }
        var cycle = openCycle(org.id()).or(() -> demoCycle(org.id()));
        if (cycle.isEmpty()) {
            return;
        }
        var cycleId = cycle.get()[0];
        var formId = cycle.get()[1];
        var officer = user(org, adam.get(), "Adam Admissions", Role.ADMISSIONS_OFFICER);
        var rhea = reader(org);
        rubrics.orDefault(org.id(), cycleId);

        // Released: admitted (Abby may still accept), waitlisted, denied, and one who accepted and matriculated.
        var released = new java.util.ArrayList<UUID>();
        UUID abbysApplication = null;
        if (abby.isPresent() && !applied(cycleId, "applicant@northfield.test")) {
            roles.grant(org.id(), abby.get(), Role.APPLICANT);
            abbysApplication =
                    application(org.id(), cycleId, formId, abby.get(), "Abby Applicant", "applicant@northfield.test");
            released.add(decided(org, officer, rhea, abbysApplication, Outcome.ADMIT, "ADM-STRONG", 5));
        }
        var mateo = newApplicant(org, "Mateo Matriculant", "matriculated@northfield.test");
        var mateosApplication =
                application(org.id(), cycleId, formId, mateo, "Mateo Matriculant", "matriculated@northfield.test");
        released.add(decided(org, officer, rhea, mateosApplication, Outcome.ADMIT, "ADM-MEETS", 4));
        released.add(decided(
                org,
                officer,
                rhea,
                demoApp(org, cycleId, formId, "Wendy Waitlist"),
                Outcome.WAITLIST,
                "WL-CAPACITY",
                3));
        released.add(
                decided(org, officer, rhea, demoApp(org, cycleId, formId, "Dario Denied"), Outcome.DENY, "DEN-REQ", 2));
        released.add(decided(
                org,
                officer,
                rhea,
                demoApp(org, cycleId, formId, "Connie Conditional"),
                Outcome.CONDITIONAL_ADMIT,
                "CND-DOCS",
                4));
        var dina = newApplicant(org, "Dina Declined", "declined@northfield.test");
        var dinasApplication =
                application(org.id(), cycleId, formId, dina, "Dina Declined", "declined@northfield.test");
        released.add(decided(org, officer, rhea, dinasApplication, Outcome.ADMIT, "ADM-MEETS", 4));
        var batch = releases.schedule(org.id(), cycleId, null);
        releases.run(batch.id());
        if (abby.isPresent() && abbysApplication == null) {
            // Abby's draft is in the first cycle: her admission to accept is in another open cycle.
            var other = openCycleWithout(org.id(), "applicant@northfield.test");
            if (other.isPresent()) {
                rubrics.orDefault(org.id(), other.get()[0]);
                var admitted = application(
                        org.id(),
                        other.get()[0],
                        other.get()[1],
                        abby.get(),
                        "Abby Applicant",
                        "applicant@northfield.test");
                decided(org, officer, rhea, admitted, Outcome.ADMIT, "ADM-STRONG", 5);
                releases.run(releases.schedule(org.id(), other.get()[0], null).id());
            }
        }
        acceptances.accept(user(org, mateo, "Mateo Matriculant", Role.APPLICANT), mateosApplication);
        acceptances.decline(user(org, dina, "Dina Declined", Role.APPLICANT), dinasApplication);
        // Withdrawn by its applicant after submitting.
        var wade = newApplicant(org, "Wade Withdrawn", "withdrawn@northfield.test");
        var wadesApplication =
                application(org.id(), cycleId, formId, wade, "Wade Withdrawn", "withdrawn@northfield.test");
        withdrawals.byApplicant(
                user(org, wade, "Wade Withdrawn", Role.APPLICANT),
                wadesApplication,
                "I accepted a place at another college.");

        // Held for the next release.
        decided(org, officer, rhea, demoApp(org, cycleId, formId, "Hana Held"), Outcome.ADMIT, "ADM-STRONG", 5);
        decided(
                org,
                officer,
                rhea,
                demoApp(org, cycleId, formId, "Cyrus Conditional"),
                Outcome.CONDITIONAL_ADMIT,
                "CND-DOCS",
                4);
        // Open reads in Adam's queue, a second read only Rhea submitted, and applications waiting for a reader.
        for (var name : List.of("Olga Open", "Pia Pending", "Quinn Queued")) {
            reads.assign(org.id(), demoApp(org, cycleId, formId, name), adam.get());
        }
        var second = demoApp(org, cycleId, formId, "Sven Second-Read");
        var rheaRead = reads.assign(org.id(), second, rhea.personId());
        reads.submit(
                rhea, rheaRead.id(), scores(org.id(), cycleId, 4), new HashMap<>(), "Promising; a second read please.");
        reads.assign(org.id(), second, adam.get());
        for (var name : List.of("Willa Waiting", "Xavier Waiting")) {
            demoApp(org, cycleId, formId, name);
        }
        log.info("Admissions review demo: reads, held decisions and a released batch in cycle {}", cycleId);
    }

    private UUID decided(
            OrganizationSummary org,
            CredoUser officer,
            CredoUser rhea,
            UUID app,
            Outcome outcome,
            String reason,
            int score) {
        var read = reads.assign(org.id(), app, rhea.personId());
        reads.submit(rhea, read.id(), scoresFor(org.id(), read.applicationId(), score), new HashMap<>(), null);
        decisions.decide(
                org.id(),
                app,
                outcome,
                reason,
                outcome == Outcome.CONDITIONAL_ADMIT ? "Send your final high-school transcript by 1 August." : null,
                null);
        return app;
    }

    private java.util.Map<UUID, Integer> scores(UUID org, UUID cycleId, int each) {
        var map = new HashMap<UUID, Integer>();
        rubrics.orDefault(org, cycleId).forEach(c -> map.put(c.id(), each));
        return map;
    }

    private java.util.Map<UUID, Integer> scoresFor(UUID org, UUID applicationId, int each) {
        var cycleId = jdbc.sql("SELECT cycle_id FROM application WHERE id = ?")
                .param(applicationId)
                .query(UUID.class)
                .single();
        return scores(org, cycleId, each);
    }

    private Optional<UUID> person(String email) {
        return jdbc.sql("SELECT id FROM person WHERE email = ?")
                .param(email)
                .query(UUID.class)
                .optional();
    }

    private boolean applied(UUID cycleId, String email) {
        return jdbc.sql("SELECT count(*) FROM application WHERE cycle_id = ? AND applicant_email = ?")
                        .params(cycleId, email)
                        .query(Long.class)
                        .single()
                > 0;
    }

    private CredoUser user(OrganizationSummary org, UUID personId, String name, Role role) {
        var email = jdbc.sql("SELECT email FROM person WHERE id = ?")
                .param(personId)
                .query(String.class)
                .single();
        return new CredoUser(
                personId, email, name, org.id(), org.name(), org.timeZone(), EnumSet.of(role), null, true, false);
    }

    /** A second reader, with the demo password of the admissions officer. */
    private CredoUser reader(OrganizationSummary org) {
        var email = "reader@northfield.test";
        var id = person(email).orElseGet(() -> {
            var newId = UUID.randomUUID();
            jdbc.sql("INSERT INTO person (id, email, display_name, password_hash, created_at, demo)"
                            + " SELECT ?, ?, 'Rhea Reader', password_hash, ?, true FROM person WHERE email = ?")
                    .params(newId, email, OffsetDateTime.now(ZoneOffset.UTC), "admissions-officer@northfield.test")
                    .update();
            return newId;
        });
        roles.grant(org.id(), id, Role.ADMISSIONS_OFFICER);
        return user(org, id, "Rhea Reader", Role.ADMISSIONS_OFFICER);
    }

    private UUID newApplicant(OrganizationSummary org, String name, String email) {
        var id = person(email).orElseGet(() -> {
            var newId = UUID.randomUUID();
            jdbc.sql("INSERT INTO person (id, email, display_name, password_hash, created_at, demo)"
                            + " SELECT ?, ?, ?, password_hash, ?, true FROM person WHERE email = ?")
                    .params(newId, email, name, OffsetDateTime.now(ZoneOffset.UTC), "applicant@northfield.test")
                    .update();
            return newId;
        });
        roles.grant(org.id(), id, Role.APPLICANT);
        return id;
    }

    private UUID demoApp(OrganizationSummary org, UUID cycleId, UUID formId, String name) {
        var email = name.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z]+", ".") + "@applicants.test";
        return application(org.id(), cycleId, formId, null, name, email);
    }

    private Optional<UUID[]> openCycle(UUID org) {
        return jdbc.sql("SELECT c.id, f.id FROM admission_cycle c JOIN application_form f ON f.cycle_id = c.id"
                        + " WHERE c.organization_id = ? AND c.status = 'OPEN' AND f.published_at IS NOT NULL"
                        + " ORDER BY c.opens_at, f.version DESC LIMIT 1")
                .param(org)
                .query((rs, n) -> new UUID[] {rs.getObject(1, UUID.class), rs.getObject(2, UUID.class)})
                .optional();
    }

    private Optional<UUID[]> openCycleWithout(UUID org, String email) {
        return jdbc.sql("SELECT c.id, f.id FROM admission_cycle c JOIN application_form f ON f.cycle_id = c.id"
                        + " WHERE c.organization_id = ? AND c.status = 'OPEN' AND f.published_at IS NOT NULL"
                        + " AND NOT EXISTS (SELECT 1 FROM application a WHERE a.cycle_id = c.id"
                        + " AND a.applicant_email = ?) ORDER BY c.opens_at, c.name, f.version DESC LIMIT 1")
                .params(org, email)
                .query((rs, n) -> new UUID[] {rs.getObject(1, UUID.class), rs.getObject(2, UUID.class)})
                .optional();
    }

    private Optional<UUID[]> demoCycle(UUID org) {
        var programs = catalog.programs(org, LocalDate.now());
        if (programs.isEmpty()) {
            return Optional.empty();
        }
        var program = programs.get(0);
        var cycle = UUID.randomUUID();
        var form = UUID.randomUUID();
        var now = OffsetDateTime.now(ZoneOffset.UTC);
        jdbc.sql("""
                        INSERT INTO admission_cycle (id, organization_id, program_id, program_code, program_name, intake_id,
                          name, starts_on, opens_at, closes_at, status, acceptance_days, deposit_amount, deposit_currency,
                          created_at, updated_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'OPEN', 30, ?, 'USD', ?, ?)""")
                .params(
                        cycle,
                        org,
                        program.programId(),
                        program.code(),
                        program.name(),
                        UUID.randomUUID(),
                        program.name() + " — review demo intake",
                        LocalDate.now().plusMonths(4).withDayOfMonth(1),
                        now.minusDays(60),
                        now.plusDays(30),
                        new BigDecimal("300.00"),
                        now,
                        now)
                .update();
        jdbc.sql("INSERT INTO application_form (id, organization_id, cycle_id, version, definition, published_at,"
                        + " created_at) VALUES (?, ?, ?, 1, ?, ?, ?)")
                .params(
                        form,
                        org,
                        cycle,
                        "{\"fields\":[{\"key\":\"statement\",\"label\":\"Why do you want to join this program?\","
                                + "\"type\":\"LONG_TEXT\",\"required\":true},{\"key\":\"experience\",\"label\":"
                                + "\"Your experience in the field\",\"type\":\"TEXT\",\"required\":false}]}",
                        now,
                        now)
                .update();
        return Optional.of(new UUID[] {cycle, form});
    }

    private static final String STATEMENT =
            "I have wanted to work with data since a summer job at the city library; this program is the next step.";

    private UUID application(UUID org, UUID cycleId, UUID formId, @Nullable UUID personId, String name, String email) {
        boolean portalForm = jdbc.sql("SELECT count(*) FROM application_form WHERE id = ? AND definition LIKE ?")
                        .params(formId, "%\"given_name\"%")
                        .query(Long.class)
                        .single()
                > 0;
        if (portalForm) {
            // The demo form of the applications demo: applied through the portal's own steps, complete and submitted.
            var application = applications.start(org, cycleId, personId, name, email, Source.APPLICANT);
            var names = name.split(" ", 2);
            var answers = new java.util.LinkedHashMap<String, String>();
            answers.put("given_name", names[0]);
            answers.put("family_name", names.length > 1 ? names[1] : names[0]);
            answers.put(
                    "date_of_birth",
                    LocalDate.now()
                            .minusYears(24)
                            .minusDays(name.length() * 11L)
                            .toString());
            answers.put("statement", STATEMENT);
            answers.put("study_mode", "Full time");
            answers.put("prior_degree", "no");
            applications.saveAnswers(org, application.id(), answers);
            applications.attach(
                    org,
                    application.id(),
                    "transcript",
                    answers.get("family_name").toLowerCase(java.util.Locale.ROOT) + "-transcript.pdf",
                    new java.io.ByteArrayInputStream(
                            AdmissionsDemoData.TRANSCRIPT.getBytes(java.nio.charset.StandardCharsets.US_ASCII)));
            applications.submit(org, application.id(), java.time.Instant.now());
            return application.id();
        }
        var id = UUID.randomUUID();
        var now = OffsetDateTime.now(ZoneOffset.UTC);
        // Numbered by the same counter as the applications of the portal.
        var number = numbers.next(org);
        jdbc.sql("""
                        INSERT INTO application (id, organization_id, cycle_id, form_id, number, applicant_person_id,
                          applicant_name, applicant_email, status, source, submitted_at, created_at, updated_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'SUBMITTED', 'APPLICANT', ?, ?, ?)""")
                .params(
                        id,
                        org,
                        cycleId,
                        formId,
                        number,
                        personId,
                        name,
                        email,
                        now.minus(Duration.ofDays(3)),
                        now,
                        now)
                .update();
        jdbc.sql("INSERT INTO application_answer (application_id, organization_id, field_key, answer_text, updated_at)"
                        + " VALUES (?, ?, 'statement', ?, ?)")
                .params(id, org, STATEMENT, now)
                .update();
        return id;
    }
}
