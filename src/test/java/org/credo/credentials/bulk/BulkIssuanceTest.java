package org.credo.credentials.bulk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
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

import jakarta.json.Json;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;
import org.credo.CredoTest;
import org.credo.WebSessions;
import org.credo.audittrail.AuditTrail;
import org.credo.credentials.CredentialFixtures;
import org.credo.credentials.achievement.Achievement;
import org.credo.credentials.achievement.Achievements;
import org.credo.credentials.signing.DataIntegrity;
import org.credo.platform.Role;
import org.credo.platform.demo.DemoData;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import tools.jackson.databind.json.JsonMapper;

@CredoTest
class BulkIssuanceTest {

    static final String HEADER =
            "achievement,recipient_name,recipient_email,recipient_identifier,valid_until,evidence_url,result_name,result_value\n";

    @Autowired
    MockMvc mvc;

    @Autowired
    AuditTrail auditTrail;

    @Autowired
    JsonMapper json;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Achievements achievements;

    @Autowired
    DataIntegrity dataIntegrity;

    @Autowired
    BulkWorker worker;

    UUID org;
    Achievement achievement;
    String token;

    @BeforeEach
    void setUp() throws Exception {
        org = CredentialFixtures.northfield(jdbc);
        achievement = CredentialFixtures.publishedAchievement(achievements, org);
        var body = "{\"email\":\"" + DemoData.email(Role.REGISTRAR) + "\",\"password\":\"" + DemoData.PASSWORD
                + "\",\"name\":\"bulk test\"}";
        var response = mvc.perform(post("/api/v1/auth/tokens")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(body))
                .andExpect(status().isCreated())
                .andReturn()
                .getResponse()
                .getContentAsString();
        token = json.readTree(response).get("token").asString();
    }

    String goodFile(int rows) {
        var csv = new StringBuilder(HEADER);
        var tag = UUID.randomUUID().toString().substring(0, 8);
        for (int i = 0; i < rows; i++) {
            csv.append('"')
                    .append(achievement.content().name())
                    .append("\",Learner ")
                    .append(i)
                    .append(",learner")
                    .append(i)
                    .append('.')
                    .append(tag)
                    .append("@example.test,S-")
                    .append(i)
                    .append(",2030-06-30,https://example.org/work/")
                    .append(i)
                    .append(",Final grade,A\n");
        }
        return csv.toString();
    }

    /** The one-step upload (confirm=true): checked and, when valid, queued at once. */
    ResultActions upload(byte[] file, String suite, String idempotencyKey) throws Exception {
        return upload(file, suite, idempotencyKey, true);
    }

    ResultActions upload(byte[] file, String suite, String idempotencyKey, boolean confirm) throws Exception {
        var request = multipart("/api/v1/bulk-issuance")
                .file(new MockMultipartFile("file", "graduates.csv", "text/csv", file))
                .header("Authorization", "Bearer " + token);
        if (confirm) {
            request.param("confirm", "true");
        }
        if (suite != null) {
            request.param("cryptosuite", suite);
        }
        if (idempotencyKey != null) {
            request.header("Idempotency-Key", idempotencyKey);
        }
        return mvc.perform(request);
    }

    UUID jobId(ResultActions result) throws Exception {
        return UUID.fromString(json.readTree(result.andReturn().getResponse().getContentAsString())
                .get("id")
                .asString());
    }

    String jobStatus(UUID jobId) {
        return jdbc.sql("SELECT status FROM bulk_job WHERE id = ?")
                .param(jobId)
                .query(String.class)
                .single();
    }

    long issuedFor(UUID jobId) {
        return jdbc.sql("SELECT count(*) FROM issued_credential WHERE idempotency_key LIKE ?")
                .param(jobId + ":%")
                .query(Long.class)
                .single();
    }

    void awaitDone(UUID jobId) {
        await().atMost(Duration.ofSeconds(60)).until(() -> jobStatus(jobId).equals("DONE"));
    }

