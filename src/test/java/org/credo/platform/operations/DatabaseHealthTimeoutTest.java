package org.credo.platform.operations;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.health.contributor.Status;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/** A database server that accepts the connection and never answers makes health DOWN quickly. */
class DatabaseHealthTimeoutTest {

    @Test
    void aDatabaseThatNeverAnswersIsDownWithinTheTimeout() throws Exception {
        // The kernel completes the TCP handshake from the backlog; nobody ever reads or answers.
        try (var silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            var url = "jdbc:postgresql://127.0.0.1:" + silent.getLocalPort() + "/credo";
            var health = new DatabaseHealth(new DriverManagerDataSource(url, "credo", ""), Duration.ofMillis(500));
            try {
                long start = System.nanoTime();
                var first = health.health();
                var firstTook = Duration.ofNanos(System.nanoTime() - start);
                assertThat(first.getStatus()).isEqualTo(Status.DOWN);
                assertThat(first.getDetails()).containsEntry("error", "no answer within 500 ms");
                assertThat(firstTook).isLessThan(Duration.ofSeconds(2));

                // The first probe is still stuck: the next answer comes at once instead of queueing.
                start = System.nanoTime();
                var second = health.health();
                assertThat(second.getStatus()).isEqualTo(Status.DOWN);
                assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(200));
            } finally {
                health.destroy();
            }
        }
    }
}
