package org.credo.scheduling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.credo.CredoTest;
import org.credo.WebSessions;
import org.credo.platform.ProblemException;
import org.credo.platform.Role;
import org.credo.scheduling.instructor.Instructors;
import org.credo.scheduling.section.Conflict;
import org.credo.scheduling.section.Conflict.Kind;
import org.credo.scheduling.section.Conflicts;
import org.credo.scheduling.section.MeetingDraft;
import org.credo.scheduling.section.Meetings;
import org.credo.scheduling.section.Section;
import org.credo.scheduling.section.SectionDraft;
import org.credo.scheduling.section.Sections;
import org.credo.scheduling.term.Term;
import org.credo.scheduling.term.Terms;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/** Sections of catalog courses, their meetings and the conflicts the registrar is shown. */
@CredoTest
class SectionsTest {

    static final Set<DayOfWeek> MW = EnumSet.of(DayOfWeek.MONDAY, DayOfWeek.WEDNESDAY);

    @Autowired
    MockMvc mvc;

    @Autowired
    ApplicationContext context;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Sections sections;

    @Autowired
    Meetings meetings;

    @Autowired
    Conflicts conflicts;

    @Autowired
    Instructors instructors;

    @Autowired
    Terms terms;

    @Autowired
    Scheduling scheduling;

    SchedulingFixtures fixtures;
    UUID org;

    @BeforeEach
    void setUp() {
        fixtures = new SchedulingFixtures(context);
        org = fixtures.northfield();
    }

    Section section(Term term, String course, String number, int seats, List<UUID> teachers) {
        return sections.create(
                org,
                term.id(),
                new SectionDraft(
                        course, PartOfTerm.FULL, number, seats, 5, DeliveryMode.IN_PERSON, teachers, null, null));
    }

    void meet(Section s, Set<DayOfWeek> days, String from, String to, @Nullable UUID room) {
        meetings.add(org, s.id(), new MeetingDraft(days, LocalTime.parse(from), LocalTime.parse(to), null, null, room));
    }

    List<Kind> kinds(Section section) {
        return conflicts.ofSection(org, section.id()).stream()
                .map(Conflict::kind)
                .toList();
    }

    @Test
    void aSectionTakesTheCourseVersionInForceAndARetiredCourseIsRefused() throws Exception {
        var term = fixtures.term(org, LocalDate.of(2027, 9, 6));
        var retired = fixtures.course(org, "3", LocalDate.of(2027, 8, 1));
        var auth = fixtures.token(Role.REGISTRAR);
        mvc.perform(
                        post("/api/v1/terms/" + term.id() + "/sections")
                                .header("Authorization", auth)
                                .contentType(MediaType.APPLICATION_JSON)
                                .content(
                                        "{\"courseCode\":\"" + retired
                                                + "\",\"part\":\"FULL\",\"number\":\"01\",\"capacity\":20,\"deliveryMode\":\"ONLINE\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[0].field", is("courseCode")))
                .andExpect(jsonPath("$.detail", containsString("is retired on 2027-09-06")));
        mvc.perform(post("/api/v1/terms/" + term.id() + "/sections")
                        .header("Authorization", auth)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"courseCode\":\"NOPE 999\",\"part\":\"FULL\",\"number\":\"01\",\"capacity\":20,"
                                + "\"deliveryMode\":\"ONLINE\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail", containsString("no course NOPE 999 is published")));
        assertThat(sections.ofTerm(org, term.id())).isEmpty();

