package org.credo.admissions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.credo.CredoTest;
import org.credo.WebSessions;
import org.credo.admissions.application.Application;
import org.credo.admissions.application.Application.Source;
import org.credo.admissions.application.ApplicationImport;
import org.credo.admissions.application.Applications;
import org.credo.admissions.application.Checklist;
import org.credo.admissions.cycle.Cycle;
import org.credo.admissions.cycle.CycleRequest;
import org.credo.admissions.cycle.CycleStatus;
import org.credo.admissions.cycle.Cycles;
import org.credo.admissions.form.FieldType;
import org.credo.admissions.form.FormDefinition;
import org.credo.admissions.form.FormField;
import org.credo.admissions.form.Forms;
import org.credo.catalog.Catalog;
import org.credo.learners.LearnerStatus;
import org.credo.learners.record.LearnerDetails;
import org.credo.platform.PageQuery;
import org.credo.platform.ProblemException;
import org.credo.platform.Role;
import org.credo.platform.demo.DemoData;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

/** Cycles, versioned forms, applications, documents and the CSV import, through the facades and the web. */
@CredoTest
class ApplicationsTest {

    static final byte[] PDF = "%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"
            .getBytes(StandardCharsets.US_ASCII);

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Catalog catalog;

    @Autowired
    Cycles cycles;

    @Autowired
    Forms forms;

    @Autowired
    Applications applications;

    @Autowired
    ApplicationImport imports;

    @Autowired
    org.credo.platform.people.Accounts accounts;

    @Autowired
    org.credo.platform.tokens.ApiTokenService tokens;

    String token(Role role) {
        return "Bearer "
                + tokens.create(
                                accounts.loadUserByUsername(DemoData.email(role)),
                                new org.credo.platform.tokens.ApiTokenRequest("admissions " + role, null, 1))
                        .token();
    }

    UUID org() {
        return jdbc.sql("SELECT id FROM organization WHERE slug = 'northfield'")
                .query(UUID.class)
                .single();
    }

    UUID person(Role role) {
        return jdbc.sql("SELECT id FROM person WHERE email = ?")
                .param(DemoData.email(role))
                .query(UUID.class)
                .single();
    }

    static FormDefinition form(boolean withFile) {
        var fields = new java.util.ArrayList<FormField>(List.of(
                new FormField("full_name", "Full name", FieldType.TEXT, true, null, null, null, null, null),
                new FormField("born", "Date of birth", FieldType.DATE, false, null, null, null, null, null),
                new FormField("score", "Test score", FieldType.NUMBER, false, null, null, null, null, null),
                new FormField("employed", "Are you employed?", FieldType.YES_NO, true, null, null, null, null, null),
                new FormField(
                        "employer",
                        "Employer",
                        FieldType.TEXT,
                        true,
                        null,
                        null,
                        new FormField.ShowIf("employed", "yes"),
                        null,
                        null)));
        if (withFile) {
            fields.add(new FormField(
                    "transcript",
                    "Transcript",
                    FieldType.FILE,
                    true,
                    null,
                    null,
                    null,
                    List.of("application/pdf"),
                    64L * 1024));
        }
        return new FormDefinition(fields);
    }

    /** A new open cycle (with its own intake) whose form is published. */
    Cycle openCycle(Instant closes, boolean withFile) {
        var org = org();
        var program = catalog.programs(org, LocalDate.now()).get(0);
        var start = LocalDate.now().plusYears(2).plusDays((long) (Math.random() * 3000));
        var intake = catalog.scheduleIntake(org, program.programId(), "Test " + UUID.randomUUID(), start, null);
        var cycle = cycles.create(
                org,
                new CycleRequest(
                        intake,
                        "Test cycle " + UUID.randomUUID().toString().substring(0, 8),
                        Instant.now().minus(1, ChronoUnit.DAYS),
                        closes,
                        CycleStatus.OPEN,
                        30,
                        null,
                        null));
        forms.saveDraft(org, cycle.id(), form(withFile));
        forms.publish(org, cycle.id());
        return cycle;
    }

    /** The demo applicant's draft (she also has a released admission in another demo cycle). */
    Application abbysDraft(UUID org) {
        return applications.ofPerson(org, person(Role.APPLICANT)).stream()
                .filter(a -> a.status() == ApplicationStatus.DRAFT)
                .findFirst()
                .orElseThrow();
    }

