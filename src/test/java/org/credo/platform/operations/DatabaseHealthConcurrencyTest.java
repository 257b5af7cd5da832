package org.credo.platform.operations;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.springframework.boot.health.contributor.Status;

/** A busy server is not DOWN because its health checks overlap: they share the probe in flight. */
class DatabaseHealthConcurrencyTest {

    @Test
    void checksAskedForAtTheSameTimeAreAllUp() throws Exception {
        var database = new JdbcDataSource();
        database.setURL("jdbc:h2:mem:health-overlap;DB_CLOSE_DELAY=-1");
        try (var connection = database.getConnection();
                var statement = connection.createStatement()) {
            statement.execute("CREATE TABLE IF NOT EXISTS organization (id int)");
        }
        var health = new DatabaseHealth(database, Duration.ofSeconds(2));
        var threads = Executors.newFixedThreadPool(16);
        try {
            var checks = new ArrayList<Callable<Status>>();
            for (int i = 0; i < 400; i++) {
                checks.add(() -> health.health().getStatus());
            }
            for (var answer : threads.invokeAll(checks)) {
                assertThat(answer.get()).isEqualTo(Status.UP);
            }
        } finally {
            threads.shutdownNow();
            health.destroy();
        }
    }
}
