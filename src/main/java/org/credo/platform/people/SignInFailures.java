package org.credo.platform.people;

import java.time.Instant;
import org.credo.platform.Timestamps;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Failed password sign-ins per subject (a digest of an email or of a source network). */
@Repository
class SignInFailures {

    /** How many failures a subject had since when, and until when its password sign-in is paused. */
    record Tally(
            int failures, Instant countedSince, @Nullable Instant pausedUntil) {

        boolean pausedAt(Instant now) {
            return pausedUntil != null && pausedUntil.isAfter(now);
        }
    }

    private final JdbcClient jdbc;

    SignInFailures(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Whether either subject is paused; one query, the same for an email that exists and one that does not. */
    boolean anyPaused(String first, String second, Instant now) {
        return jdbc.sql("SELECT count(*) FROM sign_in_throttle WHERE subject IN (?, ?) AND paused_until > ?")
                        .params(first, second, Timestamps.sql(now))
                        .query(Long.class)
                        .single()
                > 0;
    }

    /** Whether one subject is paused. */
    boolean paused(String subject, Instant now) {
        return jdbc.sql("SELECT count(*) FROM sign_in_throttle WHERE subject = ? AND paused_until > ?")
                        .params(subject, Timestamps.sql(now))
                        .query(Long.class)
                        .single()
                > 0;
    }

    /** The subject's tally, created when missing, locked for the rest of the transaction. */
    Tally lock(String subject, Instant now) {
        // ON CONFLICT DO NOTHING: two first failures at once both find the row, neither fails.
        jdbc.sql(
                        "INSERT INTO sign_in_throttle (subject, failures, counted_since) VALUES (?, 0, ?) ON CONFLICT DO NOTHING")
                .params(subject, Timestamps.sql(now))
                .update();
        return jdbc.sql(
                        "SELECT failures, counted_since, paused_until FROM sign_in_throttle WHERE subject = ? FOR UPDATE")
                .param(subject)
                .query((rs, n) -> new Tally(
                        rs.getInt(1),
                        rs.getTimestamp(2).toInstant(),
                        rs.getTimestamp(3) == null ? null : rs.getTimestamp(3).toInstant()))
                .single();
    }

    void save(String subject, Tally tally) {
        jdbc.sql("UPDATE sign_in_throttle SET failures = ?, counted_since = ?, paused_until = ? WHERE subject = ?")
                .params(
                        tally.failures(),
                        Timestamps.sql(tally.countedSince()),
                        Timestamps.sql(tally.pausedUntil()),
                        subject)
                .update();
    }

    void forget(String subject) {
        jdbc.sql("DELETE FROM sign_in_throttle WHERE subject = ?")
                .param(subject)
                .update();
    }

    /** Removes tallies that no longer count nor pause anything. */
    int forgetBefore(Instant cutoff) {
        return jdbc.sql(
                        "DELETE FROM sign_in_throttle WHERE counted_since < ? AND (paused_until IS NULL OR paused_until < ?)")
                .params(Timestamps.sql(cutoff), Timestamps.sql(cutoff))
                .update();
    }
}
