package org.credo.credentials.signing;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.InputStream;
import java.io.StringReader;
import java.util.Map;

/** Test documents and the W3C vc-di-eddsa test key. */
final class TestDocuments {

    static final String EXAMPLES_CONTEXT = "https://www.w3.org/ns/credentials/examples/v2";
    static final ContextStore WITH_EXAMPLES =
            ContextStore.shippedAnd(Map.of(EXAMPLES_CONTEXT, "vc/credentials-examples-v2.jsonld"));

    static final String VECTOR_PUBLIC_KEY = "z6MkrJVnaZkeFzdQyMZu1cgjg7k1pZZ6pvBQ7XJPt4swbTQ2";
    static final String VECTOR_SECRET_KEY = "z3u2en7t5LR2WtQH5PfFqMqwVHBeXouLzo6haApm8XHqvjxq";
    static final String VECTOR_METHOD = "https://vc.example/issuers/5678#" + VECTOR_PUBLIC_KEY;

    private TestDocuments() {}

    static JsonObject resource(String name) {
        try (InputStream in = TestDocuments.class.getClassLoader().getResourceAsStream(name);
                JsonReader reader = Json.createReader(in)) {
            return reader.readObject();
        } catch (Exception e) {
            throw new IllegalStateException(name, e);
        }
    }

    static JsonObject json(String text) {
        try (JsonReader reader = Json.createReader(new StringReader(text))) {
            return reader.readObject();
        }
    }

    /** A realistic Open Badges 3.0 credential issued by a did:key. */
    static JsonObject openBadge(DidKey issuer) {
        return json("""
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
                    "url": "https://university.example/",
                    "email": "registrar@university.example"
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
                      "criteria": {
                        "narrative": "Pass STAT 101, STAT 210 and DATA 300 with a grade of C or better."
                      },
                      "creditsAvailable": 9
                    }
                  }
                }
                """.formatted(issuer.did()));
    }
}
