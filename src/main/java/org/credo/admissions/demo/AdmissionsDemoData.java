package org.credo.admissions.demo;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.credo.admissions.application.Application;
import org.credo.admissions.application.Application.Source;
import org.credo.admissions.application.Applications;
import org.credo.admissions.cycle.Cycle;
import org.credo.admissions.cycle.CycleRequest;
import org.credo.admissions.cycle.CycleStatus;
import org.credo.admissions.cycle.Cycles;
import org.credo.admissions.form.FieldType;
import org.credo.admissions.form.FormDefinition;
import org.credo.admissions.form.FormField;
import org.credo.admissions.form.Forms;
import org.credo.catalog.Catalog;
import org.credo.platform.Organizations;
import org.credo.platform.Timestamps;
import org.credo.platform.config.CredoProperties;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * In demo mode, gives Northfield an open admission cycle for each upcoming intake of its programs (scheduling a fall
 * start for each program that has none), a published form with a conditional question and a PDF transcript, and
 * applications in draft, submitted and in review; the demo applicant, applicant@northfield.test, has a draft to finish.
 */
@Component
@Order(40)
class AdmissionsDemoData implements ApplicationRunner {

    /** A one-page PDF, small enough to read: what the demo applications attach as their transcript. */
    static final String TRANSCRIPT = """
            %PDF-1.4
            1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj
            2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj
            3 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] >> endobj
            trailer << /Root 1 0 R >>
            %%EOF
            """;

    /** The demo applicant's login (platform's demo data creates it). */
    static final String APPLICANT = "applicant@northfield.test";

    private static final List<String[]> PEOPLE = List.of(
            new String[] {"Maya Okafor", "maya.okafor@example.org", "SUBMITTED"},
            new String[] {"Liam Chen", "liam.chen@example.org", "SUBMITTED"},
            new String[] {"Sofia Rossi", "sofia.rossi@example.org", "IN_REVIEW"},
            new String[] {"Noah Williams", "noah.williams@example.org", "IN_REVIEW"},
            new String[] {"Amara Diallo", "amara.diallo@example.org", "SUBMITTED"},
            new String[] {"Ethan Novak", "ethan.novak@example.org", "DRAFT"});

    private final CredoProperties properties;
    private final Organizations organizations;
    private final Catalog catalog;
    private final Cycles cycles;
    private final Forms forms;
    private final Applications applications;
    private final JdbcClient jdbc;

