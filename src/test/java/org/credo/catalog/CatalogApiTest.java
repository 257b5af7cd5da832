package org.credo.catalog;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.UUID;
import org.credo.CredoTest;
import org.credo.WebSessions;
import org.credo.platform.Role;
import org.credo.platform.demo.DemoData;
import org.credo.platform.people.Accounts;
import org.credo.platform.tokens.ApiTokenRequest;
import org.credo.platform.tokens.ApiTokenService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/** The catalog REST API and staff pages over HTTP, with real tokens and sessions. */
@CredoTest
class CatalogApiTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    Accounts accounts;

    @Autowired
    ApiTokenService tokens;

    @Autowired
    JdbcClient jdbc;

    String token(Role role) {
        return "Bearer "
                + tokens.create(
                                accounts.loadUserByUsername(DemoData.email(role)),
                                new ApiTokenRequest("catalog api " + role, null, 1))
                        .token();
    }

    @Test
    void coursesListWithPagingAndHistory() throws Exception {
        var auth = token(Role.INTEGRATOR);
        mvc.perform(get("/api/v1/catalog/courses")
                        .param("q", "data 2")
                        .param("size", "1")
                        .header("Authorization", auth))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.size", is(1)))
                .andExpect(jsonPath("$.items[0].code", containsString("DATA 2")));
        mvc.perform(get("/api/v1/catalog/courses/DATA-201/versions").header("Authorization", auth))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[0].version", is(1)))
                .andExpect(jsonPath("$[0].content.prerequisites.type", is("course")))
                .andExpect(jsonPath("$[0].content.prerequisites.course", is("DATA 101")));
        mvc.perform(get("/api/v1/catalog/programs/BSC-DS").header("Authorization", auth))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.content.requirements.items[1].type", is("choose")))
                .andExpect(jsonPath("$.content.requirements.items[2].minNumber", is(300)));
        mvc.perform(get("/api/v1/catalog/courses/DATA-201/impact").header("Authorization", auth))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("MC-SQL")));
    }

    @Test
    void editingAPublishedVersionInPlaceIsRefusedAndChangesNothing() throws Exception {
        var before = jdbc.sql("SELECT title FROM catalog_course_version v JOIN catalog_course c ON c.id = v.course_id "
                        + "WHERE c.subject = 'DATA' AND c.number = '101' AND v.version = 1")
                .query(String.class)
                .single();
        mvc.perform(put("/api/v1/catalog/courses/DATA-101/versions/1")
                        .header("Authorization", token(Role.CURRICULUM_AUTHOR))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"title\":\"Changed in place\"}"))
                .andExpect(status().isConflict())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.title", is("Published versions cannot change")))
                .andExpect(jsonPath(
                        "$.detail", containsString("DATA 101 version 1 is published and can never be edited")));
        org.assertj.core.api.Assertions.assertThat(jdbc.sql(
                                "SELECT title FROM catalog_course_version v JOIN catalog_course c ON c.id = v.course_id "
                                        + "WHERE c.subject = 'DATA' AND c.number = '101' AND v.version = 1")
                        .query(String.class)
                        .single())
                .isEqualTo(before);
    }

    @Test
    void aProposalIsCreatedOnceForOneIdempotencyKeyAndBadContentIsAProblem() throws Exception {
        var auth = token(Role.CURRICULUM_AUTHOR);
        var number = 100 + Math.abs(UUID.randomUUID().hashCode() % 800);
        var body = """
                {"kind":"COURSE","action":"CREATE","title":"Add API course","effectiveFrom":"2030-01-01",
                 "content":{"subject":"APIX","number":"%d","title":"Via the API","credits":3,"description":"d",
                   "outcomes":["o"],"prerequisites":{"type":"course","course":"DATA 101"}}}""".formatted(number);
        var key = UUID.randomUUID().toString();
        var created = mvc.perform(post("/api/v1/catalog/proposals")
                        .header("Authorization", auth)
                        .header("Idempotency-Key", key)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(body))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.proposal.status", is("DRAFT")))
                .andExpect(jsonPath("$.diff[0].field", is("Code")))
                .andReturn()
                .getResponse()
                .getContentAsString();
        mvc.perform(post("/api/v1/catalog/proposals")
                        .header("Authorization", auth)
                        .header("Idempotency-Key", key)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(body))
                .andExpect(status().isOk())
                .andExpect(jsonPath(
                        "$.proposal.id",
                        is(com.jayway.jsonpath.JsonPath.read(created, "$.proposal.id")
                                .toString())));
        mvc.perform(post("/api/v1/catalog/proposals")
                        .header("Authorization", auth)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(body.replace("\"DATA 101\"", "\"APIX " + number + "\"")
                                .replace("APIX\",\"number\":\"" + number, "APIY\",\"number\":\"" + number)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field", is("prerequisites")))
                .andExpect(jsonPath("$.errors[0].message", containsString("which is not a course in the catalog")));
    }

    @Test
    void staffPagesShowCoursesProgramsAndTheDemoProposalInReview() throws Exception {
        var committee = WebSessions.signIn(mvc, Role.COMMITTEE_MEMBER);
        mvc.perform(get("/manage/catalog/courses").cookie(committee))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("SQL for Analysts")));
        mvc.perform(get("/manage/catalog/programs").param("q", "data science").cookie(committee))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Bachelor of Science in Data Science")));
        // htmx search gets only the results, not the whole page.
        mvc.perform(get("/manage/catalog/courses")
                        .param("q", "statistics")
                        .header("HX-Request", "true")
                        .cookie(committee))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Statistics II")))
                .andExpect(content().string(org.hamcrest.Matchers.not(containsString("SQL for Analysts"))))
                .andExpect(content().string(org.hamcrest.Matchers.not(containsString("<nav"))));
        mvc.perform(get("/manage/catalog/proposals").param("filter", "AWAITING").cookie(committee))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Add Data Ethics (DATA 250)")));
        var id = jdbc.sql("SELECT id FROM catalog_proposal WHERE title = 'Add Data Ethics (DATA 250)'")
                .query(UUID.class)
                .single();
        mvc.perform(get("/manage/catalog/proposals/" + id).cookie(committee))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Record decision")))
                .andExpect(content().string(containsString("Added: </span>+ <span>Data Ethics")));
        mvc.perform(get("/manage/catalog/chain").cookie(WebSessions.signIn(mvc, Role.ADMINISTRATOR)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Registrar sign-off")));
    }

    @Test
    void theProposalFormKeepsInputAndShowsProblemsInPlainWords() throws Exception {
        var author = WebSessions.signIn(mvc, Role.CURRICULUM_AUTHOR);
        var before = jdbc.sql("SELECT COUNT(*) FROM catalog_proposal")
                .query(Long.class)
                .single();
        mvc.perform(
                        post("/manage/catalog/proposals")
                                .cookie(author)
                                .with(org.springframework.security.test.web.servlet.request
                                        .SecurityMockMvcRequestPostProcessors.csrf())
                                .param("kind", "COURSE")
                                .param("action", "MODIFY")
                                .param("item", "DATA 101")
                                .param("title", "Make DATA 101 need SQL")
                                .param("effectiveFrom", "2030-01-01")
                                .param("c.subject", "DATA")
                                .param("c.number", "101")
                                .param("c.title", "Data Foundations")
                                .param("c.credits", "3")
                                .param("c.description", "Spreadsheets.")
                                .param("c.outcomes", "One\nTwo")
                                .param("c.prerequisites", "{\"type\":\"course\",\"course\":\"DATA 201\"}"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("The proposal was not saved")))
                .andExpect(content().string(containsString("circular prerequisites: DATA 101 → DATA 201 → DATA 101")))
                .andExpect(content().string(containsString("value=\"Make DATA 101 need SQL\"")));
        org.assertj.core.api.Assertions.assertThat(jdbc.sql("SELECT COUNT(*) FROM catalog_proposal")
                        .query(Long.class)
                        .single())
                .isEqualTo(before);
    }
}
