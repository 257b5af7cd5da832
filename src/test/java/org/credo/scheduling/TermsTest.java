package org.credo.scheduling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.util.UUID;
import org.credo.CredoTest;
import org.credo.WebSessions;
import org.credo.platform.Role;
import org.credo.scheduling.term.Terms;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.json.JsonMapper;

/** Terms, their parts and holidays: the registrar's pages, the API's Problem Details and the facade. */
@CredoTest
class TermsTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    ApplicationContext context;

    @Autowired
    JsonMapper json;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Scheduling scheduling;

    @Autowired
    Terms terms;

    SchedulingFixtures fixtures;

    @BeforeEach
    void setUp() {
        fixtures = new SchedulingFixtures(context);
    }

    static String body(String code, String start, String end, String part, String classesStart, String classesEnd) {
        return """
                {"code":"%s","name":"Summer 2027","startsOn":"%s","endsOn":"%s","parts":[
                 {"part":"%s","classesStart":"%s","classesEnd":"%s","lastAdd":"2027-06-04","lastDrop":"2027-06-08",
                  "lastWithdraw":"2027-07-10","census":"2027-06-10","gradesDue":"2027-08-20"}]}""".formatted(code, start, end, part, classesStart, classesEnd);
    }

    @Test
    void aTermWithItsDatesIsCreatedAndOtherModulesReadItsPartsAndHolidays() throws Exception {
        var auth = fixtures.token(Role.REGISTRAR);
        var code = SchedulingFixtures.unique("SU");
        var created = mvc.perform(post("/api/v1/terms")
                        .header("Authorization", auth)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(body(
                                code.toLowerCase(), "2027-06-01", "2027-08-20", "FULL", "2027-06-01", "2027-08-13")))
                .andExpect(status().isCreated())
                .andExpect(header().string("Location", containsString("/api/v1/terms/")))
                .andExpect(jsonPath("$.code", is(code)))
                .andExpect(jsonPath("$.parts[0].lastDrop", is("2027-06-08")))
                .andReturn()
                .getResponse()
                .getContentAsString();
        var id = UUID.fromString(json.readTree(created).get("id").asString());
        mvc.perform(post("/api/v1/terms/" + id + "/holidays")
                        .header("Authorization", auth)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"day\":\"2027-07-05\",\"name\":\"Independence Day (observed)\"}"))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.holidays[0].name", is("Independence Day (observed)")));

        var org = fixtures.northfield();
        var term = scheduling.term(org, code).orElseThrow();
        assertThat(term.termId()).isEqualTo(id);
        assertThat(term.part(PartOfTerm.FULL).orElseThrow().lastWithdraw()).isEqualTo(LocalDate.of(2027, 7, 10));
        assertThat(scheduling.part(org, id, PartOfTerm.FIRST_HALF)).isEmpty();
        assertThat(scheduling.isHoliday(org, id, LocalDate.of(2027, 7, 5))).isTrue();
        assertThat(scheduling.isHoliday(org, id, LocalDate.of(2027, 7, 6))).isFalse();
        // Another organization does not see it.
        assertThat(scheduling.term(fixtures.organization("harbor"), code)).isEmpty();

        await().atMost(java.time.Duration.ofSeconds(15))
                .untilAsserted(() -> assertThat(jdbc.sql("SELECT action FROM audit_entry WHERE subject_id = ?")
                                .param(id.toString())
                                .query(String.class)
                                .list())
                        .contains("term.saved", "term.holiday-changed"));
    }

    @Test
    void datesOutOfOrderAreRefusedWithTheFieldNamedAndNothingSaved() throws Exception {
        var auth = fixtures.token(Role.REGISTRAR);
        var code = SchedulingFixtures.unique("BAD");
        mvc.perform(post("/api/v1/terms")
                        .header("Authorization", auth)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(body(code, "2027-06-01", "2027-05-20", "FULL", "2027-06-01", "2027-08-13")))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[0].field", is("endsOn")));
        // Classes that run past the end of the term.
        mvc.perform(post("/api/v1/terms")
                        .header("Authorization", auth)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(body(code, "2027-06-01", "2027-08-20", "FULL", "2027-06-01", "2027-09-13")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field", is("parts[0].classesEnd")))
                .andExpect(jsonPath("$.detail", containsString("by the end of the term")));
        // A drop date before the add date.
        mvc.perform(post("/api/v1/terms")
                        .header("Authorization", auth)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(body(code, "2027-06-01", "2027-08-20", "FULL", "2027-06-01", "2027-08-13")
                                .replace("\"lastDrop\":\"2027-06-08\"", "\"lastDrop\":\"2027-06-02\"")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field", is("parts[0].lastDrop")));
        assertThat(terms.byCode(fixtures.northfield(), code)).isEmpty();
    }

    @Test
    void aCodeIsUniqueInTheOrganizationButNotAcrossOrganizations() throws Exception {
        var auth = fixtures.token(Role.REGISTRAR);
        var code = SchedulingFixtures.unique("DUP");
        var json = body(code, "2027-06-01", "2027-08-20", "FULL", "2027-06-01", "2027-08-13");
        mvc.perform(post("/api/v1/terms")
                        .header("Authorization", auth)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(json))
                .andExpect(status().isCreated());
        mvc.perform(post("/api/v1/terms")
                        .header("Authorization", auth)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(json))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field", is("code")))
                .andExpect(jsonPath("$.detail", containsString("another term already has the code")));
        // Harbor may use the same code.
        var harbor = fixtures.organization("harbor");
        var draft = new org.credo.scheduling.term.TermDraft(
                code,
                "Harbor summer",
                LocalDate.of(2027, 6, 1),
                LocalDate.of(2027, 8, 20),
                java.util.List.of(
                        SchedulingFixtures.part(PartOfTerm.FULL, LocalDate.of(2027, 6, 1), LocalDate.of(2027, 8, 13))));
        var elsewhere = terms.save(harbor, null, draft);
        // ...and Northfield's registrar cannot reach it.
        mvc.perform(get("/api/v1/terms/" + elsewhere.id()).header("Authorization", auth))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    }

    @Test
    void theTermFormKeepsWhatWasTypedAndMarksTheBadDate() throws Exception {
        var session = WebSessions.signIn(mvc, Role.REGISTRAR);
        mvc.perform(get("/manage/scheduling/terms/new").cookie(session))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Last day to drop (refund)")));
        var code = SchedulingFixtures.unique("UI");
        mvc.perform(post("/manage/scheduling/terms")
                        .cookie(session)
                        .with(csrf())
                        .param("code", code)
                        .param("name", "Winter <b>intersession</b>")
                        .param("startsOn", "2027-12-01")
                        .param("endsOn", "2028-01-20")
                        .param("parts[0].part", "FULL")
                        .param("parts[0].included", "true")
                        .param("parts[0].classesStart", "2027-12-01")
                        .param("parts[0].classesEnd", "2027-11-20")
                        .param("parts[0].lastAdd", "2027-12-03")
                        .param("parts[0].lastDrop", "2027-12-05")
                        .param("parts[0].lastWithdraw", "2027-12-15")
                        .param("parts[0].census", "2027-12-06")
                        .param("parts[0].gradesDue", "2027-12-23")
                        .param("parts[1].part", "FIRST_HALF")
                        .param("parts[2].part", "SECOND_HALF"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("The term was not saved")))
                .andExpect(content().string(containsString("Winter &lt;b&gt;intersession&lt;/b&gt;")))
                .andExpect(content().string(containsString("classes must end after they start")))
                .andExpect(content().string(containsString("id=\"parts0.classesEnd\"")));
        assertThat(terms.byCode(fixtures.northfield(), code)).isEmpty();

        var saved = mvc.perform(post("/manage/scheduling/terms")
                        .cookie(session)
                        .with(csrf())
                        .param("code", code)
                        .param("name", "Winter intersession")
                        .param("startsOn", "2027-12-01")
                        .param("endsOn", "2028-01-20")
                        .param("parts[0].part", "FULL")
                        .param("parts[1].part", "FIRST_HALF")
                        .param("parts[1].included", "true")
                        .param("parts[1].classesStart", "2027-12-01")
                        .param("parts[1].classesEnd", "2027-12-20")
                        .param("parts[1].lastAdd", "2027-12-03")
                        .param("parts[1].lastDrop", "2027-12-05")
                        .param("parts[1].lastWithdraw", "2027-12-15")
                        .param("parts[1].census", "2027-12-06")
                        .param("parts[1].gradesDue", "2027-12-23")
                        .param("parts[2].part", "SECOND_HALF"))
                .andExpect(status().is3xxRedirection())
                .andReturn()
                .getResponse()
                .getRedirectedUrl();
        var term = terms.byCode(fixtures.northfield(), code).orElseThrow();
        assertThat(saved).isEqualTo("/manage/scheduling/terms/" + term.id());
        assertThat(term.parts()).extracting(PartDates::part).containsExactly(PartOfTerm.FIRST_HALF);
        mvc.perform(get(saved).cookie(session))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("First half")))
                .andExpect(content().string(containsString("No sections yet")));
        // A holiday outside the term is refused, and the page says why.
        mvc.perform(post(saved + "/holidays")
                        .cookie(session)
                        .with(csrf())
                        .param("day", "2028-02-01")
                        .param("name", "Too late"))
                .andExpect(status().is3xxRedirection())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash()
                        .attribute("flashError", containsString("must fall within the term")));
        assertThat(terms.find(fixtures.northfield(), term.id()).holidays()).isEmpty();
    }
}