    AdmissionsDemoData(
            CredoProperties properties,
            Organizations organizations,
            Catalog catalog,
            Cycles cycles,
            Forms forms,
            Applications applications,
            JdbcClient jdbc) {
        this.properties = properties;
        this.organizations = organizations;
        this.catalog = catalog;
        this.cycles = cycles;
        this.forms = forms;
        this.applications = applications;
        this.jdbc = jdbc;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        var northfield = organizations.findBySlug("northfield");
        if (!properties.demo() || northfield.isEmpty()) {
            return;
        }
        var org = northfield.get().id();
        if (!cycles.all(org).isEmpty()) {
            return;
        }
        var zone = ZoneId.of(northfield.get().timeZone());
        var today = LocalDate.now(zone);
        var programs = catalog.programs(org, today);
        if (programs.isEmpty()) {
            return;
        }
        var upcoming = catalog.intakes(org).stream()
                .filter(i -> i.startsOn().isAfter(today))
                .toList();
        for (var p : programs) {
            if (upcoming.stream().noneMatch(i -> i.programId().equals(p.programId()))) {
                var fall = LocalDate.of(today.getYear() + (today.getMonthValue() >= 6 ? 1 : 0), 9, 1);
                catalog.scheduleIntake(org, p.programId(), "Fall " + fall.getYear(), fall, fall.minusMonths(2));
            }
        }
        var now = Instant.now().truncatedTo(ChronoUnit.MINUTES);
        Cycle first = null;
        for (var intake : catalog.intakes(org)) {
            if (!intake.startsOn().isAfter(today)) {
                continue;
            }
            var deadline = intake.applicationDeadline() != null
                            && intake.applicationDeadline().isAfter(today.plusDays(14))
                    ? intake.applicationDeadline()
                            .atTime(LocalTime.of(23, 59))
                            .atZone(zone)
                            .toInstant()
                    : now.plus(60, ChronoUnit.DAYS);
            var cycle = cycles.create(
                    org,
                    new CycleRequest(
                            intake.intakeId(),
                            null,
                            now.minus(30, ChronoUnit.DAYS),
                            deadline,
                            CycleStatus.OPEN,
                            30,
                            intake.programCode().contains("CERT") ? new java.math.BigDecimal("250.00") : null,
                            intake.programCode().contains("CERT") ? "USD" : null));
            forms.saveDraft(org, cycle.id(), form());
            forms.publish(org, cycle.id());
            if (first == null) {
                first = cycle;
            }
        }
        if (first == null) {
            return;
        }
        var applicant = jdbc.sql("SELECT id, display_name FROM person WHERE email = ?")
                .param(APPLICANT)
                .query((rs, n) -> Map.entry(rs.getObject(1, UUID.class), rs.getString(2)))
                .optional();
        if (applicant.isPresent()) {
            var draft = applications.start(
                    org, first.id(), applicant.get().getKey(), applicant.get().getValue(), APPLICANT, Source.APPLICANT);
            applications.saveAnswers(org, draft.id(), Map.of("given_name", "Abby", "family_name", "Applicant"));
        }
        int n = 0;
        for (var person : PEOPLE) {
            var cycle =
                    n % 2 == 0 ? first : cycles.all(org).get(n % cycles.all(org).size());
            n++;
            var source = n == 5 ? Source.STAFF : Source.APPLICANT;
            Application application = applications.start(org, cycle.id(), null, person[0], person[1], source);
            var names = person[0].split(" ");
            var answers = new LinkedHashMap<String, String>();
            answers.put("given_name", names[0]);
            answers.put("family_name", names[1]);
            if (!person[2].equals("DRAFT")) {
                answers.put(
                        "date_of_birth",
                        today.minusYears(20 + n).minusDays(n * 37L).toString());
                answers.put(
                        "statement",
                        "I want to study " + cycle.programName() + " because it builds on my work in "
                                + (n % 2 == 0 ? "a hospital laboratory" : "a city planning office") + ".");
                answers.put("study_mode", n % 3 == 0 ? "Part time" : "Full time");
                answers.put("prior_degree", n % 2 == 0 ? "yes" : "no");
                if (n % 2 == 0) {
                    answers.put("prior_institution", "Lakeside Community College");
                }
            }
            applications.saveAnswers(org, application.id(), answers);
            if (!person[2].equals("DRAFT")) {
                applications.attach(
                        org,
                        application.id(),
                        "transcript",
                        names[1].toLowerCase() + "-transcript.pdf",
                        new ByteArrayInputStream(TRANSCRIPT.getBytes(StandardCharsets.US_ASCII)));
                applications.submit(org, application.id(), Instant.now());
            }
            if (person[2].equals("IN_REVIEW")) {
                jdbc.sql("UPDATE application SET status = 'IN_REVIEW', updated_at = ? WHERE id = ?")
                        .params(Timestamps.sql(Timestamps.now()), application.id())
                        .update();
                jdbc.sql("INSERT INTO application_event (id, application_id, organization_id, kind, detail, actor_id,"
                                + " actor_name, occurred_at) VALUES (?, ?, ?, 'IN_REVIEW', ?, NULL, 'system', ?)")
                        .params(
                                UUID.randomUUID(),
                                application.id(),
                                org,
                                "Sent to readers",
                                Timestamps.sql(Timestamps.now()))
                        .update();
            }
        }
    }

    /** The demo form: names, a date, a statement, a choice, a yes/no with a conditional follow-up, a PDF transcript. */
    static FormDefinition form() {
        return new FormDefinition(List.of(
                field("given_name", "Given name", FieldType.TEXT, true, null, null, null),
                field("family_name", "Family name", FieldType.TEXT, true, null, null, null),
                field("date_of_birth", "Date of birth", FieldType.DATE, true, null, null, null),
                field(
                        "statement",
                        "Personal statement",
                        FieldType.LONG_TEXT,
                        true,
                        "Why this program, and what you bring to it (300 to 600 words).",
                        null,
                        null),
                field(
                        "study_mode",
                        "How will you study?",
                        FieldType.CHOICE,
                        true,
                        null,
                        List.of("Full time", "Part time"),
                        null),
                field("prior_degree", "Do you hold a previous degree?", FieldType.YES_NO, true, null, null, null),
                field(
                        "prior_institution",
                        "Where did you earn it?",
                        FieldType.TEXT,
                        true,
                        null,
                        null,
                        new FormField.ShowIf("prior_degree", "yes")),
                new FormField(
                        "transcript",
                        "Transcript (PDF)",
                        FieldType.FILE,
                        true,
                        "Your most recent transcript, as a PDF of at most 5 MB.",
                        null,
                        null,
                        List.of("application/pdf"),
                        5L * 1024 * 1024)));
    }

    private static FormField field(
            String key,
            String label,
            FieldType type,
            boolean required,
            String help,
            List<String> options,
            FormField.ShowIf showIf) {
        return new FormField(key, label, type, required, help, options, showIf, null, null);
    }
}
