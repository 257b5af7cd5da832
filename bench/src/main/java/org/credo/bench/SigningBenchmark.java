package org.credo.bench;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.credo.credentials.signing.Cryptosuite;
import org.credo.credentials.signing.DataIntegrity;
import org.credo.credentials.signing.Ed25519KeyPair;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Sign and verify throughput of an Open Badges 3.0 credential, per cryptosuite. Run with {@code -t 1} for one
 * thread and {@code -t max} for all cores.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class SigningBenchmark {

    @Param({"RDFC", "JCS"})
    public Cryptosuite suite;

    /**
     * {@code same-second}: every proof has the same {@code created}, as in bulk issuance within one second;
     * {@code every-second}: each proof a different {@code created}, the worst case.
     */
    @Param({"same-second", "every-second"})
    public String created;

    private long seconds;

    private final DataIntegrity dataIntegrity = DataIntegrity.offline();
    private final Ed25519KeyPair key = Ed25519KeyPair.generate();
    private static final Instant START = Instant.parse("2026-06-01T12:00:00Z");
    private JsonObject credential;
    private JsonObject signed;

    @Setup(Level.Trial)
    public void setUp() {
        credential = Json.createReader(new StringReader(CREDENTIAL.formatted(key.didKey().did())))
                .readObject();
        signed = dataIntegrity.sign(credential, suite, key, START);
        if (!dataIntegrity.verify(signed).verified()) {
            throw new IllegalStateException("benchmark credential does not verify");
        }
    }

    @Benchmark
    public JsonObject sign() {
        Instant when = created.equals("same-second") ? START : START.plusSeconds(seconds++);
        return dataIntegrity.sign(credential, suite, key, when);
    }

    @Benchmark
    public boolean verify() {
        return dataIntegrity.verify(signed).verified();
    }

    private static final String CREDENTIAL =
            """
            {
              "@context": [
                "https://www.w3.org/ns/credentials/v2",
                "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json"
              ],
              "id": "urn:uuid:6a4e3f8e-2f1c-4c55-9a59-0b2a4a6f7c11",
              "type": ["VerifiableCredential", "OpenBadgeCredential"],
              "name": "Certificate in Data Analysis",
              "issuer": {
                "id": "%s",
                "type": ["Profile"],
                "name": "Example State University",
                "url": "https://university.example/"
              },
              "validFrom": "2026-06-01T12:00:00Z",
              "credentialSubject": {
                "id": "did:example:learner-42",
                "type": ["AchievementSubject"],
                "achievement": {
                  "id": "https://university.example/achievements/data-analysis",
                  "type": ["Achievement"],
                  "achievementType": "Certificate",
                  "name": "Certificate in Data Analysis",
                  "description": "Awarded for completing three courses in statistics and data analysis.",
                  "criteria": {"narrative": "Pass STAT 101, STAT 210 and DATA 300 with a grade of C or better."}
                }
              }
            }
            """;
}
