package org.credo.registration;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.UUID;
import org.credo.CredoTest;
import org.credo.WebSessions;
import org.credo.platform.Role;
import org.credo.platform.demo.DemoData;
import org.credo.platform.tokens.ApiTokenRequest;
import org.credo.scheduling.Scheduling;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

/** The learner's registration page and API, and the registrar's, on the demo data. */
@CredoTest
class RegistrationPagesTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    RegistrationFixture fixture;

    @Autowired
    Scheduling scheduling;

    @Autowired
    org.credo.platform.tokens.ApiTokenService tokens;

    @Autowired
    org.credo.platform.people.Accounts accounts;

    String token(Role role) {
        return "Bearer "
                + tokens.create(
                                accounts.loadUserByUsername(DemoData.email(role)),
                                new ApiTokenRequest("registration " + role, null, 1))
                        .token();
    }

    UUID section(String course, String number) {
        return fixture.demoSection(scheduling, course, number);
    }

    @Test
    void theDemoLearnerSeesTheirSpringScheduleTheirWaitlistPlaceAndSearchesWithRefusalsShownBeforeAdding()
            throws Exception {
        var session = WebSessions.signIn(mvc, Role.LEARNER);
        mvc.perform(get("/registration").cookie(session))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Spring 2027")))
                .andExpect(content().string(containsString("MATH 120-01")))
                .andExpect(content().string(containsString("on the waitlist")));
        mvc.perform(get("/registration").param("q", "MATH 120").cookie(session))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("badge text-bg-success\">Enrolled")));
        mvc.perform(get("/registration").param("q", "data").cookie(session))
                .andExpect(content().string(containsString("DATA 101-02")))
                .andExpect(content().string(containsString("Join waitlist")));
        mvc.perform(get("/registration").param("q", "zzz-no-such-course").cookie(session))
                .andExpect(content().string(containsString("No open section matches")));
    }

    @Test
    void aLearnerAddsAndDropsThroughTheApiAndARetriedAddAnswersTheSameEnrollment() throws Exception {
        var auth = token(Role.LEARNER);
        var online = section("DATA 101", "02");
        var body = "{\"sectionId\":\"" + online + "\"}";
        mvc.perform(post("/api/v1/me/registration/enrollments")
                        .header("Authorization", auth)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(body))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.status").value("ENROLLED"));
        mvc.perform(post("/api/v1/me/registration/enrollments")
                        .header("Authorization", auth)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(body))
                .andExpect(status().isOk());
        mvc.perform(get("/api/v1/me/registration").header("Authorization", auth))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.termCode").value("SP27"))
                .andExpect(jsonPath("$.waitlists[0].waitlist.position").value(1));
        mvc.perform(post("/api/v1/me/registration/enrollments/" + online + "/drop")
                        .header("Authorization", auth))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("DROPPED"));
    }

    @Test
    void aRefusedAddIsAProblemListingEachReasonWithWhatToDo() throws Exception {
        var auth = token(Role.LEARNER);
        // DATA 220 is planned, not open: refused, with a resolution.
        mvc.perform(post("/api/v1/me/registration/enrollments")
                        .header("Authorization", auth)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"sectionId\":\"" + section("DATA 220", "01") + "\"}"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.refusals[0].code").value("section-not-open"))
                .andExpect(jsonPath("$.refusals[0].resolution").isNotEmpty());
        mvc.perform(post("/api/v1/me/registration/enrollments")
                        .header("Authorization", auth)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"sectionId\":\"" + UUID.randomUUID() + "\"}"))
                .andExpect(status().isNotFound());
    }

    @Test
    void theRegistrarSeesSeatsAndRostersAndABadWindowKeepsWhatWasTypedAndMarksTheField() throws Exception {
        var session = WebSessions.signIn(mvc, Role.REGISTRAR);
        mvc.perform(get("/manage/registration").cookie(session))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("DATA 201-01")))
                .andExpect(content().string(containsString("Registration window")));
        var term = scheduling.term(fixture.org(), "SP27").orElseThrow().termId();
        mvc.perform(post("/manage/registration/terms/" + term + "/window")
                        .cookie(session)
                        .with(csrf())
                        .param("opensAt", "2026-11-02T08:00")
                        .param("maxCredits", "99")
                        .param("offerHours", "48"))
                .andExpect(status().is3xxRedirection())
                .andExpect(flash().attributeExists("windowErrors"));
        var full = section("DATA 201", "01");
        mvc.perform(get("/manage/registration/sections/" + full).cookie(session))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Roster")))
                .andExpect(content().string(containsString("Waitlist")))
                .andExpect(content().string(not(containsString("Nobody is waiting"))));
        mvc.perform(get("/manage/registration/sections/" + full + "/roster.csv").cookie(session))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("learner_number,name,status,credits,registered_at")));
        var auth = token(Role.REGISTRAR);
        mvc.perform(get("/api/v1/registration/sections/" + full + "/enrollments")
                        .header("Authorization", auth))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.totalItems").isNumber())
                .andExpect(jsonPath("$.sort").value("registered,asc"));
        mvc.perform(put("/api/v1/registration/terms/" + term + "/window")
                        .header("Authorization", auth)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"opensAt\":\"2026-11-02T14:00:00Z\",\"maxCredits\":18,\"offerHours\":0}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("offerHours"));
    }

    @Test
    void anInstructorSeesTheRosterOfASectionTheyTeachAndNoOther() throws Exception {
        var session = WebSessions.signIn(mvc, Role.INSTRUCTOR);
        var taught = section("DATA 201", "01");
        mvc.perform(get("/teach/rosters/" + taught).cookie(session))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Roster")))
                .andExpect(content().string(containsString("on the waitlist")));
        mvc.perform(get("/teach/rosters/" + taught + "/roster.csv").cookie(session))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("learner_number,name")));
        // CS 101-01 is taught by the other demo instructor.
        mvc.perform(get("/teach/rosters/" + section("CS 101", "01")).cookie(session))
                .andExpect(status().isNotFound());
    }
}
