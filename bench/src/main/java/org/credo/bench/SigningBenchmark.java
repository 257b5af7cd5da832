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

    /**
     * {@code minimal}: an Open Badges credential with one blank node (its criteria); {@code as-issued}: a credential
     * as Credo issues it from a CSV row, with hashed and plain identity objects, alignment, result description,
     * result and two status entries (nine blank nodes).
     */
    @Param({"minimal", "as-issued"})
    public String credential;

    private long seconds;

    private final DataIntegrity dataIntegrity = DataIntegrity.offline();
    private final Ed25519KeyPair key = Ed25519KeyPair.generate();
    private static final Instant START = Instant.parse("2026-06-01T12:00:00Z");
    private JsonObject unsigned;
    private JsonObject signed;

    @Setup(Level.Trial)
    public void setUp() {
        String template = this.credential.equals("as-issued") ? AS_ISSUED : CREDENTIAL;
        unsigned = Json.createReader(new StringReader(template.formatted(key.didKey().did())))
                .readObject();
        signed = dataIntegrity.sign(unsigned, suite, key, START);
        if (!dataIntegrity.verify(signed).verified()) {
            throw new IllegalStateException("benchmark credential does not verify");
        }
    }

    @Benchmark
    public JsonObject sign() {
        Instant when = created.equals("same-second") ? START : START.plusSeconds(seconds++);
        return dataIntegrity.sign(unsigned, suite, key, when);
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

    private static final String AS_ISSUED =
            """
            {
             "@context": [
              "https://www.w3.org/ns/credentials/v2",
              "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json"
             ],
             "id": "urn:uuid:ca3040b7-3957-48fb-913d-0dd2d60dedf0",
             "type": [
              "VerifiableCredential",
              "OpenBadgeCredential"
             ],
             "name": "Certificate in Data Analysis",
             "issuer": {
              "id": "%s",
              "type": [
               "Profile"
              ],
              "name": "Northfield College",
              "url": "https://northfield.test",
              "email": "registrar@northfield.test"
             },
             "validFrom": "2026-12-04T14:39:21Z",
             "credentialSubject": {
              "type": [
               "AchievementSubject"
              ],
              "identifier": [
               {
                "type": "IdentityObject",
                "hashed": true,
                "identityHash": "sha256$ed15b360ea9c488a05b95d697108b040aebbf6b52732d2bbcc53a1571440f3ad",
                "identityType": "emailAddress",
                "salt": "9620c171f00e21b4"
               },
               {
                "type": "IdentityObject",
                "hashed": false,
                "identityHash": "Leo Learner",
                "identityType": "name"
               }
              ],
              "achievement": {
               "id": "http://localhost:8080/achievements/147c3858-30b3-405a-9ac2-5eb8c2e16b30",
               "type": [
                "Achievement"
               ],
               "achievementType": "Certificate",
               "name": "Certificate in Data Analysis",
               "description": "Recognizes the ability to clean, analyse and present data with spreadsheets, SQL and Python.",
               "criteria": {
                "narrative": "Complete Data Foundations, SQL for Analysts and Python for Data with a grade of C or better."
               },
               "creditsAvailable": 9.0,
               "fieldOfStudy": "Data Science",
               "tag": [
                "data",
                "sql",
                "python"
               ],
               "alignment": [
                {
                 "type": [
                  "Alignment"
                 ],
                 "targetName": "Data analysis",
                 "targetUrl": "https://northfield.test/outcomes/data-analysis",
                 "targetCode": "DA-1"
                }
               ],
               "resultDescription": [
                {
                 "id": "http://localhost:8080/achievements/147c3858-30b3-405a-9ac2-5eb8c2e16b30#result-1",
                 "type": [
                  "ResultDescription"
                 ],
                 "name": "Final grade",
                 "resultType": "LetterGrade",
                 "allowedValue": [
                  "A",
                  "B",
                  "C"
                 ]
                }
               ]
              },
              "result": [
               {
                "type": [
                 "Result"
                ],
                "resultDescription": "http://localhost:8080/achievements/147c3858-30b3-405a-9ac2-5eb8c2e16b30#result-1",
                "value": "A"
               }
              ]
             },
             "credentialStatus": [
              {
               "id": "http://localhost:8080/status/42a26184-5427-4a39-8444-ff5304abd3cb#98941",
               "type": "BitstringStatusListEntry",
               "statusPurpose": "revocation",
               "statusListIndex": "98941",
               "statusListCredential": "http://localhost:8080/status/42a26184-5427-4a39-8444-ff5304abd3cb"
              },
              {
               "id": "http://localhost:8080/status/168064a6-f9b8-4d88-86da-96e9b2f91f33#39612",
               "type": "BitstringStatusListEntry",
               "statusPurpose": "suspension",
               "statusListIndex": "39612",
               "statusListCredential": "http://localhost:8080/status/168064a6-f9b8-4d88-86da-96e9b2f91f33"
              }
             ]
            }
            """;
}
