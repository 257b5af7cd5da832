package org.credo.credentials.bulk;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.credo.CredoApplication;
import org.credo.credentials.achievement.AchievementDraft;
import org.credo.credentials.achievement.AchievementType;
import org.credo.credentials.achievement.Achievements;
import org.credo.credentials.signing.Cryptosuite;
import org.credo.platform.CredoUser;
import org.credo.platform.Role;
import org.credo.platform.demo.DemoData;
import org.springframework.boot.SpringApplication;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Bulk issuance end to end: a CSV of N rows is uploaded (validated, stored), then the application's
 * own worker signs, stores and allocates status indices for every row; the clock stops when the
 * job is DONE. Then it waits for the event outbox (audit trail entries of every credential) to drain.
 *
 * <p>Arguments: {@code rows=100000 suites=eddsa-jcs-2022,eddsa-rdfc-2022 send=false}; the database comes
 * from {@code CREDO_DB_URL} (default jdbc:postgresql://127.0.0.1:5432/credo_bench?reWriteBatchedInserts=true,
 * user postgres). With {@code send=true} the email outbox sender delivers claim emails while the job runs.
 */
public final class BulkIssuanceBenchmark {

    public static void main(String[] args) throws Exception {
        int rows = 100_000;
        boolean send = false;
        var suites = List.of(Cryptosuite.JCS, Cryptosuite.RDFC);
        for (var arg : args) {
            if (arg.startsWith("rows=")) {
                rows = Integer.parseInt(arg.substring(5));
            } else if (arg.startsWith("send=")) {
                send = Boolean.parseBoolean(arg.substring(5));
            } else if (arg.startsWith("suites=")) {
                suites = List.of(arg.substring(7).split(",")).stream()
                        .map(id -> Cryptosuite.byId(id).orElseThrow())
                        .toList();
            }
        }
        var app = new SpringApplication(CredoApplication.class);
        var context = app.run(
                "--spring.datasource.url=" + env("CREDO_DB_URL", "jdbc:postgresql://127.0.0.1:5432/credo_bench?reWriteBatchedInserts=true"),
                "--spring.datasource.username=" + env("CREDO_DB_USER", "postgres"),
                "--spring.datasource.password=" + env("CREDO_DB_PASSWORD", ""),
                "--server.port=0",
                // Unless send=true, claim emails are queued (that is part of issuing) but the outbox sender
                // waits: delivering them is measured on its own (bench/earner).
                "--credo.notifications.poll-millis=" + (send ? 2000 : 3_600_000),
                "--logging.level.root=WARN",
                "--logging.level.org.credo=INFO");
        try {
            var jdbc = context.getBean(JdbcClient.class);
            var bulk = context.getBean(BulkIssuance.class);
            var achievements = context.getBean(Achievements.class);
            var org = jdbc.sql("SELECT id FROM organization WHERE slug = 'northfield'")
                    .query(UUID.class)
                    .single();
            var email = DemoData.email(Role.REGISTRAR);
            var personId = jdbc.sql("SELECT id FROM person WHERE email = ?")
                    .param(email)
                    .query(UUID.class)
                    .single();
            var user = new CredoUser(
                    personId, email, "Rosa Registrar", org, "Northfield", "UTC", EnumSet.of(Role.REGISTRAR), null,
                    true, false);
            var name = "Benchmark Certificate " + UUID.randomUUID().toString().substring(0, 6);
            var draft = achievements.draft(
                    org,
                    new AchievementDraft(
                            name,
                            "Awarded for finishing the benchmark.",
                            "Run to the end.",
                            null,
                            AchievementType.Certificate,
                            new java.math.BigDecimal("3"),
                            "Computing",
                            List.of("bench"),
                            null,
                            List.of(new AchievementDraft.ResultDescription(
                                    "Final grade", "LetterGrade", List.of("A", "B", "C")))));
            achievements.publish(org, draft.id());
            System.out.printf(
                Locale.ROOT,
                "%n%d cores, %d rows per file, claim emails %s%n",
                Runtime.getRuntime().availableProcessors(),
                rows,
                send ? "sent while issuing" : "queued, sent later");
            for (var suite : suites) {
                var csv = csv(name, rows, suite);
                long t0 = System.nanoTime();
                var submission = bulk.submit(user, "bench.csv", csv, suite, null);
                long t1 = System.nanoTime();
                if (submission.job().status() != BulkJob.Status.QUEUED) {
                    throw new IllegalStateException("job not queued: " + bulk.errors(org, submission.job().id()));
                }
                var jobId = submission.job().id();
                BulkJob job;
                do {
                    Thread.sleep(200);
                    job = bulk.require(org, jobId);
                } while (!job.status().finished());
                long t2 = System.nanoTime();
                long outbox;
                do {
                    Thread.sleep(500);
                    outbox = jdbc.sql("SELECT count(*) FROM event_publication WHERE completion_date IS NULL")
                            .query(Long.class)
                            .single();
                } while (outbox > 0 && System.nanoTime() - t2 < Duration.ofMinutes(30).toNanos());
                long t3 = System.nanoTime();
                long issued = jdbc.sql("SELECT count(*) FROM issued_credential WHERE idempotency_key LIKE ?")
                        .param(jobId + ":%")
                        .query(Long.class)
                        .single();
                System.out.printf(
                        Locale.ROOT,
                        "%s: %s, %d issued; upload+validate+store %.1f s, issue %.1f s, CSV to DONE %.1f s (%.0f/s);"
                                + " audit outbox drained %.1f s later%n",
                        suite.id(),
                        job.status(),
                        issued,
                        seconds(t1 - t0),
                        seconds(t2 - t1),
                        seconds(t2 - t0),
                        issued / seconds(t2 - t0),
                        seconds(t3 - t2));
            }
        } finally {
            context.close();
        }
    }

    private static byte[] csv(String achievement, int rows, Cryptosuite suite) {
        var csv = new StringBuilder(rows * 120);
        csv.append("achievement,recipient_name,recipient_email,recipient_identifier,valid_until,evidence_url,"
                + "result_name,result_value\n");
        var tag = suite.name().toLowerCase(Locale.ROOT) + UUID.randomUUID().toString().substring(0, 6);
        for (int i = 0; i < rows; i++) {
            csv.append(achievement)
                    .append(",Learner ")
                    .append(i)
                    .append(",learner")
                    .append(i)
                    .append('.')
                    .append(tag)
                    .append("@example.test,S-")
                    .append(i)
                    .append(",2031-06-30,https://example.org/work/")
                    .append(i)
                    .append(",Final grade,")
                    .append("ABC".charAt(i % 3))
                    .append('\n');
        }
        return csv.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static double seconds(long nanos) {
        return nanos / 1e9;
    }

    private static String env(String name, String fallback) {
        var value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }

    private BulkIssuanceBenchmark() {}
}