    @Test
    void goodFileIssuesEveryRowOnceAndReportsProgress() throws Exception {
        var result = upload(goodFile(7).getBytes(StandardCharsets.UTF_8), "eddsa-jcs-2022", null)
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.totalRows", is(7)))
                .andExpect(jsonPath("$.cryptosuite", is("eddsa-jcs-2022")));
        var jobId = jobId(result);
        awaitDone(jobId);
        assertThat(issuedFor(jobId)).isEqualTo(7);
        var rows = jdbc.sql("SELECT idempotency_key FROM issued_credential WHERE idempotency_key LIKE ?")
                .param(jobId + ":%")
                .query(String.class)
                .list();
        assertThat(rows)
                .containsExactlyInAnyOrder(
                        jobId + ":2",
                        jobId + ":3",
                        jobId + ":4",
                        jobId + ":5",
                        jobId + ":6",
                        jobId + ":7",
                        jobId + ":8");
        var document = jdbc.sql("SELECT document FROM issued_credential WHERE idempotency_key = ?")
                .param(jobId + ":2")
                .query(String.class)
                .single();
        var signed = Json.createReader(new StringReader(document)).readObject();
        assertThat(dataIntegrity.verify(signed).verified()).isTrue();
        mvc.perform(get("/api/v1/bulk-issuance/" + jobId).header("Authorization", "Bearer " + token))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status", is("DONE")))
                .andExpect(jsonPath("$.issuedCount", is(7)))
                .andExpect(jsonPath("$.percent", is(100)));
        mvc.perform(get("/api/v1/bulk-issuance/" + jobId + "/credentials").header("Authorization", "Bearer " + token))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.length()", is(7)));
        var audit = jdbc.sql("SELECT count(*) FROM audit_entry WHERE subject_id = ?")
                .param(jobId.toString())
                .query(Long.class);
        // confirmed, started, completed
        await().atMost(Duration.ofSeconds(10)).until(() -> audit.single() == 3);
    }

    @Test
    void fileWithErrorsReportsEveryOneByRowAndColumnAndIssuesNothing() throws Exception {
        var draft = achievements.draft(
                org, CredentialFixtures.publishedAchievement(achievements, org).content());
        var name = achievement.content().name();
        var csv = HEADER
                + "\"" + name + "\",Ann,ann@example.test,,,,,\n" // fine
                + "\"" + name + "\",,bob@example.test,,,,,\n" // 3: missing name
                + "\"" + name + "\",Cy,not-an-email,,,,,\n" // 4: bad email
                + "No Such Achievement,Di,di@example.test,,,,,\n" // 5: unknown achievement
                + draft.id() + ",Ed,ed@example.test,,,,,\n" // 6: unpublished
                + "\"" + name + "\",Ann Again,ANN@example.test,,,,,\n" // 7: duplicate of row 2
                + "\"" + name + "\",Fay,fay@example.test,,,\n" // 8: wrong column count
                + "\"" + name + "\",Gus,gus@example.test,,2024-13-45,,,\n" // 9: bad date
                + "\"" + name + "\",Hal,hal@example.test,,2020-01-01,,,\n" // 10: valid_until in the past
                + "\"" + name + "\",Ivy,ivy@example.test,,,,Final grade,\n"; // 11: result without value
        var result = upload(csv.getBytes(StandardCharsets.UTF_8), null, null)
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.status", is("REJECTED")))
                .andExpect(jsonPath("$.errorCount", is(9)));
        var jobId = jobId(result);
        var body = json.readTree(result.andReturn().getResponse().getContentAsString());
        var found = new java.util.ArrayList<String>();
        body.get("errors")
                .forEach(e ->
                        found.add(e.get("row").asInt() + ":" + e.get("column").asString()));
        assertThat(found)
                .containsExactly(
                        "3:recipient_name",
                        "4:recipient_email",
                        "5:achievement",
                        "6:achievement",
                        "7:recipient_email",
                        "8:",
                        "9:valid_until",
                        "10:valid_until",
                        "11:result_value");
        Thread.sleep(1500);
        assertThat(issuedFor(jobId)).isZero();
        assertThat(jobStatus(jobId)).isEqualTo("REJECTED");
    }

    @Test
    void sameFileTwiceIsOneJob() throws Exception {
        var file = goodFile(3).getBytes(StandardCharsets.UTF_8);
        var first = jobId(upload(file, null, null).andExpect(status().isCreated()));
        var second = jobId(upload(file, null, null).andExpect(status().isOk()));
        assertThat(second).isEqualTo(first);
        awaitDone(first);
        assertThat(issuedFor(first)).isEqualTo(3);
        var jobs = jdbc.sql("SELECT count(*) FROM bulk_job WHERE file_sha256 = ?")
                .param(BulkIssuance.sha256(file))
                .query(Long.class)
                .single();
        assertThat(jobs).isEqualTo(1);
    }