    static String email() {
        return "applicant-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
    }

    @Test
    void aPublishedFormNeverChangesAndAnApplicationKeepsItsVersion() {
        var org = org();
        var cycle = openCycle(Instant.now().plus(10, ChronoUnit.DAYS), false);
        var first = applications.start(org, cycle.id(), null, "Vera Version", email(), Source.STAFF);
        assertThat(first.formVersion()).isEqualTo(1);

        var changed = new java.util.ArrayList<>(form(false).fields());
        changed.add(new FormField("motto", "Your motto", FieldType.TEXT, true, null, null, null, null, null));
        var draft = forms.saveDraft(org, cycle.id(), new FormDefinition(changed));
        assertThat(draft.version()).isEqualTo(2);
        assertThat(forms.published(org, cycle.id()).orElseThrow().version()).isEqualTo(1);
        forms.publish(org, cycle.id());

        var second = applications.start(org, cycle.id(), null, "Nico Next", email(), Source.STAFF);
        assertThat(second.formVersion()).isEqualTo(2);
        var again = applications.find(org, first.id());
        assertThat(again.formVersion()).isEqualTo(1);
        assertThat(applications.form(again).field("motto")).isNull();
        assertThat(forms.find(org, first.formId()).definition().fields()).hasSize(5);
    }

    @Test
    void aDefinitionWithDuplicateKeysALateConditionOrAChoiceWithoutOptionsIsRefusedFieldByField() {
        var bad = new FormDefinition(List.of(
                new FormField("a", "A", FieldType.TEXT, true, null, null, new FormField.ShowIf("b", "yes"), null, null),
                new FormField("b", "B", FieldType.YES_NO, true, null, null, null, null, null),
                new FormField("b", "B again", FieldType.CHOICE, true, null, List.of("only"), null, null, null)));
        var problems = bad.problems();
        assertThat(problems).extracting(p -> p.index() + "." + p.property()).contains("0.showIf", "2.key", "2.options");
        var cycle = openCycle(Instant.now().plus(10, ChronoUnit.DAYS), false);
        assertThatThrownBy(() -> forms.saveDraft(org(), cycle.id(), bad))
                .isInstanceOfSatisfying(
                        ProblemException.class,
                        e -> assertThat(e.properties().get("errors")).asString().contains("fields[2].options"));
    }

    @Test
    void aConditionalQuestionIsRequiredOnlyWhenShownAndTheChecklistSaysWhatIsMissing() {
        var org = org();
        var cycle = openCycle(Instant.now().plus(10, ChronoUnit.DAYS), false);
        var app = applications.start(org, cycle.id(), null, "Cora Conditional", email(), Source.STAFF);
        var checklist = applications.checklist(app);
        assertThat(checklist.items()).extracting(Checklist.Item::key).containsExactly("full_name", "employed");
        assertThat(checklist.done()).isZero();

        applications.saveAnswers(org, app.id(), Map.of("full_name", "Cora Conditional", "employed", "yes"));
        checklist = applications.checklist(app);
        assertThat(checklist.missing()).extracting(Checklist.Item::key).containsExactly("employer");
        assertThatThrownBy(() -> applications.submit(org, app.id(), Instant.now()))
                .isInstanceOfSatisfying(
                        ProblemException.class, e -> assertThat(e.field()).contains("employer"));

        // Answering "no" hides the employer question: it is no longer required, and an old answer to it is dropped.
        applications.saveAnswers(org, app.id(), Map.of("employer", "Acme"));
        applications.saveAnswers(org, app.id(), Map.of("employed", "no"));
        assertThat(applications.answers(org, app.id())).doesNotContainKey("employer");
        assertThat(applications.checklist(app).complete()).isTrue();

        // A badly formed answer is refused by type, and nothing of that save is kept.
        assertThatThrownBy(() -> applications.saveAnswers(org, app.id(), Map.of("born", "31/12/2000", "score", "abc")))
                .isInstanceOf(ProblemException.class)
                .hasMessageContaining("question(s) to fix");
        assertThat(applications.answers(org, app.id())).doesNotContainKeys("born", "score");

        var submitted = applications.submit(org, app.id(), Instant.now());
        assertThat(submitted.status()).isEqualTo(ApplicationStatus.SUBMITTED);
        assertThat(applications.history(org, app.id()))
                .extracting(e -> e.kind())
                .contains("ENTERED", "ANSWERS_SAVED", "SUBMITTED");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM email_outbox WHERE dedup_key = ?")
                        .param("admissions-application:" + app.id() + ":submitted")
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
    }

