package org.credo.scheduling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.util.List;
import org.credo.CredoTest;
import org.credo.WebSessions;
import org.credo.platform.Role;
import org.credo.scheduling.section.SectionDraft;
import org.credo.scheduling.section.Sections;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

/** The scheduling API's paging and Problem Details; the demo schedule; the instructor's own sections. */
@CredoTest
class SchedulingApiTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    ApplicationContext context;

    @Autowired
    Sections sections;

    @Autowired
    Scheduling scheduling;

    @Test
    void listsPageInTheCommonEnvelopeAndABadPageOrSortIsAProblem() throws Exception {
        var fixtures = new SchedulingFixtures(context);
        var org = fixtures.northfield();
        var auth = fixtures.token(Role.REGISTRAR);
        var term = fixtures.term(org, LocalDate.of(2032, 1, 5));
        for (var n : List.of("01", "02", "03")) {
            sections.create(
                    org,
                    term.id(),
                    new SectionDraft(
                            fixtures.course(org, "3"),
                            PartOfTerm.FULL,
                            n,
                            10,
                            0,
                            DeliveryMode.ONLINE,
                            List.of(),
                            null,
                            null));
        }
        mvc.perform(get("/api/v1/terms/" + term.id() + "/sections")
                        .param("size", "2")
                        .param("page", "1")
                        .param("sort", "capacity,desc")
                        .header("Authorization", auth))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items.length()", is(1)))
                .andExpect(jsonPath("$.page", is(1)))
                .andExpect(jsonPath("$.size", is(2)))
                .andExpect(jsonPath("$.totalItems", is(3)))
                .andExpect(jsonPath("$.totalPages", is(2)))
                .andExpect(jsonPath("$.sort", is("capacity,desc")));
        mvc.perform(get("/api/v1/terms/" + term.id() + "/sections")
                        .param("status", "OPEN")
                        .header("Authorization", auth))
                .andExpect(jsonPath("$.totalItems", is(0)));
        mvc.perform(get("/api/v1/terms/" + term.id() + "/sections")
                        .param("sort", "room")
                        .header("Authorization", auth))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath(
                        "$.detail", containsString("sort field 'room' is not one of course, status, capacity")));
        mvc.perform(get("/api/v1/terms").param("size", "500").header("Authorization", auth))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.title", is("Invalid page size")));
        mvc.perform(get("/api/v1/terms")
                        .param("sort", "code,asc")
                        .param("size", "200")
                        .header("Authorization", auth))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items[*].code", hasItem("SP27")));
    }

    @Test
    void northfieldHasTheCurrentTermScheduledAndTheRegistrarsQueueShowsItsConflict() throws Exception {
        var fixtures = new SchedulingFixtures(context);
        var org = fixtures.northfield();
        var spring = scheduling.term(org, "SP27").orElseThrow();
        assertThat(scheduling
                        .currentTerm(org, LocalDate.of(2026, 12, 7))
                        .orElseThrow()
                        .code())
                .isEqualTo("SP27");
        var list = scheduling.sections(org, spring.termId());
        assertThat(list)
                .extracting(Scheduling.SectionRecord::courseCode)
                .contains("DATA 101", "MATH 120", "CS 101", "DATA 201");
        assertThat(list).anySatisfy(s -> assertThat(s.capacity()).isLessThanOrEqualTo(3));
        assertThat(list).anySatisfy(s -> assertThat(s.linkedTo()).isNotNull());
        assertThat(scheduling.isHoliday(org, spring.termId(), LocalDate.of(2027, 3, 17)))
                .isTrue();
        var session = WebSessions.signIn(mvc, Role.REGISTRAR);
        mvc.perform(get("/").cookie(session))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Scheduling SP27 · Spring 2027")))
                .andExpect(content().string(containsString("Room double-booked · DATA 220-01")))
                .andExpect(content().string(containsString("planned, not yet open")));
    }

    @Test
    void anInstructorSeesOnlyTheSectionsTheyTeach() throws Exception {
        var fixtures = new SchedulingFixtures(context);
        mvc.perform(get("/api/v1/me/sections").header("Authorization", fixtures.token(Role.INSTRUCTOR)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[*].courseCode", hasItem("DATA 101")))
                .andExpect(jsonPath("$[*].courseCode", not(hasItem("CS 101"))))
                // Other tests give the demo instructor sections in terms of their own; the demo's are among them.
                .andExpect(jsonPath("$[*].termCode", hasItem("SP27")));
        var session = WebSessions.signIn(mvc, Role.INSTRUCTOR);
        mvc.perform(get("/").cookie(session)).andExpect(content().string(containsString("Your sections")));
        mvc.perform(get("/manage/scheduling/terms").cookie(session).accept(MediaType.TEXT_HTML))
                .andExpect(status().isForbidden());
    }
}
