package org.credo.credentials.signing;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/** RDFC-1.0 of a credential and of a proof configuration, with processed contexts reused and without. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class CanonicalizationBenchmark {

    private final RdfCanonicalizer canonicalizer = new RdfCanonicalizer(ContextStore.shipped());
    private final JsonObject credential = Json.createReader(new StringReader(
                    """
                    {"@context": ["https://www.w3.org/ns/credentials/v2",
                                  "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json"],
                     "id": "urn:uuid:6a4e3f8e-2f1c-4c55-9a59-0b2a4a6f7c11",
                     "type": ["VerifiableCredential", "OpenBadgeCredential"],
                     "name": "Certificate in Data Analysis",
                     "issuer": {"id": "did:key:z6MkrJVnaZkeFzdQyMZu1cgjg7k1pZZ6pvBQ7XJPt4swbTQ2", "type": ["Profile"],
                                "name": "Example State University", "url": "https://university.example/"},
                     "validFrom": "2026-06-01T12:00:00Z",
                     "credentialSubject": {"id": "did:example:learner-42", "type": ["AchievementSubject"],
                       "achievement": {"id": "https://university.example/achievements/data-analysis",
                         "type": ["Achievement"], "achievementType": "Certificate",
                         "name": "Certificate in Data Analysis",
                         "description": "Awarded for completing three courses in statistics and data analysis.",
                         "criteria": {"narrative": "Pass STAT 101, STAT 210 and DATA 300 with a grade of C or better."}}}}
                    """))
            .readObject();
    private final JsonObject proofConfig = Json.createReader(new StringReader(
                    """
                    {"type": "DataIntegrityProof", "cryptosuite": "eddsa-rdfc-2022", "created": "2026-06-01T12:00:00Z",
                     "verificationMethod": "did:key:z6MkrJVnaZkeFzdQyMZu1cgjg7k1pZZ6pvBQ7XJPt4swbTQ2#z6MkrJVnaZkeFzdQyMZu1cgjg7k1pZZ6pvBQ7XJPt4swbTQ2",
                     "proofPurpose": "assertionMethod",
                     "@context": ["https://www.w3.org/ns/credentials/v2",
                                  "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json"]}
                    """))
            .readObject();

    @Benchmark
    public String credentialReusingContexts() throws Exception {
        return canonicalizer.canonicalize(credential);
    }

    @Benchmark
    public String credentialUncached() throws Exception {
        return canonicalizer.canonicalizeUncached(credential);
    }

    @Benchmark
    public String proofConfigReusingContexts() throws Exception {
        return canonicalizer.canonicalize(proofConfig);
    }

    @Benchmark
    public String proofConfigUncached() throws Exception {
        return canonicalizer.canonicalizeUncached(proofConfig);
    }
}
