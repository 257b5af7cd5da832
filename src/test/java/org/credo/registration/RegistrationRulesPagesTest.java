package org.credo.registration;

import static org.hamcrest.Matchers.containsString;
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
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/** Time tickets, permissions and waitlist settings through the pages and the API, on the demo data. */
@CredoTest
class RegistrationRulesPagesTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    RegistrationFixture fixture;

    @Autowired
    Scheduling scheduling;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    org.credo.platform.tokens.ApiTokenService tokens;

    @Autowired
    org.credo.platform.people.Accounts accounts;

    String token(Role role) {
        return "Bearer "
                + tokens.create(
                                accounts.loadUserByUsername(DemoData.email(role)),
                                new ApiTokenRequest("rules " + role, null, 1))
                        .token();
    }

    UUID section(String course, String number) {
        return fixture.demoSection(scheduling, course, number);
    }

    String number(UUID learner) {
        return fixture.learnerNumber(learner);
    }

    @Test
    void theRegistrarSeesTimeTicketsAndABadTicketIsMarkedWithWhatWasTyped() throws Exception {
        var session = WebSessions.signIn(mvc, Role.REGISTRAR);
        mvc.perform(get("/manage/registration").cookie(session))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Time tickets by class standing")))
                .andExpect(content().string(containsString("Seniors (90 credits or more)")));
        var term = scheduling.term(fixture.org(), "SP27").orElseThrow().termId();
        mvc.perform(post("/manage/registration/terms/" + term + "/window")
                        .cookie(session)
                        .with(csrf())
                        .param("opensAt", "2026-11-02T08:00")
                        .param("maxCredits", "18")
                        .param("offerHours", "48")
                        .param("maxAttempts", "3")
                        .param("ticketSENIOR", "next tuesday"))
                .andExpect(status().is3xxRedirection())
                .andExpect(flash().attributeExists("windowErrors"))
                .andExpect(flash().attribute("flashError", containsString("2027-11-02T08:00")));
    }

    @Test
    void anInstructorGivesAPermissionFromTheRosterAndTheLearnerIsToldItsNumber() throws Exception {
        var session = WebSessions.signIn(mvc, Role.INSTRUCTOR);
        var taught = section("DATA 201", "01");
        var learner = fixture.learner("RosterPermission");
        mvc.perform(post("/teach/rosters/" + taught + "/permissions")
                        .cookie(session)
                        .with(csrf())
                        .param("learnerNumber", number(learner))
                        .param("reason", ""))
                .andExpect(status().is3xxRedirection())
                .andExpect(flash().attributeExists("permissionErrors"))
                .andExpect(flash().attributeExists("permissionForm"));
        mvc.perform(post("/teach/rosters/" + taught + "/permissions")
                        .cookie(session)
                        .with(csrf())
                        .param("learnerNumber", number(learner))
                        .param("reason", "Completed an equivalent course at Harbor"))
                .andExpect(status().is3xxRedirection())
                .andExpect(flash().attribute("flash", containsString("Permission P-")));
        mvc.perform(get("/teach/rosters/" + taught).cookie(session))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Permissions to enroll")))
                .andExpect(content().string(containsString("Completed an equivalent course at Harbor")));
        var notTaught = fixture.openSection(
                fixture.openTerm(new java.math.BigDecimal("18")),
                "DATA 101",
                "01",
                5,
                0,
                java.util.Set.of(),
                java.time.LocalTime.NOON);
        mvc.perform(post("/teach/rosters/" + notTaught + "/permissions")
                        .cookie(session)
                        .with(csrf())
                        .param("learnerNumber", number(learner))
                        .param("reason", "Not my section"))
                .andExpect(status().isNotFound());
    }

    @Test
    void theLearnerSeesTheirTimeTicketAndSearchesByInstructorDayAndHours() throws Exception {
        var session = WebSessions.signIn(mvc, Role.LEARNER);
        mvc.perform(get("/registration").cookie(session))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"time-ticket\"")))
                .andExpect(content().string(containsString("Your time ticket")));
        mvc.perform(get("/registration").param("q", "ines").cookie(session))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("DATA 201-01")))
                .andExpect(content().string(containsString("Ines Instructor")));
        mvc.perform(get("/registration")
                        .param("day", "SUNDAY")
                        .param("from", "06:00")
                        .param("until", "07:00")
                        .cookie(session))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("No open section matches")));
    }

    @Test
    void theRegistrarKeepsPermissionsAndWaitlistSettingsOverTheApi() throws Exception {
        var auth = token(Role.REGISTRAR);
        var learner = fixture.learner("ApiPermission");
        var term = fixture.openTerm(new java.math.BigDecimal("18"));
        var sectionId = fixture.openSection(term, "DATA 101", "01", 5, 5, java.util.Set.of(), java.time.LocalTime.NOON);
        var body = "{\"learnerNumber\":\"" + number(learner) + "\",\"reason\":\"Transfer work under review\"}";
        mvc.perform(post("/api/v1/registration/sections/" + sectionId + "/permissions")
                        .header("Authorization", auth)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(body))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.number", containsString("P-")));
        mvc.perform(post("/api/v1/registration/sections/" + sectionId + "/permissions")
                        .header("Authorization", auth)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(body))
                .andExpect(status().isOk());
        mvc.perform(post("/api/v1/registration/sections/" + sectionId + "/permissions")
                        .header("Authorization", auth)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"learnerNumber\":\"NOBODY-9\",\"reason\":\"x y z\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("learnerNumber"));
        mvc.perform(get("/api/v1/registration/sections/" + sectionId + "/permissions")
                        .header("Authorization", auth))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.totalItems").value(1))
                .andExpect(jsonPath("$.items[0].reason").value("Transfer work under review"));
        mvc.perform(put("/api/v1/registration/sections/" + sectionId + "/waitlist-settings")
                        .header("Authorization", auth)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"autoEnroll\":true,\"majorsFirst\":true}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.autoEnroll").value(true));
        mvc.perform(put("/api/v1/registration/terms/" + term + "/window")
                        .header("Authorization", auth)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"opensAt\":\"2026-11-02T14:00:00Z\",\"maxCredits\":18,\"offerHours\":48,"
                                + "\"maxAttempts\":2,\"timeTickets\":{\"SENIOR\":\"2026-10-30T14:00:00Z\"}}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.maxAttempts").value(2))
                .andExpect(jsonPath("$.timeTickets.SENIOR").value("2026-10-30T14:00:00Z"));
        mvc.perform(put("/api/v1/registration/terms/" + term + "/window")
                        .header("Authorization", auth)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"opensAt\":\"2026-11-02T14:00:00Z\",\"maxCredits\":18,\"offerHours\":48,"
                                + "\"timeTickets\":{\"GRADUATE\":\"2026-10-30T14:00:00Z\"}}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("timeTickets.GRADUATE"));
    }
}
