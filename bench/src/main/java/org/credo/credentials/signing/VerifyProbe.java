package org.credo.credentials.signing;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.time.Instant;

/** Rough timing of the parts of verification (a probe, not a benchmark). */
public final class VerifyProbe {
    public static void main(String[] args) throws Exception {
        Ed25519KeyPair key = Ed25519KeyPair.generate();
        DataIntegrity di = DataIntegrity.offline();
        JsonObject credential = Json.createReader(new StringReader(
                        "{\"@context\":[\"https://www.w3.org/ns/credentials/v2\",\"https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json\"],"
                                + "\"id\":\"urn:uuid:1\",\"type\":[\"VerifiableCredential\",\"OpenBadgeCredential\"],\"issuer\":{\"id\":\""
                                + key.didKey().did() + "\",\"type\":[\"Profile\"],\"name\":\"U\"},\"validFrom\":\"2026-06-01T12:00:00Z\","
                                + "\"credentialSubject\":{\"type\":[\"AchievementSubject\"],\"achievement\":{\"id\":\"https://u.example/a\",\"type\":[\"Achievement\"],\"name\":\"A\",\"criteria\":{\"narrative\":\"n\"}}}}"))
                .readObject();
        JsonObject signed = di.sign(credential, Cryptosuite.RDFC, key, Instant.now());
        RdfCanonicalizer c = new RdfCanonicalizer(ContextStore.shipped());
        JsonObject unsigned = JsonValues.without(signed, "proof");
        JsonObject proofConfig = JsonValues.copy(signed.getJsonArray("proof").getJsonObject(0))
                .remove("proofValue")
                .add("@context", signed.get("@context"))
                .build();
        for (int round = 0; round < 5; round++) {
            long t0 = System.nanoTime();
            for (int i = 0; i < 2000; i++) c.canonicalize(credential);
            long t1 = System.nanoTime();
            for (int i = 0; i < 2000; i++) c.canonicalize(unsigned);
            long t2 = System.nanoTime();
            for (int i = 0; i < 2000; i++) c.canonicalize(proofConfig);
            long t3 = System.nanoTime();
            for (int i = 0; i < 2000; i++) di.verify(signed);
            long t4 = System.nanoTime();
            for (int i = 0; i < 2000; i++) di.sign(credential, Cryptosuite.RDFC, key, Instant.now());
            long t5 = System.nanoTime();
            for (int i = 0; i < 2000; i++) key.sign(new byte[64]);
            long t6 = System.nanoTime();
            for (int i = 0; i < 2000; i++) Ed25519KeyPair.verify(key.publicKey(), new byte[64], new byte[64]);
            long t7 = System.nanoTime();
            System.out.printf("credential %d us, unsigned %d us, proofConfig %d us, verify %d us, sign %d us, ed-sign %d us, ed-verify %d us%n",
                    (t1 - t0) / 2000000, (t2 - t1) / 2000000, (t3 - t2) / 2000000, (t4 - t3) / 2000000, (t5 - t4) / 2000000, (t6 - t5) / 2000000, (t7 - t6) / 2000000);
        }
    }
}
