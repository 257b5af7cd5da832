package org.credo.progress.batch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.ZoneId;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.credo.CredoTest;
import org.credo.WebSessions;
import org.credo.platform.Role;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/** A batch audit of the organization runs in the background, stores every result, and reuses unchanged ones. */
@CredoTest
class BatchAuditTest {

    @Autowired
    org.credo.DemoLearner demoLearner;

    @Autowired
    BatchAudits batches;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MockMvc mvc;

    @Test
    void aSecondRunReusesEveryResultWhoseInputsDidNotChange() throws Exception {
        var org = jdbc.sql("SELECT id FROM organization WHERE slug = 'northfield'")
                .query(UUID.class)
                .single();
        batches.start(org, ZoneId.of("UTC"), "Test registrar");
        Awaitility.await()
                .atMost(Duration.ofSeconds(60))
                .until(() -> batches.latest(org).orElseThrow().state().equals("DONE"));
        var first = batches.latest(org).orElseThrow();
        long stored = jdbc.sql("SELECT count(*) FROM audit_result WHERE organization_id = ?")
                .param(org)
                .query(Long.class)
                .single();
        assertThat(first.done()).isEqualTo(first.total()).isPositive();
        assertThat(stored).isPositive();
        assertThat(batches.count(org, "COMPLETE")
                        + batches.count(org, "CLOSE")
                        + batches.count(org, "ON_TRACK")
                        + batches.count(org, "BLOCKED"))
                .isEqualTo(stored);

        batches.start(org, ZoneId.of("UTC"), "Test registrar");
        Awaitility.await()
                .atMost(Duration.ofSeconds(60))
                .until(() -> batches.latest(org).orElseThrow().state().equals("DONE"));
        assertThat(batches.latest(org).orElseThrow().reused()).isEqualTo((int) stored);

        mvc.perform(get("/progress/batch").cookie(WebSessions.signIn(mvc, Role.REGISTRAR)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("unchanged since their last audit")))
                .andExpect(content().string(containsString(demoLearner.name())));
    }
}
