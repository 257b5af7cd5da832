package org.credo;

import java.util.UUID;
import org.credo.learners.LearnerStatus;
import org.credo.learners.Learners;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The demo learner (learner@northfield.test) as tests find them: by their email, not by a name that other tests may
 * change (one sets their preferred name).
 */
@Component
public class DemoLearner {

    private final JdbcClient jdbc;
    private final Learners learners;

    DemoLearner(JdbcClient jdbc, Learners learners) {
        this.jdbc = jdbc;
        this.learners = learners;
    }

    public UUID organization() {
        return jdbc.sql("SELECT id FROM organization WHERE slug = 'northfield'")
                .query(UUID.class)
                .single();
    }

    /** The demo learner's record in Northfield. */
    public UUID id() {
        return learners.addressees(organization(), null, LearnerStatus.ACTIVE, 500).stream()
                .filter(a -> a.emails().contains("learner@northfield.test"))
                .findFirst()
                .orElseThrow()
                .learnerId();
    }

    /** The name pages show for the demo learner now. */
    public String name() {
        return learners.find(organization(), id()).orElseThrow().name();
    }
}
