package org.credo.credentials.signing;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Proof configurations canonicalized through a template give the general algorithm's bytes, for any date. */
class ProofConfigTemplatesTest {

    private final RdfCanonicalizer canonicalizer = new RdfCanonicalizer(ContextStore.shipped());
    private final ProofConfigTemplates templates = new ProofConfigTemplates();

    @Test
    void everyDateGivesTheBytesOfTheGeneralAlgorithm() throws Exception {
        var random = new Random(20261129L);
        var keys = List.of(Ed25519KeyPair.generate(), Ed25519KeyPair.generate());
        var contexts = List.of(
                "[\"https://www.w3.org/ns/credentials/v2\", \"https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json\"]",
                "\"https://www.w3.org/ns/credentials/v2\"");
        for (int i = 0; i < 400; i++) {
            var instant = Instant.ofEpochSecond(random.nextLong(0, 4_000_000_000L), random.nextInt(1_000_000_000));
            var created = switch (i % 4) {
                case 0 ->
                    DateTimeFormatter.ISO_INSTANT.format(instant.truncatedTo(java.time.temporal.ChronoUnit.SECONDS));
                case 1 -> DateTimeFormatter.ISO_INSTANT.format(instant);
                case 2 ->
                    instant.atOffset(ZoneOffset.ofHours(random.nextInt(-12, 14)))
                            .format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
                default -> "2026-13-45T99:99:99Z"; // the right shape, not a real date: still the same bytes
            };
            var key = keys.get(i % 2);
            var config = config(contexts.get(i % 2), created, key.didKey().verificationMethodId(), "assertionMethod");

            var templated = templates.canonicalize(config, canonicalizer);

            assertThat(templated).as("created %s", created).isEqualTo(canonicalizer.canonicalizeUncached(config));
            assertThat(templated).contains('"' + created + '"');
        }
        assertThat(templates.templated())
                .as("configurations served by a template")
                .isEqualTo(2);
    }

    @Test
    void otherDateShapesAreCanonicalizedInFullAndOtherPurposesGetTheirOwnTemplate() throws Exception {
        var method = Ed25519KeyPair.generate().didKey().verificationMethodId();
        for (var config : List.of(
                config("\"https://www.w3.org/ns/credentials/v2\"", "2026-06-01", method, "assertionMethod"),
                config("\"https://www.w3.org/ns/credentials/v2\"", "2026-06-01T12:00:00Z", method, "authentication"),
                config(
                        "\"https://www.w3.org/ns/credentials/v2\"",
                        "1000-01-01T00:00:00Z",
                        method,
                        "assertionMethod"))) {
            assertThat(templates.canonicalize(config, canonicalizer))
                    .isEqualTo(canonicalizer.canonicalizeUncached(config));
        }
        assertThat(templates.templated())
                .as("configurations served by a template")
                .isEqualTo(2);
    }

    private static JsonObject config(String context, String created, String verificationMethod, String purpose) {
        return TestDocuments.json("""
                {"@context": %s, "type": "DataIntegrityProof", "cryptosuite": "eddsa-rdfc-2022",
                 "created": "%s", "proofPurpose": "%s", "verificationMethod": "%s"}
                """.formatted(context, created, purpose, verificationMethod));
    }
}
