package org.credo.progress;

import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.UUID;
import org.credo.CredoTest;
import org.credo.WebSessions;
import org.credo.platform.Role;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/** The learner's progress page and API, the registrar's audit of any learner, and what-ifs. */
@CredoTest
class ProgressPagesTest {

    @Autowired
    org.credo.DemoLearner demoLearner;

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    org.credo.platform.tokens.ApiTokenService tokens;

    @Autowired
    org.credo.platform.people.Accounts accounts;

    UUID leo() {
        return jdbc.sql("SELECT l.id FROM learner l JOIN person p ON p.id = l.person_id"
                        + " WHERE p.email = 'learner@northfield.test'")
                .query(UUID.class)
                .single();
    }

    @Test
    void theLearnerSeesTheirAuditWithEveryCourseExplained() throws Exception {
        var session = WebSessions.signIn(mvc, Role.LEARNER);
        mvc.perform(get("/progress").cookie(session))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("My progress")))
                .andExpect(content().string(containsString("DATA 101")))
                .andExpect(content().string(containsString("Counts toward")))
                .andExpect(content().string(containsString("cumulative GPA")));
        var token = tokens.create(
                        accounts.loadUserByUsername(org.credo.platform.demo.DemoData.email(Role.LEARNER)),
                        new org.credo.platform.tokens.ApiTokenRequest("progress test", null, 1))
                .token();
        mvc.perform(get("/api/v1/me/audit").header("Authorization", "Bearer " + token))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.learnerName").value(demoLearner.name()))
                .andExpect(jsonPath("$.result.requirements[0].status").exists())
                .andExpect(jsonPath("$.result.courses[0].explanation").exists());
    }

    @Test
    void theRegistrarFindsALearnerAndRunsAWhatIfWithoutChangingTheRecord() throws Exception {
        var session = WebSessions.signIn(mvc, Role.REGISTRAR);
        mvc.perform(get("/progress/learners").param("q", "Leo").cookie(session))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("/progress/learners/" + leo())));
        mvc.perform(get("/progress/learners/{id}", leo())
                        .param("program", "BSC-DS")
                        .param("planned", "DATA 201, DATA 220")
                        .cookie(session))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("What-if audit")))
                .andExpect(content().string(containsString("Bachelor of Science in Data Science")))
                .andExpect(content().string(containsString("Data tools")));
        mvc.perform(get("/progress/learners/{id}", leo())
                        .param("planned", "NOPE 999")
                        .cookie(session))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("NOPE 999 is not in the catalog")));
    }
}
