package org.credo.registration;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Set;
import java.util.UUID;
import org.credo.CredoApplication;
import org.credo.CredoTest;
import org.credo.registration.enrollment.Enrollments;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Two Credo nodes on one database (this test's application context and a second one started beside it, on
 * PostgreSQL in CI): learners racing through both for the last seats never overbook a section, and a learner whose
 * retried request reaches the other node is enrolled once.
 */
@CredoTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TwoNodesRaceTest {

    static final Enrollments.Actor SELF = new Enrollments.Actor(null, "Racing learner", false);

    @Autowired
    RegistrationFixture fixture;

    @Autowired
    Enrollments here;

    @Autowired
    JdbcClient jdbc;

    ConfigurableApplicationContext otherNode;

    @BeforeAll
    void startTheOtherNode() {
        otherNode = new SpringApplicationBuilder(CredoApplication.class)
                .web(WebApplicationType.SERVLET)
                .properties("spring.main.banner-mode=off", "server.port=0")
                .run();
    }

    @AfterAll
    void stopTheOtherNode() {
        if (otherNode != null) {
            otherNode.close();
        }
    }

    @Test
    void learnersRacingThroughTwoNodesFillTheSeatsExactlyAndAreEnrolledOnce() throws Exception {
        var there = otherNode.getBean(Enrollments.class);
        var org = fixture.org();
        var term = fixture.openTerm(new BigDecimal("18"));
        var section = fixture.openSection(term, "MATH 120", "01", 7, 0, Set.of(DayOfWeek.FRIDAY), LocalTime.of(10, 0));
        var learners = new ArrayList<UUID>();
        for (int i = 0; i < 30; i++) {
            learners.add(fixture.learner("Node" + i));
        }
        // The same add through each node: a retried request that lands on the other one.
        var adds = new ArrayList<Runnable>();
        for (var learner : learners) {
            for (var node : new Enrollments[] {here, there}) {
                adds.add(() -> node.add(org, learner, section, SELF, null));
            }
        }
        var race = Race.run(adds);

        assertThat(race.other()).isEmpty();
        assertThat(fixture.enrolledRows(section)).isEqualTo(7);
        assertThat(fixture.seatsTaken(section)).isEqualTo(7);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM enrollment WHERE section_id = ?")
                        .param(section)
                        .query(Integer.class)
                        .single())
                .as("one row per learner, however many requests")
                .isEqualTo(7);
        assertThat(race.seated() + race.full()).isEqualTo(60);
    }
}
