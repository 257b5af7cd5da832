package org.credo.credentials.verification;

import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.credo.CredoApplication;
import org.credo.credentials.issuance.IssueRequest;
import org.credo.credentials.issuance.Issuance;
import org.credo.credentials.issuer.IssuancePolicy;
import org.credo.credentials.issuer.Issuers;
import org.credo.credentials.signing.Cryptosuite;
import org.credo.credentials.signing.ProofVerifier;
import org.credo.credentials.status.StatusListCredentials;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Verification as {@code POST /credentials/verify} does it, of a credential exactly as Credo issues it: the JSON text
 * is read with the document limits, checked as a VC 2.0 credential, its issuer's did:key resolved, its proof verified,
 * its validity window, its status entries against this server's signed status lists (each list's own proof checked),
 * and its conformance to the Open Badges 3.0 schema. The whole application runs (in-memory H2, demo mode); the
 * credential is issued by it to the demo's "Certificate in Data Analysis" with a grade, as the demo issues its own.
 *
 * <p>{@code entries=revocation}: the default issuance policy, one status entry (the suspension is read from the
 * record); {@code entries=both}: an organization that publishes suspension entries too. Each trial writes the
 * credential and its status lists to {@code target/fixtures/} for the Node verifier ({@code bench/node}).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class VerifyBenchmark {

    @Param({"eddsa-rdfc-2022", "eddsa-jcs-2022"})
    public String suite;

    @Param({"revocation", "both"})
    public String entries;

    private ConfigurableApplicationContext context;
    private CredentialVerifier verifier;
    private String credential;
    private ProofVerifier proofs;
    private JsonObject parsed;

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        context = new SpringApplication(CredoApplication.class)
                .run(
                        "--spring.datasource.url=jdbc:h2:mem:verify-bench-" + UUID.randomUUID()
                                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1",
                        "--credo.mode=demo",
                        "--server.port=0",
                        "--spring.main.banner-mode=off",
                        "--logging.level.root=WARN");
        var jdbc = context.getBean(JdbcClient.class);
        var issuers = context.getBean(Issuers.class);
        var org = jdbc.sql("SELECT id FROM organization WHERE slug = 'northfield'")
                .query(UUID.class)
                .single();
        var achievement = jdbc.sql("SELECT id FROM achievement WHERE organization_id = ? AND name = ?")
                .params(org, "Certificate in Data Analysis")
                .query(UUID.class)
                .list()
                .get(0);
        issuers.useDidMethodNow(org, "key");
        issuers.usePolicy(org, new IssuancePolicy(true, entries.equals("both")));
        var issued = context.getBean(Issuance.class)
                .issue(
                        org,
                        new IssueRequest(
                                achievement,
                                new IssueRequest.Recipient("Leo Learner", "learner@northfield.test", null, null),
                                null,
                                null,
                                null,
                                List.of(new IssueRequest.ResultValue("Final grade", "A")),
                                Cryptosuite.byId(suite).orElseThrow()),
                        "Rosa Registrar",
                        null);
        credential = issued.document();
        verifier = context.getBean(CredentialVerifier.class);
        proofs = context.getBean(ProofVerifier.class);
        parsed = jakarta.json.spi.JsonProvider.provider().createReader(new StringReader(credential)).readObject();
        var report = verifier.verify(credential);
        if (!report.verified()) {
            throw new IllegalStateException("the benchmark credential does not verify: " + report.checks());
        }
        fixtures(issued.revocation().listId(), issued.suspension().listId());
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        context.close();
    }

    /** The proof alone, of the parsed credential: what {@code SigningBenchmark.verify} measures. */
    @Benchmark
    public boolean proof(CpuTime cpu) {
        cpu.operations++;
        return proofs.verify(parsed).verified();
    }

    @Benchmark
    public VerificationReport verify(CpuTime cpu) {
        cpu.operations++;
        return verifier.verify(credential);
    }

    /**
     * The benchmark thread's own CPU time per iteration: on a machine shared with other work, verifications per CPU
     * second of that thread say what one quiet core would do, where the score (per wall-clock second) cannot.
     */
    @State(Scope.Thread)
    public static class CpuTime {
        private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
        long operations;
        private long start;
        private long wall;

        @Setup(Level.Iteration)
        public void start() {
            operations = 0;
            wall = System.nanoTime();
            start = THREADS.getCurrentThreadCpuTime();
        }

        @TearDown(Level.Iteration)
        public void stop() {
            long cpu = THREADS.getCurrentThreadCpuTime() - start;
            System.out.printf(
                    Locale.ROOT,
                    "  [%,d verifications, %.2f s CPU of this thread in %.2f s: %,.0f per CPU second]%n",
                    operations,
                    cpu / 1e9,
                    (System.nanoTime() - wall) / 1e9,
                    operations / (cpu / 1e9));
        }
    }

    /** The credential and its signed status lists, by URL, for the Node verifier. */
    private void fixtures(UUID... lists) throws IOException {
        var dir = Path.of("target", "fixtures");
        Files.createDirectories(dir);
        var name = suite + "-" + entries;
        Files.writeString(dir.resolve(name + ".json"), credential, StandardCharsets.UTF_8);
        var statusLists = context.getBean(StatusListCredentials.class);
        var out = new StringBuilder("{");
        for (var id : lists) {
            var signed = statusLists.current(id).orElseThrow();
            var url = jakarta.json.Json.createReader(new java.io.StringReader(signed.json()))
                    .readObject()
                    .getString("id");
            out.append(out.length() > 1 ? "," : "")
                    .append(jakarta.json.Json.createValue(url))
                    .append(':')
                    .append(signed.json());
        }
        Files.writeString(dir.resolve(name + "-status.json"), out.append('}'), StandardCharsets.UTF_8);
    }

}
