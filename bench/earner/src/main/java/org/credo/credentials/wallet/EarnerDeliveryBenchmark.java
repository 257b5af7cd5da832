package org.credo.credentials.wallet;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.credo.CredoApplication;
import org.credo.credentials.CredentialIssued;
import org.credo.credentials.achievement.AchievementDraft;
import org.credo.credentials.achievement.AchievementType;
import org.credo.credentials.achievement.Achievements;
import org.credo.credentials.issuance.Issuance;
import org.credo.credentials.issuance.IssueRequest;
import org.credo.credentials.issuance.IssuedCredential;
import org.credo.credentials.issuance.IssuedCredentials;
import org.credo.credentials.signing.Cryptosuite;
import org.credo.notifications.outbox.OutboxSender;
import org.credo.platform.ChangeStamp;
import org.credo.platform.config.CredoProperties;
import org.springframework.boot.SpringApplication;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What an earner receives, at scale: for a batch of N issued credentials (default 10,000) it measures
 *
 * <ol>
 *   <li>PDF certificates rendered per second (the organization's template, QR code, openhtmltopdf), on one thread and
 *       on every core;
 *   <li>claim emails queued per second: the claim-email listener as issuance runs it (claim link, template, outbox
 *       row), in transactions of 500;
 *   <li>claim emails delivered per second: the application's own outbox sender, on one thread and on every core,
 *       to a GreenMail SMTP server this harness starts, counted when GreenMail has received them.
 * </ol>
 *
 * <p>Arguments: {@code credentials=10000 pdfs=10000}; the database comes from {@code CREDO_DB_URL} (default
 * jdbc:postgresql://127.0.0.1:5432/credo_bench, user postgres), the SMTP port from {@code CREDO_BENCH_SMTP_PORT}
 * (default 3025).
 */
public final class EarnerDeliveryBenchmark {

    private static final int TRANSACTION = 500;

    public static void main(String[] args) throws Exception {
        int count = 10_000;
        int pdfs = -1;
        for (var arg : args) {
            if (arg.startsWith("credentials=")) {
                count = Integer.parseInt(arg.substring("credentials=".length()));
            } else if (arg.startsWith("pdfs=")) {
                pdfs = Integer.parseInt(arg.substring("pdfs=".length()));
            }
        }
        pdfs = pdfs < 0 ? count : Math.min(pdfs, count);
        int port = Integer.parseInt(env("CREDO_BENCH_SMTP_PORT", "3025"));
        var smtp = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP))
                .withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication());
        smtp.start();
        var app = new SpringApplication(CredoApplication.class);
        var context = app.run(
                "--spring.datasource.url=" + env("CREDO_DB_URL", "jdbc:postgresql://127.0.0.1:5432/credo_bench"),
                "--spring.datasource.username=" + env("CREDO_DB_USER", "postgres"),
                "--spring.datasource.password=" + env("CREDO_DB_PASSWORD", ""),
                "--server.port=0",
                "--credo.mail.transport=smtp",
                "--spring.mail.host=127.0.0.1",
                "--spring.mail.port=" + port,
                // The harness drives the outbox sender itself, so the schedule must not run meanwhile.
                "--credo.notifications.poll-millis=86400000",
                "--logging.level.root=WARN",
                "--logging.level.org.credo=WARN");
        int cores = Runtime.getRuntime().availableProcessors();
        try {
            var jdbc = context.getBean(JdbcClient.class);
            var issuance = context.getBean(Issuance.class);
            var credentials = context.getBean(IssuedCredentials.class);
            var certificates = context.getBean(Certificates.class);
            var claimEmails = context.getBean(ClaimEmails.class);
            var sender = context.getBean(OutboxSender.class);
            var transactions = context.getBean(TransactionTemplate.class);
            var properties = context.getBean(CredoProperties.class);
            var org = jdbc.sql("SELECT id FROM organization WHERE slug = 'northfield'")
                    .query(UUID.class)
                    .single();
            var achievement = achievement(context.getBean(Achievements.class), org);
            System.out.printf(Locale.ROOT, "%n%d cores, %d credentials, %d PDFs%n", cores, count, pdfs);

            // Issue the batch (this enqueues a claim email per credential, as production does).
            var tag = UUID.randomUUID().toString().substring(0, 6);
            var issued = new ArrayList<IssuedCredential>(count);
            long t0 = System.nanoTime();
            for (int from = 0; from < count; from += TRANSACTION) {
                var requests = new ArrayList<IssueRequest>();
                for (int i = from; i < Math.min(count, from + TRANSACTION); i++) {
                    requests.add(new IssueRequest(
                            achievement,
                            new IssueRequest.Recipient(
                                    "Learner " + i, "learner" + i + "." + tag + "@example.test", "S-" + i, null),
                            null,
                            null,
                            null,
                            null,
                            Cryptosuite.JCS));
                }
                issued.addAll(issuance.issueAll(org, requests, "Earner benchmark", null, null));
            }
            long t1 = System.nanoTime();
            System.out.printf(
                    Locale.ROOT,
                    "issue %d (eddsa-jcs-2022, with their claim emails queued): %.1f s, %.0f/s%n",
                    count,
                    seconds(t1 - t0),
                    count / seconds(t1 - t0));

            // (a) PDF certificates. CPU time of the rendering thread is reported too: on a shared, loaded machine it
            // tells what one quiet core would do (1000 / CPU ms per PDF).
            var threadCpu = java.lang.management.ManagementFactory.getThreadMXBean();
            var sample = issued.subList(0, pdfs);
            var details = sample.stream()
                    .map(c -> CredentialDetails.of(c.document()))
                    .toList();
            if (!sample.isEmpty()) {
                certificates.pdf(sample.get(0), details.get(0), verifyUrl(properties, sample.get(0))); // warm up
                long cpu0 = threadCpu.getCurrentThreadCpuTime();
                long p0 = System.nanoTime();
                long bytes = 0;
                for (int i = 0; i < sample.size(); i++) {
                    bytes += certificates.pdf(sample.get(i), details.get(i), verifyUrl(properties, sample.get(i)))
                            .length;
                }
                long p1 = System.nanoTime();
                long cpu1 = threadCpu.getCurrentThreadCpuTime();
                System.out.printf(
                        Locale.ROOT,
                        "PDF certificates, 1 thread: %d in %.1f s, %.1f/s (%.0f KB each; %.1f ms CPU each)%n",
                        sample.size(),
                        seconds(p1 - p0),
                        sample.size() / seconds(p1 - p0),
                        bytes / 1024.0 / sample.size(),
                        (cpu1 - cpu0) / 1e6 / sample.size());
                var pool = Executors.newFixedThreadPool(cores);
                var next = new AtomicInteger();
                long p2 = System.nanoTime();
                var futures = new ArrayList<Future<?>>();
                for (int t = 0; t < cores; t++) {
                    futures.add(pool.submit(() -> {
                        for (int i = next.getAndIncrement(); i < sample.size(); i = next.getAndIncrement()) {
                            certificates.pdf(sample.get(i), details.get(i), verifyUrl(properties, sample.get(i)));
                        }
                    }));
                }
                for (var future : futures) {
                    future.get();
                }
                long p3 = System.nanoTime();
                pool.shutdown();
                System.out.printf(
                        Locale.ROOT,
                        "PDF certificates, %d threads: %d in %.1f s, %.1f/s%n",
                        cores,
                        sample.size(),
                        seconds(p3 - p2),
                        sample.size() / seconds(p3 - p2));
            }

            // (b) Claim emails queued: forget the ones issuance queued, then queue them again as issuance does.
            var ids = issued.stream().map(IssuedCredential::id).toList();
            forgetClaims(jdbc, transactions, ids);
            long qcpu0 = threadCpu.getCurrentThreadCpuTime();
            long q0 = System.nanoTime();
            for (int from = 0; from < count; from += TRANSACTION) {
                var chunk = issued.subList(from, Math.min(count, from + TRANSACTION));
                transactions.executeWithoutResult(status -> {
                    for (var credential : chunk) {
                        claimEmails.on(new CredentialIssued(
                                ChangeStamp.now(org),
                                credential.id(),
                                credential.achievementName(),
                                credential.recipientName(),
                                credential.cryptosuite()));
                    }
                });
            }
            long q1 = System.nanoTime();
            long qcpu1 = threadCpu.getCurrentThreadCpuTime();
            System.out.printf(
                    Locale.ROOT,
                    "claim emails queued: %d in %.1f s, %.0f/s (%d in the outbox; %.2f ms CPU each in this JVM)%n",
                    count,
                    seconds(q1 - q0),
                    count / seconds(q1 - q0),
                    pending(jdbc, tag),
                    (qcpu1 - qcpu0) / 1e6 / count);

            // (b) Claim emails delivered through the outbox to GreenMail: one sender, then one per core.
            for (int threads : List.of(1, cores)) {
                if (threads != 1) {
                    requeue(jdbc, tag);
                }
                smtp.purgeEmailFromAllMailboxes();
                long d0 = System.nanoTime();
                var senders = Executors.newFixedThreadPool(threads);
                var running = new ArrayList<Future<Integer>>();
                for (int t = 0; t < threads; t++) {
                    running.add(senders.submit(sender::sendDue));
                }
                int tried = 0;
                for (var future : running) {
                    tried += future.get();
                }
                long d1 = System.nanoTime();
                long received = java.util.Arrays.stream(smtp.getReceivedMessages())
                        .filter(message -> recipients(message).endsWith("." + tag + "@example.test"))
                        .count();
                long sent = jdbc.sql("SELECT count(*) FROM email_outbox WHERE status = 'SENT' AND recipient LIKE ?")
                        .param("%." + tag + "@example.test")
                        .query(Long.class)
                        .single();
                senders.shutdown();
                System.out.printf(
                        Locale.ROOT,
                        "claim emails delivered, %d sender thread(s): %d tried, %d sent, %d received by GreenMail"
                                + " in %.1f s, %.0f/s%n",
                        threads,
                        tried,
                        sent,
                        received,
                        seconds(d1 - d0),
                        received / seconds(d1 - d0));
            }
            System.out.println("credentials kept: " + credentials.findAnywhere(ids.get(0)).isPresent());
        } finally {
            context.close();
            smtp.stop();
        }
    }

    private static UUID achievement(Achievements achievements, UUID org) {
        var draft = achievements.draft(
                org,
                new AchievementDraft(
                        "Earner Benchmark Certificate " + UUID.randomUUID().toString().substring(0, 6),
                        "Awarded for finishing the earner benchmark.",
                        "Run to the end and receive the email and the certificate.",
                        null,
                        AchievementType.Certificate,
                        null,
                        "Computing",
                        List.of("bench"),
                        null,
                        null));
        return achievements.publish(org, draft.id()).id();
    }

    private static void forgetClaims(JdbcClient jdbc, TransactionTemplate transactions, List<UUID> ids) {
        transactions.executeWithoutResult(status -> {
            for (int from = 0; from < ids.size(); from += TRANSACTION) {
                var chunk = ids.subList(from, Math.min(ids.size(), from + TRANSACTION));
                var marks = String.join(",", java.util.Collections.nCopies(chunk.size(), "?"));
                var keys = chunk.stream().map(id -> "credential-claim:" + id).toList();
                jdbc.sql("DELETE FROM email_outbox WHERE dedup_key IN (" + marks + ")")
                        .params(new ArrayList<Object>(keys))
                        .update();
                jdbc.sql("DELETE FROM credential_claim WHERE credential_id IN (" + marks + ")")
                        .params(new ArrayList<Object>(chunk))
                        .update();
            }
        });
    }

    private static void requeue(JdbcClient jdbc, String tag) {
        jdbc.sql("UPDATE email_outbox SET status = 'PENDING', attempts = 0, next_attempt_at = ?, sent_at = NULL"
                        + " WHERE recipient LIKE ?")
                .params(java.sql.Timestamp.from(java.time.Instant.now().minusSeconds(1)), "%." + tag + "@example.test")
                .update();
    }

    private static String recipients(jakarta.mail.internet.MimeMessage message) {
        try {
            return com.icegreen.greenmail.util.GreenMailUtil.getAddressList(message.getAllRecipients());
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static long pending(JdbcClient jdbc, String tag) {
        return jdbc.sql("SELECT count(*) FROM email_outbox WHERE status = 'PENDING' AND recipient LIKE ?")
                .param("%." + tag + "@example.test")
                .query(Long.class)
                .single();
    }

    private static String verifyUrl(CredoProperties properties, IssuedCredential credential) {
        return properties.link("/verify/" + credential.id());
    }

    private static double seconds(long nanos) {
        return nanos / 1e9;
    }

    private static String env(String name, String fallback) {
        var value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }

    private EarnerDeliveryBenchmark() {}
}