    @Test
    void submittingAfterTheDeadlineIsRefusedAndChangesNothing() {
        var org = org();
        var cycle = openCycle(Instant.now().plus(1, ChronoUnit.HOURS), false);
        var app = applications.start(org, cycle.id(), null, "Lena Late", email(), Source.STAFF);
        applications.saveAnswers(org, app.id(), Map.of("full_name", "Lena Late", "employed", "no"));
        var before = applications.find(org, app.id());
        assertThatThrownBy(() -> applications.saveAndSubmit(
                        org,
                        app.id(),
                        Map.of("full_name", "Changed"),
                        Instant.now().plus(2, ChronoUnit.HOURS)))
                .isInstanceOfSatisfying(
                        ProblemException.class,
                        e -> assertThat(e.status().value()).isEqualTo(409))
                .hasMessageContaining("deadline");
        var after = applications.find(org, app.id());
        assertThat(after.status()).isEqualTo(ApplicationStatus.DRAFT);
        assertThat(after.updatedAt()).isEqualTo(before.updatedAt());
        assertThat(applications.answers(org, app.id())).containsEntry("full_name", "Lena Late");
    }

    @Test
    void aSecondApplicationToTheSameCycleIsRefusedWithAClearMessage() throws Exception {
        var org = org();
        var cycle = openCycle(Instant.now().plus(10, ChronoUnit.DAYS), false);
        var mail = email();
        applications.start(org, cycle.id(), null, "Otto Once", mail, Source.STAFF);
        assertThatThrownBy(
                        () -> applications.start(org, cycle.id(), null, "Otto Twice", mail.toUpperCase(), Source.STAFF))
                .isInstanceOfSatisfying(
                        ProblemException.class,
                        e -> assertThat(e.status().value()).isEqualTo(409))
                .hasMessageContaining("already an application");

        // The demo applicant already has a draft in the first demo cycle: the portal refuses a second one.
        var session = WebSessions.signIn(mvc, Role.APPLICANT);
        var demoCycle = jdbc.sql("SELECT cycle_id FROM application WHERE applicant_email = ? AND status = 'DRAFT'")
                .param(DemoData.email(Role.APPLICANT))
                .query(UUID.class)
                .single();
        mvc.perform(post("/apply/cycles/" + demoCycle + "/applications")
                        .with(csrf())
                        .cookie(session))
                .andExpect(status().is3xxRedirection())
                .andExpect(flash().attribute("flashError", containsString("already an application")));
        mvc.perform(post("/api/v1/me/applications")
                        .header("Authorization", token(Role.APPLICANT))
                        .contentType("application/json")
                        .content("{\"cycleId\":\"" + demoCycle + "\"}"))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.title", is("Already applied")));
    }

    @Test
    void anUploadIsTypedByItsContentSoARenamedExeOrHtmlIsRefusedAndNothingIsStored() {
        var org = org();
        var cycle = openCycle(Instant.now().plus(10, ChronoUnit.DAYS), true);
        var app = applications.start(org, cycle.id(), null, "Ulla Upload", email(), Source.STAFF);
        long before = documents();
        var exe = new byte[512];
        exe[0] = 'M';
        exe[1] = 'Z';
        assertThatThrownBy(() -> applications.attach(org, app.id(), "transcript", "transcript.pdf", in(exe)))
                .isInstanceOfSatisfying(
                        ProblemException.class,
                        e -> assertThat(e.status().value()).isEqualTo(415));
        var html =
                "<!DOCTYPE html><html><body><script>alert(1)</script></body></html>".getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> applications.attach(org, app.id(), "transcript", "transcript.pdf", in(html)))
                .isInstanceOfSatisfying(
                        ProblemException.class,
                        e -> assertThat(e.status().value()).isEqualTo(415))
                .hasMessageContaining("not PDF");
        assertThat(documents()).isEqualTo(before);
        assertThat(applications.answers(org, app.id())).doesNotContainKey("transcript");