    @Test
    void retryWithTheSameIdempotencyKeyReturnsTheSameJob() throws Exception {
        var key = "retry-" + UUID.randomUUID();
        var file = goodFile(2).getBytes(StandardCharsets.UTF_8);
        var first = jobId(upload(file, null, key).andExpect(status().isCreated()));
        var second = jobId(upload(file, null, key).andExpect(status().isOk()));
        assertThat(second).isEqualTo(first);
        upload(goodFile(2).getBytes(StandardCharsets.UTF_8), null, key)
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.title", is("Idempotency-Key reused")));
        awaitDone(first);
        assertThat(issuedFor(first)).isEqualTo(2);
    }

    @Test
    void interruptedJobResumesWithoutDuplicatesOrGaps() throws Exception {
        worker.pause();
        UUID jobId;
        try {
            Thread.sleep(1200); // let a scheduled run that is already going finish its chunk
            jdbc.sql("UPDATE bulk_job SET status = 'DONE' WHERE status IN ('QUEUED', 'RUNNING')")
                    .update();
            jobId = jobId(upload(goodFile(1203).getBytes(StandardCharsets.UTF_8), "eddsa-jcs-2022", null)
                    .andExpect(status().isCreated()));
            assertThat(worker.processNextChunk()).isTrue();
            assertThat(issuedFor(jobId)).isEqualTo(500);
            // A crash after the first chunk's credentials committed but before it was marked done:
            jdbc.sql("UPDATE bulk_job_chunk SET status = 'PENDING' WHERE job_id = ?")
                    .param(jobId)
                    .update();
            jdbc.sql("UPDATE bulk_job SET status = 'QUEUED', issued_count = 0 WHERE id = ?")
                    .param(jobId)
                    .update();
        } finally {
            worker.resume();
        }
        awaitDone(jobId);
        var keys = jdbc.sql("SELECT idempotency_key FROM issued_credential WHERE idempotency_key LIKE ?")
                .param(jobId + ":%")
                .query(String.class)
                .list();
        assertThat(keys).hasSize(1203).doesNotHaveDuplicates();
        for (int row = 2; row <= 1204; row++) {
            assertThat(keys).contains(jobId + ":" + row);
        }
        mvc.perform(get("/api/v1/bulk-issuance/" + jobId).header("Authorization", "Bearer " + token))
                .andExpect(jsonPath("$.issuedCount", is(1203)));
        // Chunks are recorded as batches, still one audit entry, one claim link and one email per credential,
        // also for the chunk that was issued again after the simulated crash.
        var perCredential = """
                SELECT count(*) FROM issued_credential c WHERE c.idempotency_key LIKE ?
                  AND (SELECT count(*) FROM %s WHERE %s) = 1""";
        var issuedIds = jdbc.sql("SELECT CAST(id AS varchar(36)) FROM issued_credential WHERE idempotency_key LIKE ?")
                .param(jobId + ":%")
                .query(String.class)
                .list();
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(jdbc
                                .sql("SELECT subject_id FROM audit_entry WHERE action = 'credential.issued'")
                                .query(String.class)
                                .list()
                                .stream()
                                .filter(new java.util.HashSet<>(issuedIds)::contains))
                        .hasSize(1203)
                        .doesNotHaveDuplicates());
        assertThat(jdbc.sql(perCredential.formatted("credential_claim k", "k.credential_id = c.id"))
                        .param(jobId + ":%")
                        .query(Long.class)
                        .single())
                .isEqualTo(1203);
        assertThat(jdbc.sql(perCredential.formatted(
                                "email_outbox m",
                                "m.dedup_key = CONCAT('credential-claim:', CAST(c.id AS varchar(36)))"))
                        .param(jobId + ":%")
                        .query(Long.class)
                        .single())
                .isEqualTo(1203);
        assertThat(auditTrail.verify(org).intact()).isTrue();
    }

    @Test
    void formulaCellsAreEscapedInTheErrorReport() throws Exception {
        var csv = "achievement,recipient_name,recipient_email,=HYPERLINK(\"http://evil\")\n"
                + "=cmd|' /C calc'!A0,+Name,@mail,-1\n"
                // A file already uploaded is the same job: keep this one new on a database that outlives the run.
                + ",Run " + UUID.randomUUID() + ",,\n";
        var jobId =
                jobId(upload(csv.getBytes(StandardCharsets.UTF_8), null, null).andExpect(status().isCreated()));
        var report = mvc.perform(get("/api/v1/bulk-issuance/" + jobId + "/errors.csv")
                        .header("Authorization", "Bearer " + token))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Disposition", containsString("attachment")))
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(report).startsWith("row,column,message\r\n");
        assertThat(report).contains("\"'=HYPERLINK(\"\"http://evil\"\")\"");
        for (var line : report.split("\r\n")) {
            for (var cell : line.split(",")) {
                var bare = cell.startsWith("\"") ? cell.substring(1) : cell;
                assertThat(bare)
                        .as(line)
                        .doesNotStartWith("=")
                        .doesNotStartWith("+")
                        .doesNotStartWith("@");
                assertThat(bare).as(line).doesNotStartWith("-");
            }
        }
        // Formula-like cells in the rows are data: reported in messages, never run.
        var formulas = "achievement,recipient_name,recipient_email\n\""
                + achievement.content().name() + "\",=1+2,=1+2\n";
        var second = jobId(upload(formulas.getBytes(StandardCharsets.UTF_8), null, null));
        var secondReport = mvc.perform(get("/api/v1/bulk-issuance/" + second + "/errors.csv")
                        .header("Authorization", "Bearer " + token))
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(secondReport).contains("'=1+2' is not an email");
    }

    @Test
    void nonUtf8BytesAreRejectedWithAClearMessage() throws Exception {
        var latin1 = ("achievement,recipient_name,recipient_email\n\""
                        + achievement.content().name() + "\",Zoë Müller,zoe@example.test\n")
                .getBytes(StandardCharsets.ISO_8859_1);
        upload(latin1, null, null)
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.status", is("REJECTED")))
                .andExpect(jsonPath("$.errors[0].row", is(2)))
                .andExpect(jsonPath("$.errors[0].message", containsString("not UTF-8")))
                .andExpect(jsonPath("$.errors[0].message", containsString("CSV UTF-8")));
    }

    @Test
    void byteOrderMarkIsAccepted() throws Exception {
        var text = goodFile(1).getBytes(StandardCharsets.UTF_8);
        var withBom = new byte[text.length + 3];
        withBom[0] = (byte) 0xEF;
        withBom[1] = (byte) 0xBB;
        withBom[2] = (byte) 0xBF;
        System.arraycopy(text, 0, withBom, 3, text.length);
        var jobId = jobId(upload(withBom, null, null).andExpect(jsonPath("$.status", not(is("REJECTED")))));
        awaitDone(jobId);
        assertThat(issuedFor(jobId)).isEqualTo(1);
    }

    @Test
    void jobPageShowsProgressAndPollsWhileRunning() throws Exception {
        var session = WebSessions.signIn(mvc, Role.REGISTRAR);
        mvc.perform(get("/manage/bulk").cookie(session))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("type=\"file\"")));
        var upload = mvc.perform(multipart("/manage/bulk")
                        .file(new MockMultipartFile(
                                "file", "ui.csv", "text/csv", goodFile(2).getBytes(StandardCharsets.UTF_8)))
                        .param("cryptosuite", "eddsa-rdfc-2022")
                        .cookie(session)
                        .with(csrf()))
                .andExpect(status().is3xxRedirection())
                .andReturn();
        var location = upload.getResponse().getRedirectedUrl();
        assertThat(location).startsWith("/manage/bulk/");
        var jobId = UUID.fromString(location.substring("/manage/bulk/".length()));
        mvc.perform(post(location + "/confirm").cookie(session).with(csrf())).andExpect(status().is3xxRedirection());
        mvc.perform(get(location).cookie(session))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("<html")))
                .andExpect(content().string(containsString("progress-bar")));
        awaitDone(jobId);
        mvc.perform(get(location).cookie(session).header("HX-Request", "true"))
                .andExpect(status().isOk())
                .andExpect(content().string(not(containsString("<html"))))
                .andExpect(content().string(containsString("2 of 2 issued")))
                .andExpect(content().string(containsString("width: 100%")))
                .andExpect(content().string(not(containsString("hx-trigger"))))
                .andExpect(content().string(containsString("/manage/bulk/" + jobId + "/credentials/")));
    }

    @Test
    void runningJobFragmentPollsEverySecond() throws Exception {
        var session = WebSessions.signIn(mvc, Role.REGISTRAR);
        worker.pause();
        try {
            var jobId = jobId(upload(goodFile(2).getBytes(StandardCharsets.UTF_8), null, null));
            mvc.perform(get("/manage/bulk/" + jobId).cookie(session).header("HX-Request", "true"))
                    .andExpect(status().isOk())
                    .andExpect(content().string(containsString("hx-trigger=\"every 1s\"")))
                    .andExpect(content().string(containsString("0 of 2 issued")));
        } finally {
            worker.resume();
        }
    }

    @Test
    void previewShowsCountsAndEveryBadRowAndIssuesNothing() throws Exception {
        var name = achievement.content().name();
        var tag = UUID.randomUUID().toString().substring(0, 8);
        var csv = HEADER
                + "\"" + name + "\",Ann " + tag + ",ann." + tag + "@example.test,,2031-01-31,,,\n"
                + "\"" + name + "\",,bob@example.test,,,,,\n" // 3: missing name
                + "\"" + name + "\",Cy,not-an-email,,,,,\n" // 4: bad email
                + "\"" + name + "\",Di,di." + tag + "@example.test,,,,,\n";
        var result = upload(csv.getBytes(StandardCharsets.UTF_8), null, null, false)
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.status", is("REJECTED")))
                .andExpect(jsonPath("$.totalRows", is(4)))
                .andExpect(jsonPath("$.validRows", is(2)))
                .andExpect(jsonPath("$.invalidRows", is(2)))
                .andExpect(jsonPath("$.errors[0].row", is(3)))
                .andExpect(jsonPath("$.errors[0].column", is("recipient_name")))
                .andExpect(jsonPath("$.errors[1].row", is(4)))
                .andExpect(jsonPath("$.errors[1].column", is("recipient_email")));
        var rejected = jobId(result);
        mvc.perform(post("/api/v1/bulk-issuance/" + rejected + "/confirm").header("Authorization", "Bearer " + token))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.title", is("Cannot confirm")));

        var good = goodFile(3);
        var preview = upload(good.getBytes(StandardCharsets.UTF_8), null, null, false)
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.status", is("PREVIEW")))
                .andExpect(jsonPath("$.validRows", is(3)))
                .andExpect(jsonPath("$.invalidRows", is(0)))
                .andExpect(jsonPath("$.preview.length()", is(3)))
                .andExpect(jsonPath("$.preview[0].row", is(2)))
                .andExpect(jsonPath("$.preview[0].recipientName", is("Learner 0")))
                .andExpect(jsonPath("$.preview[0].achievementName", is(name)))
                .andExpect(jsonPath("$.preview[0].validUntil", is("2030-06-30T00:00:00Z")))
                .andExpect(jsonPath("$.links.confirm", containsString("/confirm")));
        var jobId = jobId(preview);
        var session = WebSessions.signIn(mvc, Role.REGISTRAR);
        mvc.perform(get("/manage/bulk/" + jobId).cookie(session))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"count-valid\">3<")))
                .andExpect(content().string(containsString("Learner 2")))
                .andExpect(content().string(containsString("<td>2030-06-")))
                .andExpect(content().string(containsString("Confirm and issue 3 credentials")))
                .andExpect(content().string(not(containsString("hx-trigger"))));
        mvc.perform(get("/manage/bulk/" + rejected).cookie(session))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"count-invalid\">2<")))
                .andExpect(content().string(containsString("is not an email")))
                .andExpect(content().string(not(containsString("Confirm and issue"))));
        Thread.sleep(1500); // the worker polls every second: a preview must not be picked up
        assertThat(issuedFor(jobId)).isZero();
        assertThat(issuedFor(rejected)).isZero();
        assertThat(jobStatus(jobId)).isEqualTo("PREVIEW");
    }

    @Test
    void confirmIssuesOnceEvenWhenPostedTwice() throws Exception {
        var jobId = jobId(upload(goodFile(4).getBytes(StandardCharsets.UTF_8), null, null, false)
                .andExpect(jsonPath("$.status", is("PREVIEW"))));
        // Two confirmations racing (a double click, a retry): one wins, the other is told so.
        var pool = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            var statuses = pool
                    .invokeAll(java.util.List.<java.util.concurrent.Callable<Integer>>of(
                            () -> confirmStatus(jobId), () -> confirmStatus(jobId)))
                    .stream()
                    .map(f -> {
                        try {
                            return f.get();
                        } catch (Exception e) {
                            throw new IllegalStateException(e);
                        }
                    })
                    .toList();
            assertThat(statuses).containsExactlyInAnyOrder(200, 409);
        } finally {
            pool.shutdown();
        }
        awaitDone(jobId);
        mvc.perform(post("/api/v1/bulk-issuance/" + jobId + "/confirm").header("Authorization", "Bearer " + token))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.title", is("Already confirmed")));
        var session = WebSessions.signIn(mvc, Role.REGISTRAR);
        mvc.perform(post("/manage/bulk/" + jobId + "/confirm").cookie(session).with(csrf()))
                .andExpect(status().is3xxRedirection())
                .andExpect(flash().attribute("flash", containsString("confirmed already")));
        Thread.sleep(1200);
        assertThat(issuedFor(jobId)).isEqualTo(4);
        var confirmations = jdbc.sql("SELECT count(*) FROM audit_entry WHERE subject_id = ? AND action = ?")
                .params(jobId.toString(), "bulk_issuance.confirmed")
                .query(Long.class);
        await().atMost(Duration.ofSeconds(10)).until(() -> confirmations.single() == 1);
    }

    int confirmStatus(UUID jobId) throws Exception {
        return mvc.perform(
                        post("/api/v1/bulk-issuance/" + jobId + "/confirm").header("Authorization", "Bearer " + token))
                .andReturn()
                .getResponse()
                .getStatus();
    }

    @Test
    void expiredPreviewSaysSoAndTheFileCanBeUploadedAgain() throws Exception {
        var file = goodFile(2).getBytes(StandardCharsets.UTF_8);
        var jobId = jobId(upload(file, null, null, false));
        jdbc.sql("UPDATE bulk_job SET preview_expires_at = ? WHERE id = ?")
                .params(java.sql.Timestamp.from(java.time.Instant.now().minusSeconds(60)), jobId)
                .update();
        mvc.perform(post("/api/v1/bulk-issuance/" + jobId + "/confirm").header("Authorization", "Bearer " + token))
                .andExpect(status().isGone())
                .andExpect(jsonPath("$.title", is("Preview expired")));
        var session = WebSessions.signIn(mvc, Role.REGISTRAR);
        mvc.perform(get("/manage/bulk/" + jobId).cookie(session))
                .andExpect(content().string(containsString("expired without being confirmed")))
                .andExpect(content().string(not(containsString("Confirm and issue"))));
        assertThat(issuedFor(jobId)).isZero();
        var again = jobId(upload(file, null, null, false)
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.status", is("PREVIEW"))));
        assertThat(again).isNotEqualTo(jobId);
    }

    @Test
    void theCryptosuiteWaitsFoldedUnderAdvancedWithTheDefaultChosen() throws Exception {
        var session = WebSessions.signIn(mvc, Role.REGISTRAR);
        var page = Jsoup.parse(mvc.perform(get("/manage/bulk").cookie(session))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString());
        var advanced = page.getElementById("advanced");
        assertThat(advanced).isNotNull();
        assertThat(advanced.tagName()).isEqualTo("details");
        assertThat(advanced.hasAttr("open")).isFalse();
        assertThat(advanced.selectFirst("select#cryptosuite option[selected]").val())
                .isEqualTo("eddsa-rdfc-2022");
        assertThat(advanced.text()).contains("Keep the default");
    }

    @Test
    void sampleFileHasEveryColumnAndPassesTheChecks() throws Exception {
        var session = WebSessions.signIn(mvc, Role.REGISTRAR);
        mvc.perform(get("/manage/bulk").cookie(session))
                .andExpect(content().string(containsString("/manage/bulk/sample.csv")));
        var sample = mvc.perform(get("/manage/bulk/sample.csv").cookie(session))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Disposition", containsString("attachment")))
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        for (var column : BulkFile.REQUIRED) {
            assertThat(sample.lines().findFirst().orElseThrow()).contains(column);
        }
        for (var column : BulkFile.OPTIONAL) {
            assertThat(sample.lines().findFirst().orElseThrow()).contains(column);
        }
        // Made unique so that a database that outlives the run sees a new file.
        var unique = sample.replace("ada@example.org", "ada." + UUID.randomUUID() + "@example.org");
        upload(unique.getBytes(StandardCharsets.UTF_8), null, null, false)
                .andExpect(jsonPath("$.status", is("PREVIEW")))
                .andExpect(jsonPath("$.validRows", is(2)));
    }

    @Test
    void otherRolesCannotUpload() throws Exception {
        var session = WebSessions.signIn(mvc, Role.INSTRUCTOR);
        mvc.perform(get("/manage/bulk").cookie(session)).andExpect(status().isForbidden());
    }
}
