package org.credo.platform.operations;

import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * The database as the pages see it: UP only when a query on one of Credo's own tables answers within
 * {@link #TIMEOUT}. Named {@code dbHealthIndicator} to take the place of Spring Boot's check, which only
 * asks the driver whether a connection is valid: an embedded H2 that had closed its database, or a new
 * empty one, passed it while every page failed. The readiness group includes it (application.yml).
 */
@Component("dbHealthIndicator")
class DatabaseHealth implements HealthIndicator, DisposableBean {

    static final Duration TIMEOUT = Duration.ofSeconds(2);

    // Reads a real table, so a database without Credo's schema is DOWN too; LIMIT 1 keeps it cheap.
    static final String QUERY = "SELECT 1 FROM organization LIMIT 1";

    private final DataSource dataSource;
    private final Duration timeout;

    // One thread: a probe stuck on an unreachable database must not pile up threads behind it.
    private final ExecutorService prober = Executors.newSingleThreadExecutor(r -> {
        var thread = new Thread(r, "database-health");
        thread.setDaemon(true);
        return thread;
    });

    private @Nullable Future<?> running;

    private long runningSince;

    @Autowired
    DatabaseHealth(DataSource dataSource) {
        this(dataSource, TIMEOUT);
    }

    DatabaseHealth(DataSource dataSource, Duration timeout) {
        this.dataSource = dataSource;
        this.timeout = timeout;
    }

    @Override
    public Health health() {
        Future<?> probe;
        long waitNanos;
        synchronized (this) {
            long now = System.nanoTime();
            if (running == null || running.isDone()) {
                running = prober.submit(() -> {
                    query();
                    return null;
                });
                runningSince = now;
            }
            // Checks asked for at the same time share the probe in flight, up to its own deadline: a busy server (a
            // load balancer and a crawler asking at once) is not DOWN because its checks overlap, and a probe stuck
            // past the timeout answers DOWN at once instead of making every caller wait again.
            waitNanos = timeout.toNanos() - (now - runningSince);
            if (waitNanos <= 0) {
                return Health.down()
                        .withDetail("error", "an earlier check is still waiting for the database")
                        .build();
            }
            probe = running;
        }
        try {
            probe.get(waitNanos, TimeUnit.NANOSECONDS);
            return Health.up().withDetail("query", QUERY).build();
        } catch (TimeoutException e) {
            return Health.down()
                    .withDetail("error", "no answer within " + timeout.toMillis() + " ms")
                    .build();
        } catch (ExecutionException e) {
            return Health.down(e.getCause() instanceof Exception cause ? cause : e)
                    .withDetail("query", QUERY)
                    .build();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Health.down().withDetail("error", "interrupted").build();
        }
    }

    private void query() throws java.sql.SQLException {
        try (var connection = dataSource.getConnection();
                var statement = connection.prepareStatement(QUERY)) {
            statement.setQueryTimeout((int) Math.max(1, timeout.toSeconds()));
            try (var rows = statement.executeQuery()) {
                rows.next();
            }
        }
    }

    @Override
    public void destroy() {
        prober.shutdownNow();
    }
}
