package org.credo.catalog;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.UUID;
import org.credo.CredoTest;
import org.credo.WebSessions;
import org.credo.platform.Role;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/** Staff read rules in words (the public catalog's words), never as JSON: proposal, course and program pages. */
@CredoTest
class RulesInWordsTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    UUID id(String sql, String value) {
        return jdbc.sql(sql).param(value).query(UUID.class).single();
    }

    @Test
    void theCommitteeReadsAProposedPrerequisiteInWords() throws Exception {
        var proposal = id("SELECT id FROM catalog_proposal WHERE title = ?", "Add Data Ethics (DATA 250)");
        mvc.perform(get("/manage/catalog/proposals/" + proposal).cookie(WebSessions.signIn(mvc, Role.COMMITTEE_MEMBER)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Rules in words")))
                .andExpect(content().string(containsString("<p class=\"mb-1 rule-proposed\">DATA 101</p>")))
                .andExpect(content().string(not(containsString("\"type\""))));
    }

    @Test
    void coursePagesShowPrerequisitesAsASentenceAndProgramPagesAsATree() throws Exception {
        var committee = WebSessions.signIn(mvc, Role.COMMITTEE_MEMBER);
        var org = new CatalogFixtures(jdbc).northfield();
        var course = jdbc.sql(
                        "SELECT id FROM catalog_course WHERE organization_id = ? AND subject = 'DATA' AND number = '301'")
                .param(org)
                .query(UUID.class)
                .single();
        mvc.perform(get("/manage/catalog/courses/" + course).cookie(committee))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("DATA 201 or DATA 220")))
                .andExpect(content().string(not(containsString("Any one of"))));

        var program = jdbc.sql("SELECT id FROM catalog_program WHERE organization_id = ? AND code = 'BSC-DS'")
                .param(org)
                .query(UUID.class)
                .single();
        var math = jdbc.sql(
                        "SELECT id FROM catalog_course WHERE organization_id = ? AND subject = 'MATH' AND number = '220'")
                .param(org)
                .query(UUID.class)
                .single();
        mvc.perform(get("/manage/catalog/programs/" + program).cookie(committee))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Data tools: Choose 2 of:")))
                .andExpect(
                        content()
                                .string(
                                        containsString(
                                                "Upper-level electives: At least 6 credits in DATA or CS courses numbered 300 or above")))
                // Courses link to their staff page.
                .andExpect(content().string(containsString("href=\"/manage/catalog/courses/" + math + "\"")))
                .andExpect(content().string(not(containsString("\"type\""))));
    }
}