        var active = fixtures.course(org, "4");
        mvc.perform(post("/api/v1/terms/" + term.id() + "/sections")
                        .header("Authorization", auth)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"courseCode\":\"" + active
                                + "\",\"part\":\"SECOND_HALF\",\"number\":\"w1\",\"capacity\":20,\"waitlistCapacity\":4,"
                                + "\"deliveryMode\":\"ONLINE\"}"))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.number", is("W1")))
                .andExpect(jsonPath("$.status", is("PLANNED")))
                .andExpect(jsonPath("$.credits", is(4)));
        var record = scheduling.sections(org, term.id()).get(0);
        assertThat(record.courseCode()).isEqualTo(active);
        assertThat(record.part()).isEqualTo(PartOfTerm.SECOND_HALF);
        // The same number twice for a course in a term is refused.
        assertThatThrownBy(() -> section(term, active, "W1", 10, List.of()))
                .isInstanceOf(ProblemException.class)
                .hasMessageContaining("already has a section W1");
    }

    @Test
    void aMeetingThatEndsBeforeItStartsIsRefusedAndNothingChanges() throws Exception {
        var term = fixtures.term(org, LocalDate.of(2028, 1, 10));
        var s = section(term, fixtures.course(org, "3"), "01", 20, List.of());
        mvc.perform(post("/api/v1/sections/" + s.id() + "/meetings")
                        .header("Authorization", fixtures.token(Role.REGISTRAR))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"days\":[\"MONDAY\"],\"startsAt\":\"10:00\",\"endsAt\":\"09:00\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field", is("endsAt")))
                .andExpect(jsonPath("$.detail", containsString("must end after it starts")));
        assertThat(sections.find(org, s.id()).meetings()).isEmpty();
        // Through the page: the typed times stay, the field is marked.
        var session = WebSessions.signIn(mvc, Role.REGISTRAR);
        mvc.perform(post("/manage/scheduling/sections/" + s.id() + "/meetings")
                        .cookie(session)
                        .with(csrf())
                        .param("days", "TUESDAY")
                        .param("startsAt", "14:00")
                        .param("endsAt", "13:30"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("The meeting was not saved")))
                .andExpect(content().string(containsString("value=\"13:30\"")))
                .andExpect(content().string(containsString("endsAt-error")));
        assertThat(sections.find(org, s.id()).meetings()).isEmpty();
    }

    @Test
    void aRoomBookedTwiceShowsOnBothSectionsAsTheRegistrarTypesAndOnTheReportUntilOneMoves() throws Exception {
        var term = fixtures.term(org, LocalDate.of(2028, 8, 28));
        var room = fixtures.room(org, 50);
        var a = section(term, fixtures.course(org, "3"), "01", 30, List.of());
        var b = section(term, fixtures.course(org, "3"), "01", 30, List.of());
        meet(a, MW, "09:00", "10:15", room.id());

        var session = WebSessions.signIn(mvc, Role.REGISTRAR);
        // The check as the registrar types, before saving.
        mvc.perform(post("/manage/scheduling/sections/" + b.id() + "/meetings/check")
                        .cookie(session)
                        .with(csrf())
                        .header("HX-Request", "true")
                        .param("days", "WEDNESDAY")
                        .param("startsAt", "10:00")
                        .param("endsAt", "11:00")
                        .param("roomId", room.id().toString()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("This meeting would bring conflicts")))
                .andExpect(content().string(containsString(room.name() + " is booked twice")));
        assertThat(sections.find(org, b.id()).meetings()).isEmpty();

        meet(b, EnumSet.of(DayOfWeek.WEDNESDAY), "10:00", "11:00", room.id());
        assertThat(kinds(a)).containsExactly(Kind.ROOM_DOUBLE_BOOKED);
        assertThat(kinds(b)).containsExactly(Kind.ROOM_DOUBLE_BOOKED);
        mvc.perform(get("/api/v1/terms/" + term.id() + "/conflicts")
                        .header("Authorization", fixtures.token(Role.REGISTRAR)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.counts.ROOM_DOUBLE_BOOKED", is(2)))
                .andExpect(jsonPath("$.conflicts[0].otherLabel", containsString("-01")));
        mvc.perform(get("/manage/scheduling/sections/" + b.id()).cookie(session))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Room double-booked")));
        mvc.perform(get("/manage/scheduling/terms/" + term.id() + "/conflicts").cookie(session))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Room double-booked: 2")));

        // Back to back is no conflict: move B to 10:15.
        var m = sections.find(org, b.id()).meetings().get(0);
        meetings.update(
                org,
                b.id(),
                m.id(),
                new MeetingDraft(
                        EnumSet.of(DayOfWeek.WEDNESDAY),
                        LocalTime.of(10, 15),
                        LocalTime.of(11, 30),
                        null,
                        null,
                        room.id()));
        assertThat(conflicts.ofTerm(org, term.id())).isEmpty();
    }

    @Test
    void roomsTooSmallAndInstructorsBookedTwiceOverLoadOrUnavailableAreFound() {
        var term = fixtures.term(org, LocalDate.of(2029, 1, 8));
        var small = fixtures.room(org, 10);
        var big = fixtures.room(org, 100);
        var teacher = fixtures.instructor(org, "Tess Teacher");
        instructors.save(org, teacher, Instructors.parse("FRI unavailable"), 1, new BigDecimal("6"));
        var a = section(term, fixtures.course(org, "3"), "01", 20, List.of(teacher));
        var b = section(term, fixtures.course(org, "3"), "01", 20, List.of(teacher));
        meet(a, MW, "09:00", "10:15", small.id());
        meet(b, EnumSet.of(DayOfWeek.MONDAY, DayOfWeek.FRIDAY), "09:30", "10:30", big.id());

        // MW against MF: they share Mondays, 09:30 to 10:15.
        assertThat(kinds(a))
                .containsExactlyInAnyOrder(
                        Kind.ROOM_TOO_SMALL, Kind.INSTRUCTOR_DOUBLE_BOOKED, Kind.INSTRUCTOR_OVER_LOAD);
        assertThat(kinds(b))
                .containsExactlyInAnyOrder(
                        Kind.INSTRUCTOR_UNAVAILABLE, Kind.INSTRUCTOR_DOUBLE_BOOKED, Kind.INSTRUCTOR_OVER_LOAD);
        var tooSmall = conflicts.ofSection(org, a.id()).stream()
                .filter(c -> c.kind() == Kind.ROOM_TOO_SMALL)
                .findFirst()
                .orElseThrow();
        assertThat(tooSmall.message()).contains("has 10 seats").contains("needs 20");
        var overLoad = conflicts.ofSection(org, b.id()).stream()
                .filter(c -> c.kind() == Kind.INSTRUCTOR_OVER_LOAD)
                .findFirst()
                .orElseThrow();
        assertThat(overLoad.message())
                .contains("Tess Teacher teaches 2 section(s), 6 credits")
                .contains("1 section(s)");
    }

    @Test
    void crossListedSectionsShareTheirRoomAndLinkedSectionsMustNotOverlap() {
        var term = fixtures.term(org, LocalDate.of(2029, 8, 27));
        var room = fixtures.room(org, 40);
        var a = section(term, fixtures.course(org, "3"), "01", 25, List.of());
        var b = sections.create(
                org,
                term.id(),
                new SectionDraft(
                        fixtures.course(org, "3"),
                        PartOfTerm.FULL,
                        "01",
                        25,
                        0,
                        DeliveryMode.IN_PERSON,
                        List.of(),
                        a.id(),
                        null));
        meet(a, MW, "13:00", "14:15", room.id());
        meet(b, MW, "13:00", "14:15", room.id());
        // One class under two codes: no double booking, but 50 seats against a room of 40.
        assertThat(kinds(a)).containsExactly(Kind.ROOM_TOO_SMALL);
        assertThat(sections.find(org, a.id()).crossListGroup())
                .isEqualTo(sections.find(org, b.id()).crossListGroup());

        var lab = sections.create(
                org,
                term.id(),
                new SectionDraft(
                        fixtures.course(org, "1"),
                        PartOfTerm.FULL,
                        "L1",
                        20,
                        0,
                        DeliveryMode.IN_PERSON,
                        List.of(),
                        null,
                        a.id()));
        meet(lab, EnumSet.of(DayOfWeek.WEDNESDAY), "14:00", "15:00", null);
        assertThat(kinds(lab)).containsExactly(Kind.LINKED_SECTIONS_OVERLAP);
    }

    @Test
    void aMeetingOutsideItsPartOfTermOrOnlyOnHolidaysIsFound() {
        var start = LocalDate.of(2030, 1, 7); // a Monday
        var term = fixtures.term(org, start);
        terms.addHoliday(org, term.id(), LocalDate.of(2030, 1, 21), "A Monday off");
        var s = section(term, fixtures.course(org, "3"), "01", 20, List.of());
        meetings.add(
                org,
                s.id(),
                new MeetingDraft(
                        EnumSet.of(DayOfWeek.MONDAY),
                        LocalTime.of(9, 0),
                        LocalTime.of(10, 0),
                        LocalDate.of(2030, 1, 21),
                        LocalDate.of(2030, 1, 23),
                        null));
        meetings.add(
                org,
                s.id(),
                new MeetingDraft(
                        EnumSet.of(DayOfWeek.TUESDAY),
                        LocalTime.of(9, 0),
                        LocalTime.of(10, 0),
                        start.minusDays(14),
                        start.plusDays(30),
                        null));
        assertThat(kinds(s)).containsExactlyInAnyOrder(Kind.HOLIDAYS_ONLY, Kind.OUTSIDE_PART_OF_TERM);
    }

    @Test
    void cancellingNeedsAReasonIsAuditedFreezesTheSectionAndEndsItsConflicts() throws Exception {
        var term = fixtures.term(org, LocalDate.of(2030, 8, 26));
        var room = fixtures.room(org, 50);
        var a = section(term, fixtures.course(org, "3"), "01", 30, List.of());
        var b = section(term, fixtures.course(org, "3"), "01", 30, List.of());
        meet(a, MW, "09:00", "10:15", room.id());
        meet(b, MW, "09:00", "10:15", room.id());
        var auth = fixtures.token(Role.REGISTRAR);
        mvc.perform(post("/api/v1/sections/" + b.id() + "/status")
                        .header("Authorization", auth)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"status\":\"CANCELLED\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field", is("reason")));
        mvc.perform(post("/api/v1/sections/" + b.id() + "/status")
                        .header("Authorization", auth)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"status\":\"OPEN\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status", is("OPEN")));
        mvc.perform(post("/api/v1/sections/" + b.id() + "/status")
                        .header("Authorization", auth)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"status\":\"CANCELLED\",\"reason\":\"Too few learners\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status", is("CANCELLED")));
        assertThat(conflicts.ofTerm(org, term.id())).isEmpty();
        mvc.perform(put("/api/v1/sections/" + b.id())
                        .header("Authorization", auth)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"part\":\"FULL\",\"number\":\"02\",\"capacity\":30,\"deliveryMode\":\"ONLINE\"}"))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail", containsString("was cancelled")));
        mvc.perform(post("/api/v1/sections/" + b.id() + "/status")
                        .header("Authorization", auth)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"status\":\"OPEN\"}"))
                .andExpect(status().isConflict());
        await().atMost(java.time.Duration.ofSeconds(15))
                .untilAsserted(() -> assertThat(jdbc.sql("SELECT summary FROM audit_entry WHERE subject_id = ?"
                                        + " AND action = 'section.cancelled'")
                                .param(b.id().toString())
                                .query(String.class)
                                .list())
                        .singleElement()
                        .asString()
                        .contains("Too few learners"));
    }
}
