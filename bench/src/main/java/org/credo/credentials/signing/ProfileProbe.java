package org.credo.credentials.signing;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.time.Instant;

/** Signs in a loop for a profiler to sample (a probe, not a benchmark). */
public final class ProfileProbe {
    public static void main(String[] args) throws Exception {
        Ed25519KeyPair key = Ed25519KeyPair.generate();
        DataIntegrity di = DataIntegrity.offline();
        JsonObject credential = Json.createReader(new StringReader(
                        "{\"@context\":[\"https://www.w3.org/ns/credentials/v2\",\"https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json\"],"
                                + "\"id\":\"urn:uuid:1\",\"type\":[\"VerifiableCredential\",\"OpenBadgeCredential\"],\"issuer\":{\"id\":\""
                                + key.didKey().did() + "\",\"type\":[\"Profile\"],\"name\":\"U\",\"url\":\"https://u.example/\"},\"validFrom\":\"2026-06-01T12:00:00Z\","
                                + "\"credentialSubject\":{\"id\":\"did:example:l\",\"type\":[\"AchievementSubject\"],\"achievement\":{\"id\":\"https://u.example/a\",\"type\":[\"Achievement\"],\"achievementType\":\"Certificate\",\"name\":\"A\",\"description\":\"D\",\"criteria\":{\"narrative\":\"n\"}}}}"))
                .readObject();
        long end = System.nanoTime() + Long.parseLong(args[0]) * 1_000_000_000L;
        long n = 0;
        Instant created = Instant.parse("2026-06-01T12:00:00Z");
        long start = System.nanoTime();
        while (System.nanoTime() < end) {
            di.sign(credential, Cryptosuite.valueOf(args[1]), key, created);
            n++;
        }
        System.out.printf("%d signs, %.0f/s%n", n, n / ((System.nanoTime() - start) / 1e9));
    }
}
