package org.credo.scheduling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.credo.CredoTest;
import org.credo.WebSessions;
import org.credo.platform.Role;
import org.credo.scheduling.instructor.Instructor;
import org.credo.scheduling.instructor.Instructors;
import org.credo.scheduling.section.MeetingDraft;
import org.credo.scheduling.section.Meetings;
import org.credo.scheduling.section.Section;
import org.credo.scheduling.section.SectionDraft;
import org.credo.scheduling.section.Sections;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Timetabling a term's real sections (ADR 0056): the solver places a small term without hard violations, keeps a
 * pinned section's meetings and an instructor's day off; the registrar accepts some sections, a second accept changes
 * nothing, and a section edited since the run started is refused by name.
 */
@CredoTest
class TimetablingTermTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    ApplicationContext context;

    @Autowired
    Sections sections;

    @Autowired
    Meetings meetings;

    @Autowired
    Instructors instructors;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    JsonMapper json;

    SchedulingFixtures fixtures;
    UUID northfield;
    String bearer;

    @BeforeEach
    void setUp() {
        fixtures = new SchedulingFixtures(context);
        northfield = fixtures.northfield();
        bearer = fixtures.token(Role.REGISTRAR);
    }

    @AfterEach
    void noRunLeftSolving() {
        await().atMost(Duration.ofSeconds(30))
                .until(() -> jdbc.sql("SELECT COUNT(*) FROM timetabling_run WHERE organization_id = ?"
                                        + " AND status = 'RUNNING'")
                                .param(northfield)
                                .query(Long.class)
                                .single()
                        == 0);
    }

    @Test
    void aTermIsSolvedAndAcceptedSectionBySectionOnce() throws Exception {
        var term = fixtures.term(northfield, LocalDate.of(2033, 1, 10));
        var small = fixtures.room(northfield, 25);
        var large = fixtures.room(northfield, 60);
        var ada = fixtures.instructor(northfield, "Ada Lovelace");
        var grace = fixtures.instructor(northfield, "Grace Hopper");
        // Grace does not teach on Mondays or Fridays
        instructors.save(
                northfield,
                grace,
                List.of(
                        new Instructor.Availability(DayOfWeek.MONDAY, null, null),
                        new Instructor.Availability(DayOfWeek.FRIDAY, null, null)),
                null,
                null);

        var lecture = section(term.id(), "01", 50, DeliveryMode.IN_PERSON, List.of(ada), null);
        var lab = section(term.id(), "02", 20, DeliveryMode.IN_PERSON, List.of(grace), lecture.id());
        var seminar = section(term.id(), "03", 20, DeliveryMode.IN_PERSON, List.of(ada, grace), null);
        meetings.add(northfield, seminar.id(), meeting(Set.of(DayOfWeek.MONDAY), LocalTime.of(8, 0), small.id()));
        var pinned = section(term.id(), "04", 20, DeliveryMode.HYBRID, List.of(grace), null);
        meetings.add(
                northfield,
                pinned.id(),
                meeting(Set.of(DayOfWeek.TUESDAY, DayOfWeek.THURSDAY), LocalTime.of(9, 30), large.id()));
        sections.pin(northfield, pinned.id(), true);
        var online = section(term.id(), "05", 20, DeliveryMode.ONLINE, List.of(ada), null);
        var pinnedBefore = sections.find(northfield, pinned.id()).meetings();

        var started = post("/api/v1/timetabling-runs/for-term", Map.of("termId", term.id(), "timeLimitSeconds", 3));
        assertThat(started.getStatus()).isEqualTo(201);
        var runId = json.readTree(started.getContentAsString()).get("id").asString();
        await().atMost(Duration.ofSeconds(30))
                .until(() -> !run(runId).get("status").asString().equals("RUNNING"));
        var run = run(runId);
        assertThat(run.get("termId").asString()).isEqualTo(term.id().toString());
        assertThat(run.get("hard").asInt()).isZero();

        var changes = changes(runId);
        assertThat(state(changes, pinned)).isEqualTo("PINNED");
        assertThat(state(changes, online)).isEqualTo("LEFT_OUT");
        assertThat(state(changes, lecture)).isEqualTo("CHANGES");
        assertThat(state(changes, lab)).isEqualTo("CHANGES");
        // Grace's lab never lands on her days off, and no meeting leaves the grid
        assertThat(proposed(changes, lab)).noneMatch(m -> m.contains("Mon") || m.contains("Fri"));
        // the 50-seat lecture is only put in a room that seats 50 (a hard rule for a term's sections)
        assertThat(proposed(changes, lecture)).isNotEmpty().noneMatch(m -> m.contains(" seats for "));
        var explanation = json.readTree(mvc.perform(get("/api/v1/timetabling-runs/" + runId + "/explanation")
                        .header("Authorization", bearer))
                .andReturn()
                .getResponse()
                .getContentAsString());
        assertThat(explanation.get("constraints").toString())
                .contains("Room too small for a section")
                .contains("Late period (Credo preference)");
        // five lectures fit easily before the evening: Credo's preference leaves the day's last two slots empty
        for (var section : List.of(lecture, lab, seminar)) {
            assertThat(proposed(changes, section)).noneMatch(m -> m.contains("17:00") || m.contains("18:30"));
        }
        // Grace also teaches the seminar, with Ada: it leaves her Monday and the slot of her pinned section
        assertThat(state(changes, seminar)).isEqualTo("CHANGES");
        assertThat(proposed(changes, seminar))
                .noneMatch(m -> m.contains("Mon") || m.contains("Fri"))
                .noneMatch(m -> m.contains("09:30") && (m.contains("Tue") || m.contains("Thu")));

        // accepting only the lecture changes only the lecture
        var labBefore = sections.find(northfield, lab.id()).meetings();
        var seminarBefore = sections.find(northfield, seminar.id()).meetings();
        var accepted =
                post("/api/v1/timetabling-runs/" + runId + "/accept", Map.of("sectionIds", List.of(lecture.id())));
        assertThat(accepted.getStatus()).isEqualTo(200);
        assertThat(json.readTree(accepted.getContentAsString()).get("changed").toString())
                .contains(lecture.label());
        var lectureNow = sections.find(northfield, lecture.id()).meetings();
        assertThat(lectureNow).isNotEmpty();
        assertThat(lectureNow.stream().map(m -> m.when()).toList())
                .allMatch(w -> proposed(changes, lecture).stream().anyMatch(p -> p.startsWith(w)));
        assertThat(sections.find(northfield, lab.id()).meetings()).isEqualTo(labBefore);
        assertThat(sections.find(northfield, seminar.id()).meetings()).isEqualTo(seminarBefore);
        assertThat(state(changes(runId), lecture)).isEqualTo("UNCHANGED");

        // a second accept changes nothing
        var again = post("/api/v1/timetabling-runs/" + runId + "/accept", Map.of("sectionIds", List.of(lecture.id())));
        assertThat(again.getStatus()).isEqualTo(200);
        assertThat(json.readTree(again.getContentAsString()).get("changed").size())
                .isZero();
        assertThat(sections.find(northfield, lecture.id()).meetings()).isEqualTo(lectureNow);

        // the lab is edited after the run started: accepting it, or all, is refused by name and writes nothing
        sections.update(
                northfield,
                lab.id(),
                new SectionDraft(
                        null,
                        PartOfTerm.FULL,
                        "02",
                        22,
                        0,
                        DeliveryMode.IN_PERSON,
                        List.of(grace),
                        null,
                        lecture.id()));
        for (Object body : List.of(Map.of("sectionIds", List.of(lab.id())), Map.of("all", true))) {
            var refused = post("/api/v1/timetabling-runs/" + runId + "/accept", body);
            assertThat(refused.getStatus()).isEqualTo(409);
            assertThat(refused.getContentAsString()).contains(lab.label()).contains("changed since");
        }
        assertThat(sections.find(northfield, lab.id()).meetings()).isEqualTo(labBefore);
        assertThat(sections.find(northfield, seminar.id()).meetings()).isEqualTo(seminarBefore);

        // the seminar is accepted as well; the pinned section keeps its meetings throughout
        post("/api/v1/timetabling-runs/" + runId + "/accept", Map.of("sectionIds", List.of(seminar.id())));
        assertThat(state(changes(runId), seminar)).isEqualTo("UNCHANGED");
        assertThat(sections.find(northfield, pinned.id()).meetings()).isEqualTo(pinnedBefore);
        await().atMost(Duration.ofSeconds(10))
                .until(() -> jdbc.sql("SELECT COUNT(*) FROM audit_entry WHERE subject_id = ? AND action = ?")
                                .params(runId, "timetabling.run.accepted")
                                .query(Long.class)
                                .single()
                        == 2);
        await().atMost(Duration.ofSeconds(10))
                .until(() -> jdbc.sql("SELECT COUNT(*) FROM audit_entry WHERE subject_id = ? AND action = ?")
                                .params(lecture.id().toString(), "section.meetings-changed")
                                .query(Long.class)
                                .single()
                        >= 1);
    }

    @Test
    void theRegistrarTimetablesTheDemoTermFromTheTermPageWithoutHardViolations() throws Exception {
        var registrar = WebSessions.signIn(mvc, Role.REGISTRAR);
        var spring = context.getBean(Scheduling.class).term(northfield, "SP27").orElseThrow();
        var termPage = Jsoup.parse(
                mvc.perform(get("/manage/scheduling/terms/" + spring.termId()).cookie(registrar))
                        .andReturn()
                        .getResponse()
                        .getContentAsString());
        assertThat(termPage.getElementById("timetable-term").attr("action"))
                .isEqualTo("/manage/scheduling/timetabling/term-runs");

        var started = mvc.perform(MockMvcRequestBuilders.post("/manage/scheduling/timetabling/term-runs")
                        .param("termId", spring.termId().toString())
                        .param("timeLimitSeconds", "2")
                        .cookie(registrar)
                        .with(csrf()))
                .andReturn()
                .getResponse();
        var runPage = started.getRedirectedUrl();
        assertThat(runPage).startsWith("/manage/scheduling/timetabling/runs/");
        var runId = runPage.substring(runPage.lastIndexOf('/') + 1);
        await().atMost(Duration.ofSeconds(30))
                .until(() -> !run(runId).get("status").asString().equals("RUNNING"));
        assertThat(run(runId).get("hard").asInt()).isZero();

        var page = Jsoup.parse(mvc.perform(get(runPage).cookie(registrar))
                .andReturn()
                .getResponse()
                .getContentAsString());
        var rows = page.select("#change-list tbody tr");
        assertThat(rows.stream().map(r -> r.attr("data-section")))
                .contains("DATA 101-01", "CS 101-01", "CS 101-L1", "DATA 101-02");
        var lab = page.selectFirst("#change-list tr[data-section=CS 101-L1]");
        assertThat(lab.text()).contains("Pinned").contains("Fri 09:00–10:50 in SCI 110");
        assertThat(lab.selectFirst("input[type=checkbox]").hasAttr("disabled")).isTrue();
        assertThat(page.selectFirst("#change-list tr[data-section=DATA 101-02]").text())
                .contains("Left out")
                .contains("online");
        assertThat(page.getElementById("accept-all")).isNotNull();
        assertThat(page.getElementById("explanation")).isNotNull();
    }

    @Test
    void aTermWithoutSectionsToPlaceIsRefusedAndPinningIsAudited() throws Exception {
        var term = fixtures.term(northfield, LocalDate.of(2033, 9, 5));
        var refused = post("/api/v1/timetabling-runs/for-term", Map.of("termId", term.id(), "timeLimitSeconds", 3));
        assertThat(refused.getStatus()).isEqualTo(400);
        assertThat(refused.getContentAsString()).contains("has no section to timetable");
        var unknown =
                post("/api/v1/timetabling-runs/for-term", Map.of("termId", UUID.randomUUID(), "timeLimitSeconds", 3));
        assertThat(unknown.getStatus()).isEqualTo(404);

        // pinning over the API is audited on the section, and a pinned section shows as such
        var section = section(term.id(), "01", 20, DeliveryMode.IN_PERSON, List.of(), null);
        var pinned = mvc.perform(MockMvcRequestBuilders.put("/api/v1/sections/" + section.id() + "/pinned")
                        .header("Authorization", bearer)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("true"))
                .andReturn()
                .getResponse();
        assertThat(pinned.getStatus()).isEqualTo(200);
        assertThat(json.readTree(pinned.getContentAsString()).get("pinned").asBoolean())
                .isTrue();
        assertThat(sections.find(northfield, section.id()).pinned()).isTrue();
        await().atMost(Duration.ofSeconds(10))
                .until(() -> jdbc.sql("SELECT COUNT(*) FROM audit_entry WHERE subject_id = ? AND action = ?")
                                .params(section.id().toString(), "section.meetings-changed")
                                .query(Long.class)
                                .single()
                        == 1);
        // pinned without meetings, it is left out of a run: the only section, so the term has nothing to timetable
        var nothing = post("/api/v1/timetabling-runs/for-term", Map.of("termId", term.id(), "timeLimitSeconds", 3));
        assertThat(nothing.getStatus()).isEqualTo(400);
    }

    private Section section(
            UUID termId, String number, int capacity, DeliveryMode mode, List<UUID> instructors, UUID linkedTo) {
        return sections.create(
                northfield,
                termId,
                new SectionDraft(
                        fixtures.course(northfield, "3"),
                        PartOfTerm.FULL,
                        number,
                        capacity,
                        0,
                        mode,
                        instructors,
                        null,
                        linkedTo));
    }

    private static MeetingDraft meeting(Set<DayOfWeek> days, LocalTime start, UUID room) {
        return new MeetingDraft(days, start, start.plusMinutes(75), null, null, room);
    }

    private MockHttpServletResponse post(String path, Object body) throws Exception {
        return mvc.perform(MockMvcRequestBuilders.post(path)
                        .header("Authorization", bearer)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(json.writeValueAsString(body)))
                .andReturn()
                .getResponse();
    }

    private JsonNode run(String id) throws Exception {
        return json.readTree(mvc.perform(get("/api/v1/timetabling-runs/" + id).header("Authorization", bearer))
                .andReturn()
                .getResponse()
                .getContentAsString());
    }

    private JsonNode changes(String id) throws Exception {
        var response = mvc.perform(
                        get("/api/v1/timetabling-runs/" + id + "/changes").header("Authorization", bearer))
                .andReturn()
                .getResponse();
        assertThat(response.getStatus()).isEqualTo(200);
        return json.readTree(response.getContentAsString());
    }

    private static String state(JsonNode changes, Section section) {
        for (var c : changes) {
            if (c.get("sectionId").asString().equals(section.id().toString())) {
                return c.get("state").asString();
            }
        }
        throw new AssertionError(section.label() + " is not in the run's changes: " + changes);
    }

    private static List<String> proposed(JsonNode changes, Section section) {
        var out = new ArrayList<String>();
        for (var c : changes) {
            if (c.get("sectionId").asString().equals(section.id().toString())) {
                c.get("proposed").forEach(p -> out.add(p.asString()));
            }
        }
        return out;
    }
}
