package org.credo.scheduling.timetabling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import jakarta.servlet.http.Cookie;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.credo.CredoTest;
import org.credo.WebSessions;
import org.credo.catalog.CatalogFixtures;
import org.credo.platform.Role;
import org.credo.platform.demo.DemoData;
import org.credo.platform.people.Accounts;
import org.credo.platform.tokens.ApiTokenRequest;
import org.credo.platform.tokens.ApiTokenService;
import org.credo.scheduling.timetabling.model.CttParser;
import org.credo.scheduling.timetabling.model.CttWriter;
import org.credo.scheduling.timetabling.model.InstanceGenerator;
import org.credo.scheduling.timetabling.model.ItcScorer;
import org.credo.scheduling.timetabling.model.SolutionFormat;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder;
import tools.jackson.databind.json.JsonMapper;

/**
 * The registrar's timetabling: upload an instance, watch the run, stop it, read the score explanation and download a
 * timetable the ITC scorer agrees with; the REST twin with Problem Details for a malformed file and for a second run
 * of the organization; both audited.
 */
@CredoTest
class TimetablingRunsTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    JsonMapper json;

    @Autowired
    ApiTokenService tokens;

    @Autowired
    Accounts accounts;

    UUID northfield;
    String bearer;

    /** A term large enough that the solver is still improving after a few seconds. */
    static final String TERM =
            CttWriter.write(InstanceGenerator.generate(new InstanceGenerator.Settings(120, 20, 30, 30, 5, 6, 5)));

    @BeforeEach
    void setUp() {
        northfield = new CatalogFixtures(jdbc).northfield();
        bearer = "Bearer "
                + tokens.create(
                                accounts.loadUserByUsername(DemoData.email(Role.REGISTRAR)),
                                new ApiTokenRequest("timetabling", null, 1))
                        .token();
    }

    @AfterEach
    void noRunLeftSolving() throws Exception {
        for (var id : jdbc.sql("SELECT id FROM timetabling_run WHERE organization_id = ? AND status = 'RUNNING'")
                .param(northfield)
                .query(UUID.class)
                .list()) {
            mvc.perform(post("/api/v1/timetabling-runs/" + id + "/stop").header("Authorization", bearer));
        }
        await().atMost(Duration.ofSeconds(20)).until(() -> runs("RUNNING") == 0);
    }

    @Test
    void registrarUploadsWatchesStopsAndDownloadsATimetable() throws Exception {
        var registrar = WebSessions.signIn(mvc, Role.REGISTRAR);
        var page = mvc.perform(get("/manage/scheduling/timetabling").cookie(registrar))
                .andReturn()
                .getResponse();
        assertThat(page.getStatus()).isEqualTo(200);
        assertThat(page.getContentAsString()).contains("Solve an instance");

        var started = mvc.perform(multipart("/manage/scheduling/timetabling/runs")
                        .file(new MockMultipartFile(
                                "file", "term.ctt", "text/plain", TERM.getBytes(StandardCharsets.UTF_8)))
                        .param("timeLimitSeconds", "60")
                        .cookie(registrar)
                        .with(csrf()))
                .andReturn()
                .getResponse();
        assertThat(started.getRedirectedUrl()).startsWith("/manage/scheduling/timetabling/runs/");
        var runPage = started.getRedirectedUrl();
        var id = runPage.substring(runPage.lastIndexOf('/') + 1);

        // the progress fragment, as htmx polls it, shows the best score once the solver has a timetable
        await().atMost(Duration.ofSeconds(20)).until(() -> {
            var fragment = Jsoup.parse(html(get(runPage).header("HX-Request", "true"), registrar));
            return fragment.getElementById("best-soft") != null
                    && !fragment.getElementById("best-soft").text().equals("—");
        });
        var live = Jsoup.parse(html(get(runPage).header("HX-Request", "true"), registrar));
        assertThat(live.getElementById("run-live").attr("hx-trigger")).isEqualTo("every 1s");
        assertThat(live.getElementById("run-status").text()).isEqualTo("Running");
        assertThat(live.getElementById("stop-run")).isNotNull();
        assertThat(live.select("html")).as("a fragment, not the whole page").hasSize(1);

        var stopped = mvc.perform(post(runPage + "/stop").cookie(registrar).with(csrf()))
                .andReturn()
                .getResponse();
        assertThat(stopped.getRedirectedUrl()).isEqualTo(runPage);
        await().atMost(Duration.ofSeconds(15)).until(() -> runs("RUNNING") == 0);

        var done = Jsoup.parse(html(get(runPage), registrar));
        assertThat(done.getElementById("run-status").text()).isEqualTo("Stopped");
        assertThat(done.getElementById("run-live").hasAttr("hx-trigger")).isFalse();
        assertThat(done.select("#constraints tbody tr[data-constraint]"))
                .extracting(tr -> tr.attr("data-constraint"))
                .contains(
                        "Room capacity",
                        "Minimum working days",
                        "Curriculum compactness",
                        "Room stability",
                        "Teacher clash");
        int hard = Integer.parseInt(done.getElementById("best-hard").text());
        int soft = Integer.parseInt(done.getElementById("best-soft").text());
        assertThat(done.select("#constraints tfoot td").text()).isEqualTo(hard + " hard · " + soft + " soft");

        var download = mvc.perform(get(runPage + "/solution").cookie(registrar))
                .andReturn()
                .getResponse();
        assertThat(download.getHeader("Content-Disposition"))
                .contains("attachment")
                .contains(".sol");
        var instance = CttParser.parse(TERM);
        var assignments = SolutionFormat.read(download.getContentAsString(StandardCharsets.UTF_8), instance);
        assertThat(assignments).hasSize(instance.lectureCount());
        var itc = ItcScorer.score(instance, assignments);
        assertThat(itc.hard()).isEqualTo(hard);
        assertThat(itc.soft()).isEqualTo(soft);

        var list = Jsoup.parse(html(get("/manage/scheduling/timetabling"), registrar));
        assertThat(list.select("#runs a[href$=" + id + "]")).isNotEmpty();
        await().atMost(Duration.ofSeconds(10))
                .until(() ->
                        audited(id, "timetabling.run.started") == 1 && audited(id, "timetabling.run.finished") == 1);
        assertThat(jdbc.sql("SELECT actor_name FROM audit_entry WHERE subject_id = ? AND action = ?")
                        .params(id, "timetabling.run.finished")
                        .query(String.class)
                        .single())
                .isEqualTo(jdbc.sql("SELECT stopped_by FROM timetabling_run WHERE id = ?")
                        .param(UUID.fromString(id))
                        .query(String.class)
                        .single());
    }

    @Test
    void aMalformedPastedFileIsNamedByLineAndTheFormKeepsWhatWasTyped() throws Exception {
        var registrar = WebSessions.signIn(mvc, Role.REGISTRAR);
        var before = runs(null);
        var bad = TERM.replace("Days: 5", "Days: five");

        var page = Jsoup.parse(html(
                multipart("/manage/scheduling/timetabling/runs")
                        .param("ctt", bad)
                        .param("pinned", "c0001 r000 0 0")
                        .param("timeLimitSeconds", "17")
                        .with(csrf()),
                registrar));

        assertThat(page.getElementById("error-summary").text()).contains("Line 4: 'Days' must be a whole number");
        assertThat(page.getElementById("file").hasClass("is-invalid")).isTrue();
        assertThat(page.getElementById("ctt").text()).contains("Days: five");
        assertThat(page.getElementById("pinned").text()).isEqualTo("c0001 r000 0 0");
        assertThat(page.getElementById("timeLimitSeconds").val()).isEqualTo("17");
        assertThat(runs(null)).isEqualTo(before);

        var generator = Jsoup.parse(html(
                post("/manage/scheduling/timetabling/generated-runs")
                        .param("courses", "many")
                        .param("rooms", "5")
                        .param("teachers", "4")
                        .param("curricula", "3")
                        .param("days", "5")
                        .param("periodsPerDay", "6")
                        .param("seed", "9")
                        .param("timeLimitSeconds", "5")
                        .with(csrf()),
                registrar));
        assertThat(generator.getElementById("courses").hasClass("is-invalid")).isTrue();
        assertThat(generator.getElementById("courses").val()).isEqualTo("many");
        assertThat(generator.getElementById("rooms").val()).isEqualTo("5");
        assertThat(runs(null)).isEqualTo(before);
    }

    @Test
    void theApiStartsListsAndExplainsARunAndRefusesASecondOneOfTheOrganization() throws Exception {
        var created = mvc.perform(post("/api/v1/timetabling-runs")
                        .header("Authorization", bearer)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(json.writeValueAsString(Map.of("ctt", TERM, "timeLimitSeconds", 60))))
                .andReturn()
                .getResponse();
        assertThat(created.getStatus()).isEqualTo(201);
        var run = json.readTree(created.getContentAsString());
        var id = run.get("id").asString();
        assertThat(created.getHeader("Location")).isEqualTo("/api/v1/timetabling-runs/" + id);
        assertThat(run.get("status").asString()).isEqualTo("RUNNING");

        var second = mvc.perform(post("/api/v1/timetabling-runs")
                        .header("Authorization", bearer)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(json.writeValueAsString(Map.of("ctt", TERM, "timeLimitSeconds", 5))))
                .andReturn()
                .getResponse();
        assertThat(second.getStatus()).isEqualTo(409);
        assertThat(second.getContentType()).startsWith("application/problem+json");
        assertThat(json.readTree(second.getContentAsString()).get("title").asString())
                .isEqualTo("A run is already solving");

        var refused = Jsoup.parse(html(
                post("/manage/scheduling/timetabling/generated-runs")
                        .param("courses", "20")
                        .param("rooms", "5")
                        .param("teachers", "6")
                        .param("curricula", "4")
                        .param("days", "5")
                        .param("periodsPerDay", "6")
                        .param("seed", "3")
                        .param("timeLimitSeconds", "5")
                        .with(csrf()),
                WebSessions.signIn(mvc, Role.REGISTRAR)));
        assertThat(refused.getElementById("error-summary").text()).contains("already has a timetabling run solving");
        assertThat(refused.getElementById("courses").val()).isEqualTo("20");

        var page =
                json.readTree(mvc.perform(get("/api/v1/timetabling-runs?size=5").header("Authorization", bearer))
                        .andReturn()
                        .getResponse()
                        .getContentAsString());
        assertThat(page.get("items").get(0).get("id").asString()).isEqualTo(id);
        assertThat(page.get("page").asInt()).isZero();
        assertThat(page.get("size").asInt()).isEqualTo(5);
        assertThat(page.get("totalItems").asLong()).isPositive();
        assertThat(page.get("sort").asString()).isEqualTo("started,desc");
        assertThat(page.has("totalPages")).isTrue();

        await().atMost(Duration.ofSeconds(20))
                .until(() -> json.readTree(mvc.perform(
                                        get("/api/v1/timetabling-runs/" + id).header("Authorization", bearer))
                                .andReturn()
                                .getResponse()
                                .getContentAsString())
                        .get("hasSolution")
                        .asBoolean());
        var stop = mvc.perform(post("/api/v1/timetabling-runs/" + id + "/stop").header("Authorization", bearer))
                .andReturn()
                .getResponse();
        assertThat(stop.getStatus()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(15)).until(() -> runs("RUNNING") == 0);
        var again = mvc.perform(post("/api/v1/timetabling-runs/" + id + "/stop").header("Authorization", bearer))
                .andReturn()
                .getResponse();
        assertThat(again.getStatus()).isEqualTo(409);

        var finished =
                json.readTree(mvc.perform(get("/api/v1/timetabling-runs/" + id).header("Authorization", bearer))
                        .andReturn()
                        .getResponse()
                        .getContentAsString());
        assertThat(finished.get("status").asString()).isEqualTo("STOPPED");
        assertThat(finished.get("history")).isNotEmpty();
        var explanation = json.readTree(mvc.perform(
                        get("/api/v1/timetabling-runs/" + id + "/explanation").header("Authorization", bearer))
                .andReturn()
                .getResponse()
                .getContentAsString());
        assertThat(explanation.get("soft").asInt())
                .isEqualTo(finished.get("soft").asInt());
        assertThat(explanation.get("constraints")).hasSize(9);
        var solution = mvc.perform(
                        get("/api/v1/timetabling-runs/" + id + "/solution").header("Authorization", bearer))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(solution.lines()).hasSize(CttParser.parse(TERM).lectureCount());
    }

    @Test
    void theApiAnswersAMalformedFileWithProblemDetailsNamingTheLineAndChangesNothing() throws Exception {
        var before = runs(null);
        var bad = TERM.replace("c0003 ", "c0003 t999 x ");

        var answer = mvc.perform(post("/api/v1/timetabling-runs")
                        .header("Authorization", bearer)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(json.writeValueAsString(Map.of("ctt", bad, "timeLimitSeconds", 5))))
                .andReturn()
                .getResponse();

        assertThat(answer.getStatus()).isEqualTo(400);
        assertThat(answer.getContentType()).startsWith("application/problem+json");
        var problem = json.readTree(answer.getContentAsString());
        assertThat(problem.get("title").asString()).isEqualTo("Malformed .ctt file");
        assertThat(problem.get("detail").asString()).startsWith("Line 13: a course line is");
        assertThat(problem.get("line").asInt()).isEqualTo(13);
        assertThat(runs(null)).isEqualTo(before);

        var otherOrganization = mvc.perform(
                        get("/api/v1/timetabling-runs/" + UUID.randomUUID()).header("Authorization", bearer))
                .andReturn()
                .getResponse();
        assertThat(otherOrganization.getStatus()).isEqualTo(404);
    }

    private String html(AbstractMockHttpServletRequestBuilder<?> request, Cookie session) throws Exception {
        return mvc.perform(request.cookie(session))
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
    }

    private long runs(String status) {
        return status == null
                ? jdbc.sql("SELECT COUNT(*) FROM timetabling_run WHERE organization_id = ?")
                        .param(northfield)
                        .query(Long.class)
                        .single()
                : jdbc.sql("SELECT COUNT(*) FROM timetabling_run WHERE organization_id = ? AND status = ?")
                        .params(northfield, status)
                        .query(Long.class)
                        .single();
    }

    private long audited(String id, String action) {
        return jdbc.sql("SELECT COUNT(*) FROM audit_entry WHERE subject_id = ? AND action = ?")
                .params(id, action)
                .query(Long.class)
                .single();
    }
}