        var stored = applications.attach(org, app.id(), "transcript", "../../etc/transcript.pdf", in(PDF));
        assertThat(stored.contentType()).isEqualTo("application/pdf");
        assertThat(stored.fileName()).isEqualTo("transcript.pdf");
        assertThat(stored.sha256()).hasSize(64);
        assertThat(documents()).isEqualTo(before + 1);
    }

    @Test
    void anOversizedUploadStopsAtTheLimitAndNothingIsStored() {
        var org = org();
        var cycle = openCycle(Instant.now().plus(10, ChronoUnit.DAYS), true);
        var app = applications.start(org, cycle.id(), null, "Otis Oversize", email(), Source.STAFF);
        long before = documents();
        var read = new long[1];
        // An endless PDF: the limit must stop the reading, or this test never ends.
        var endless = new InputStream() {
            @Override
            public int read() {
                read[0]++;
                return read[0] <= 5 ? "%PDF-".charAt((int) read[0] - 1) : 'x';
            }

            @Override
            public int read(byte[] b, int off, int len) {
                for (int i = 0; i < len; i++) {
                    b[off + i] = (byte) read();
                }
                return len;
            }
        };
        assertThatThrownBy(() -> applications.attach(org, app.id(), "transcript", "big.pdf", endless))
                .isInstanceOfSatisfying(
                        ProblemException.class,
                        e -> assertThat(e.status().value()).isEqualTo(413));
        assertThat(read[0]).isLessThan(64 * 1024 + 32 * 1024);
        assertThat(documents()).isEqualTo(before);
    }

    @Test
    void aDocumentDownloadsAsAnAttachmentWithNosniffToItsOwnerAndStaffOnly() throws Exception {
        var org = org();
        var applicantSession = WebSessions.signIn(mvc, Role.APPLICANT);
        var mine = abbysDraft(org);
        // The demo form takes a PDF transcript: upload it through the portal.
        mvc.perform(multipart("/apply/applications/" + mine.id() + "/files/transcript")
                        .file(new MockMultipartFile("file", "my transcript.pdf", "text/html", PDF))
                        .with(csrf())
                        .cookie(applicantSession))
                .andExpect(status().is3xxRedirection());
        var document = applications.documents(org, mine.id()).get("transcript");
        assertThat(document).isNotNull();

        for (var session : List.of(applicantSession, WebSessions.signIn(mvc, Role.ADMISSIONS_OFFICER))) {
            mvc.perform(get("/documents/" + document.id()).cookie(session))
                    .andExpect(status().isOk())
                    .andExpect(header().string("Content-Disposition", containsString("attachment")))
                    .andExpect(header().string("X-Content-Type-Options", "nosniff"))
                    .andExpect(header().string("Content-Type", "application/pdf"))
                    .andExpect(content().bytes(PDF));
        }
        // Someone else in the organization without a staff role sees nothing, not even that it exists.
        mvc.perform(get("/documents/" + document.id()).cookie(WebSessions.signIn(mvc, Role.LEARNER)))
                .andExpect(status().isNotFound());
        // A refused upload through the portal keeps the page and says what to fix.
        mvc.perform(multipart("/apply/applications/" + mine.id() + "/files/transcript")
                        .file(new MockMultipartFile(
                                "file",
                                "evil.pdf",
                                "application/pdf",
                                "<html><script>alert(1)</script></html>".getBytes(StandardCharsets.UTF_8)))
                        .with(csrf())
                        .cookie(applicantSession))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("not PDF")));
    }

    @Test
    void staffAndIntegrationsUploadAndSubmitOnTheApplicantsBehalfOnceWithTheSameChecks() throws Exception {
        var org = org();
        var cycle = openCycle(Instant.now().plus(10, ChronoUnit.DAYS), true);
        var email = email();
        var app = applications.start(org, cycle.id(), null, "Bea Behalf", email, Source.STAFF);
        applications.saveAnswers(org, app.id(), Map.of("full_name", "Bea Behalf", "employed", "no"));
        var officer = token(Role.ADMISSIONS_OFFICER);
        var integrator = token(Role.INTEGRATOR);
        long before = documents();

        // Incomplete: the same checklist as the applicant's own submission.
        mvc.perform(post("/api/v1/applications/" + app.id() + "/submit").header("Authorization", officer))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"))
                .andExpect(jsonPath("$.errors[0].field", is("transcript")));
        // A program renamed .pdf, and a PDF past the question's 64 KB: refused as Problem Details, nothing stored.
        var exe = new byte[512];
        exe[0] = 'M';
        exe[1] = 'Z';
        mvc.perform(multipart("/api/v1/applications/" + app.id() + "/documents")
                        .file(new MockMultipartFile("file", "transcript.pdf", "application/pdf", exe))
                        .param("field", "transcript")
                        .header("Authorization", officer))
                .andExpect(status().isUnsupportedMediaType())
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"));
        var big = new byte[70 * 1024];
        System.arraycopy(PDF, 0, big, 0, PDF.length);
        mvc.perform(multipart("/api/v1/applications/" + app.id() + "/documents")
                        .file(new MockMultipartFile("file", "big.pdf", "application/pdf", big))
                        .param("field", "transcript")
                        .header("Authorization", officer))
                .andExpect(status().isPayloadTooLarge())
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"));
        mvc.perform(multipart("/api/v1/applications/" + app.id() + "/documents")
                        .file(new MockMultipartFile("file", "t.pdf", "application/pdf", PDF))
                        .param("field", "full_name")
                        .header("Authorization", officer))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field", is("field")));
        assertThat(documents()).isEqualTo(before);

        mvc.perform(multipart("/api/v1/applications/" + app.id() + "/documents")
                        .file(new MockMultipartFile("file", "transcript.pdf", "text/plain", PDF))
                        .param("field", "transcript")
                        .header("Authorization", integrator))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.contentType", is("application/pdf")))
                .andExpect(jsonPath(
                        "$.sha256",
                        is(java.util.HexFormat.of()
                                .formatHex(java.security.MessageDigest.getInstance("SHA-256")
                                        .digest(PDF)))));
        assertThat(documents()).isEqualTo(before + 1);

        for (int attempt = 0; attempt < 2; attempt++) {
            // The second call is a retry: the same answer, nothing recorded or emailed again.
            mvc.perform(post("/api/v1/applications/" + app.id() + "/submit").header("Authorization", integrator))
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.application.status", is("SUBMITTED")))
                    .andExpect(jsonPath(
                            "$.history[?(@.kind == 'SUBMITTED')].detail",
                            contains(containsString("on behalf of the applicant by Ivan Integrator"))));
        }
        assertThat(jdbc.sql("SELECT count(*) FROM email_outbox WHERE dedup_key = ?")
                        .param("admissions-application:" + app.id() + ":submitted")
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
        await().atMost(java.time.Duration.ofSeconds(10))
                .until(() ->
                        jdbc.sql("SELECT count(*) FROM audit_entry WHERE action = 'admissions.application.submitted'"
                                                + " AND subject_id = ?")
                                        .param(app.id().toString())
                                        .query(Long.class)
                                        .single()
                                == 1);
        Thread.sleep(300);
        assertThat(jdbc.sql("SELECT count(*) FROM audit_entry WHERE action = 'admissions.application.submitted'"
                                + " AND subject_id = ?")
                        .param(app.id().toString())
                        .query(Long.class)
                        .single())
                .isEqualTo(1);

        // Past the deadline: refused like the applicant's own submission.
        var late = applications.start(org, cycle.id(), null, "Lou Late", email(), Source.STAFF);
        jdbc.sql("UPDATE admission_cycle SET closes_at = ? WHERE id = ?")
                .params(java.time.OffsetDateTime.now(java.time.ZoneOffset.UTC).minusMinutes(5), cycle.id())
                .update();
        mvc.perform(post("/api/v1/applications/" + late.id() + "/submit").header("Authorization", officer))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.title", is("Deadline passed")));
        assertThat(applications.find(org, late.id()).status()).isEqualTo(ApplicationStatus.DRAFT);
    }

    @Test
    void applicationsStartedAtOnceGetDistinctNumbers() throws Exception {
        var org = org();
        var cycle = openCycle(Instant.now().plus(10, ChronoUnit.DAYS), false);
        var pool = java.util.concurrent.Executors.newFixedThreadPool(8);
        try {
            var go = new java.util.concurrent.CountDownLatch(1);
            var started = new java.util.ArrayList<java.util.concurrent.Future<String>>();
            for (int i = 0; i < 8; i++) {
                var name = "Rae Racer " + i;
                started.add(pool.submit(() -> {
                    go.await();
                    return applications
                            .start(org, cycle.id(), null, name, email(), Source.STAFF)
                            .number();
                }));
            }
            go.countDown();
            var numbers = new java.util.HashSet<String>();
            for (var f : started) {
                numbers.add(f.get(60, java.util.concurrent.TimeUnit.SECONDS));
            }
            assertThat(numbers).hasSize(8).allMatch(n -> n.matches("A\\d{6}"));
            assertThat(count(cycle)).isEqualTo(8);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void anApplicantSeesOnlyTheirOwnApplicationsAndNothingOfAnotherOrganization() throws Exception {
        var org = org();
        var session = WebSessions.signIn(mvc, Role.APPLICANT);
        var someoneElse = applications
                .page(org, "maya.okafor", null, null, null, PageQuery.of(0, 5, null, Applications.SORTABLE, false))
                .items()
                .get(0);
        mvc.perform(get("/api/v1/me/applications").header("Authorization", token(Role.APPLICANT)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(DemoData.email(Role.APPLICANT))))
                .andExpect(content().string(not(containsString("maya.okafor"))));
        mvc.perform(get("/api/v1/me/applications/" + someoneElse.id()).header("Authorization", token(Role.APPLICANT)))
                .andExpect(status().isNotFound());
        mvc.perform(get("/apply/applications/" + someoneElse.id()).cookie(session))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/applications").header("Authorization", token(Role.APPLICANT)))
                .andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/applications/" + someoneElse.id())
                        .header("Authorization", token(Role.ADMISSIONS_OFFICER)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.application.number", is(someoneElse.number())));

        var harbor = jdbc.sql("SELECT id FROM organization WHERE slug = 'harbor'")
                .query(UUID.class)
                .single();
        assertThatThrownBy(() -> applications.find(harbor, someoneElse.id())).isInstanceOf(ProblemException.class);
        assertThat(applications.ofPerson(harbor, person(Role.APPLICANT))).isEmpty();
    }

    @Test
    void aCsvImportReportsEveryBadRowAndImportsNothingUnlessAllAreGood() {
        var org = org();
        var cycle = openCycle(Instant.now().plus(10, ChronoUnit.DAYS), false);
        var existing = email();
        applications.start(org, cycle.id(), null, "Edda Existing", existing, Source.STAFF);
        var dup = email();
        var csv = "cycle,name,email,full_name,employed,employer\n"
                + cycle.name() + ",Good One," + email() + ",Good One,no,\n"
                + "No Such Cycle,Bad Cycle," + email() + ",Bad Cycle,no,\n"
                + cycle.name() + ",Bad Email,not-an-email,Bad Email,no,\n"
                + cycle.name() + ",Missing Employer," + email() + ",Missing Employer,yes,\n"
                + cycle.name() + ",First," + dup + ",First,no,\n"
                + cycle.name() + ",Second," + dup + ",Second,no,\n"
                + cycle.name() + ",Edda Existing," + existing + ",Edda,no,\n";
        long before = count(cycle);
        var check = imports.check(org, csv);
        assertThat(check.rows()).hasSize(7);
        assertThat(check.badRows()).isEqualTo(5);
        assertThat(check.rows().get(1).problems()).anyMatch(p -> p.contains("Unknown cycle"));
        assertThat(check.rows().get(2).problems()).anyMatch(p -> p.contains("not an email"));
        assertThat(check.rows().get(3).problems()).anyMatch(p -> p.contains("employer"));
        assertThat(check.rows().get(5).problems()).anyMatch(p -> p.contains("Duplicate of line 6"));
        assertThat(check.rows().get(6).problems()).anyMatch(p -> p.contains("already exists"));
        assertThatThrownBy(() -> imports.apply(org, "bad.csv", csv)).isInstanceOf(ProblemException.class);
        assertThat(count(cycle)).isEqualTo(before);
    }

    @Test
    void reImportingTheSameFileDoesNothingTheSecondTime() throws Exception {
        var org = org();
        var cycle = openCycle(Instant.now().plus(10, ChronoUnit.DAYS), false);
        var csv = "cycle,name,email,full_name,employed,employer\n"
                + cycle.id() + ",Ivy Import," + email() + ",Ivy Import,yes,Acme\n"
                + cycle.name() + ",Ike Import," + email() + ",Ike Import,no,\n";
        var result = imports.apply(org, "good.csv", csv);
        assertThat(result.imported()).isEqualTo(2);
        assertThat(count(cycle)).isEqualTo(2);
        var imported = applications
                .page(org, "Ivy Import", cycle.id(), null, null, PageQuery.of(0, 5, null, Applications.SORTABLE, false))
                .items()
                .get(0);
        assertThat(imported.status()).isEqualTo(ApplicationStatus.SUBMITTED);
        assertThat(imported.source()).isEqualTo(Source.IMPORT);
        var importedLearner = jdbc.sql("SELECT learner_id FROM application WHERE id = ?")
                .param(imported.id())
                .query(UUID.class)
                .single();
        assertThat(learners.find(org, importedLearner).orElseThrow().status()).isEqualTo(LearnerStatus.APPLICANT);

        var again = imports.apply(org, "good-again.csv", csv);
        assertThat(again.alreadyImported()).isTrue();
        assertThat(again.imported()).isZero();
        assertThat(count(cycle)).isEqualTo(2);

        // Through the pages: the preview then the import say it was done already.
        var session = WebSessions.signIn(mvc, Role.ADMISSIONS_OFFICER);
        mvc.perform(multipart("/manage/admissions/applications/import/preview")
                        .file(new MockMultipartFile(
                                "file", "good.csv", "text/csv", csv.getBytes(StandardCharsets.UTF_8)))
                        .with(csrf())
                        .cookie(session))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("importing it again does nothing")));
    }

    @Test
    void thePagesOfStaffAndApplicantRender() throws Exception {
        var org = org();
        var staff = WebSessions.signIn(mvc, Role.ADMISSIONS_OFFICER);
        var cycle = cycles.all(org).get(0);
        var any = applications
                .page(
                        org,
                        null,
                        null,
                        null,
                        ApplicationStatus.SUBMITTED,
                        PageQuery.of(0, 1, null, Applications.SORTABLE, false))
                .items()
                .get(0);
        for (var path : List.of(
                "/manage/admissions/cycles",
                "/manage/admissions/cycles/new",
                "/manage/admissions/cycles/" + cycle.id(),
                "/manage/admissions/cycles/" + cycle.id() + "/form",
                "/manage/admissions/applications",
                "/manage/admissions/applications?status=SUBMITTED&cycleId=" + cycle.id(),
                "/manage/admissions/applications/new",
                "/manage/admissions/applications/" + any.id(),
                "/manage/admissions/applications/import",
                "/manage/admissions/emails",
                "/")) {
            mvc.perform(get(path).cookie(staff)).andExpect(status().isOk());
        }
        var applicant = WebSessions.signIn(mvc, Role.APPLICANT);
        var mine = abbysDraft(org);
        mvc.perform(get("/apply").cookie(applicant))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("required items done")));
        mvc.perform(get("/apply/applications/" + mine.id()).cookie(applicant))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Checklist")))
                .andExpect(content().string(containsString("data-show-if=\"prior_degree\"")));
        mvc.perform(get("/").cookie(applicant))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Your applications")));
        // Saving a badly formed date keeps what was typed and marks the question.
        mvc.perform(post("/apply/applications/" + mine.id())
                        .with(csrf())
                        .cookie(applicant)
                        .param("a.date_of_birth", "yesterday")
                        .param("action", "save"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Enter a date as YYYY-MM-DD")))
                .andExpect(content().string(containsString("value=\"yesterday\"")));
        // The form builder refuses a broken definition with field-level errors.
        mvc.perform(post("/manage/admissions/cycles/" + cycle.id() + "/form")
                        .with(csrf())
                        .cookie(staff)
                        .param("fields[0].key", "Bad Key")
                        .param("fields[0].label", "")
                        .param("fields[0].type", "CHOICE")
                        .param("fields[0].options", "only one")
                        .param("action", "save"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Use lower-case letters")))
                .andExpect(content().string(containsString("A choice needs at least two options")));
    }

    @org.springframework.boot.test.web.server.LocalServerPort
    int port;

    @Test
    void anUploadPastTheServletLimitIsRefusedWithAProblemBeforeAControllerRuns() throws Exception {
        var org = org();
        var mine = abbysDraft(org);
        long before = documents();
        var boundary = "credo-boundary";
        var head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"huge.pdf\"\r\n"
                        + "Content-Type: application/pdf\r\n\r\n%PDF-")
                .getBytes(StandardCharsets.US_ASCII);
        long size = 51L * 1024 * 1024;
        // Streamed, never in memory: 51 MB of a "PDF", past the 50 MB multipart limit.
        var body = new java.io.SequenceInputStream(new ByteArrayInputStream(head), new InputStream() {
            long left = size;

            @Override
            public int read() {
                return left-- > 0 ? 'x' : -1;
            }

            @Override
            public int read(byte[] b, int off, int len) {
                if (left <= 0) {
                    return -1;
                }
                int n = (int) Math.min(len, left);
                java.util.Arrays.fill(b, off, off + n, (byte) 'x');
                left -= n;
                return n;
            }
        });
        var request = java.net.http.HttpRequest.newBuilder(URI.create(
                        "http://127.0.0.1:" + port + "/api/v1/me/applications/" + mine.id() + "/documents/transcript"))
                .header("Authorization", token(Role.APPLICANT))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(java.net.http.HttpRequest.BodyPublishers.ofInputStream(() -> body))
                .build();
        java.net.http.HttpResponse<String> response;
        var client = java.net.http.HttpClient.newHttpClient();
        response = client.send(request, java.net.http.HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.body()).contains("larger than 50 MB");
        assertThat(documents()).isEqualTo(before);
    }

    long documents() {
        return jdbc.sql("SELECT COUNT(*) FROM document").query(Long.class).single();
    }

    long count(Cycle cycle) {
        return jdbc.sql("SELECT COUNT(*) FROM application WHERE cycle_id = ?")
                .param(cycle.id())
                .query(Long.class)
                .single();
    }

    static InputStream in(byte[] bytes) {
        return new ByteArrayInputStream(bytes);
    }

    @Autowired
    org.credo.learners.record.LearnerContacts learnerContacts;

    @Autowired
    org.credo.learners.Learners learners;

    @Test
    void aSubmittedApplicationFindsThePersonRecordOfAProspectByEmailAndMakesThemAnApplicant() {
        var org = org();
        var email = email();
        var prospect = learnerContacts.create(
                org,
                new LearnerDetails("Priya", "Prospect", null, null, null, null, null, false),
                LearnerStatus.PROSPECT,
                null,
                email.toUpperCase(java.util.Locale.ROOT));
        var cycle = openCycle(Instant.now().plus(10, ChronoUnit.DAYS), false);
        var app = applications.start(org, cycle.id(), null, "Priya Prospect", email, Source.STAFF);
        applications.saveAnswers(org, app.id(), Map.of("full_name", "Priya Prospect", "employed", "no"));
        applications.submit(org, app.id(), Instant.now());

        var learnerId = jdbc.sql("SELECT learner_id FROM application WHERE id = ?")
                .param(app.id())
                .query(UUID.class)
                .single();
        assertThat(learnerId).isEqualTo(prospect.id());
        var record = learners.find(org, prospect.id()).orElseThrow();
        assertThat(record.status()).isEqualTo(LearnerStatus.APPLICANT);
        assertThat(learners.statusHistory(org, prospect.id()).get(0).reason()).contains(app.number());

        // A second applicant with a new address gets a record of their own, as an applicant.
        var other = applications.start(org, cycle.id(), null, "Omar Other", email(), Source.STAFF);
        applications.saveAnswers(org, other.id(), Map.of("full_name", "Omar Other", "employed", "no"));
        applications.submit(org, other.id(), Instant.now());
        var otherLearner = jdbc.sql("SELECT learner_id FROM application WHERE id = ?")
                .param(other.id())
                .query(UUID.class)
                .single();
        assertThat(otherLearner).isNotEqualTo(prospect.id());
        assertThat(learners.find(org, otherLearner).orElseThrow().status()).isEqualTo(LearnerStatus.APPLICANT);
    }
}
