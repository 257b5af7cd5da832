package org.credo.credentials.signing;

import static org.assertj.core.api.Assertions.assertThat;

import com.apicatalog.jsonld.JsonLd;
import com.apicatalog.jsonld.JsonLdOptions;
import com.apicatalog.jsonld.document.JsonDocument;
import com.apicatalog.rdf.canon.RdfCanon;
import com.apicatalog.rdf.nquads.NQuadsWriter;
import jakarta.json.JsonObject;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * Reusing processed contexts gives the same canonical N-Quads, byte for byte, as titanium's general algorithm,
 * which processes every context for every document.
 */
class ProcessedContextsEquivalenceTest {

    private static final int DOCUMENTS = 500;
    // Canonical lexical form of a JSON-LD double, such as "1.0E-7" or "9.25E0".
    private static final java.util.regex.Pattern DOUBLE_LITERAL =
            java.util.regex.Pattern.compile("\"-?\\d\\.\\d+E-?\\d+\"");

    private final RdfCanonicalizer canonicalizer = new RdfCanonicalizer(ContextStore.shipped());

    @Test
    void randomisedCredentialsCanonicalizeAlikeWithAndWithoutProcessedContexts() throws Exception {
        RandomCredentials credentials = new RandomCredentials(
                20261129L, Ed25519KeyPair.generate().didKey().did());
        int withBlankNodes = 0;
        int withLanguages = 0;
        int withDoubles = 0;
        for (int i = 0; i < DOCUMENTS; i++) {
            JsonObject credential = credentials.next();

            String reused = canonicalizer.canonicalize(credential);

            assertThat(reused)
                    .as("document %d: %s", i, credential)
                    .isEqualTo(canonicalizer.canonicalizeUncached(credential));
            assertThat(reused).as("document %d: %s", i, credential).isEqualTo(stockTitanium(credential));
            withBlankNodes += reused.contains("_:c14n") ? 1 : 0;
            withLanguages += reused.contains("\"@") ? 1 : 0;
            withDoubles += DOUBLE_LITERAL.matcher(reused).find() ? 1 : 0;
        }
        assertThat(List.of(withBlankNodes, withLanguages, withDoubles))
                .as("documents with blank nodes, language tags, doubles")
                .allMatch(count -> count > DOCUMENTS / 10);
        assertThat(withBlankNodes).isGreaterThan(DOCUMENTS / 2);
    }

    @Test
    void proofConfigurationsAndOtherContextListsCanonicalizeAlike() throws Exception {
        for (String contexts : List.of(
                "\"https://www.w3.org/ns/credentials/v2\"",
                "[\"https://www.w3.org/ns/credentials/v2\"]",
                "[\"https://www.w3.org/ns/credentials/v2\", \"https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json\"]",
                "[\"https://www.w3.org/ns/credentials/v2\", \"https://purl.imsglobal.org/spec/ob/v3p0/extensions.json\"]",
                "[\"https://www.w3.org/ns/credentials/v2\", {\"@vocab\": \"https://example.com/vocab#\"}]")) {
            JsonObject config = TestDocuments.json("""
                    {"@context": %s, "type": "DataIntegrityProof", "cryptosuite": "eddsa-rdfc-2022",
                     "created": "2026-06-01T12:00:00Z", "proofPurpose": "assertionMethod",
                     "verificationMethod": "did:key:z6MkrJVnaZkeFzdQyMZu1cgjg7k1pZZ6pvBQ7XJPt4swbTQ2#z6MkrJVnaZkeFzdQyMZu1cgjg7k1pZZ6pvBQ7XJPt4swbTQ2"}
                    """.formatted(contexts));

            try {
                assertThat(canonicalizer.canonicalize(config)).isEqualTo(stockTitanium(config));
            } catch (com.apicatalog.jsonld.JsonLdError e) {
                throw new AssertionError(contexts + " " + e + " cause " + e.getCause(), e);
            }
        }
    }

    @Test
    void sharedProcessedContextsGiveTheSameResultFromManyThreads() throws Exception {
        RandomCredentials credentials = new RandomCredentials(7L, "did:example:issuer");
        List<JsonObject> documents = new ArrayList<>();
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            documents.add(credentials.next());
            expected.add(stockTitanium(documents.get(i)));
        }
        RdfCanonicalizer shared = new RdfCanonicalizer(ContextStore.shipped());
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<List<String>>> runs = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                Callable<List<String>> run = () -> {
                    List<String> out = new ArrayList<>();
                    for (JsonObject document : documents) {
                        out.add(shared.canonicalize(document));
                    }
                    return out;
                };
                runs.add(pool.submit(run));
            }
            for (Future<List<String>> run : runs) {
                assertThat(run.get()).isEqualTo(expected);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    /** Stock titanium, default options: only the offline document loader is set. */
    private static String stockTitanium(JsonObject document) throws Exception {
        RdfCanon canon = RdfCanon.create("SHA-256");
        JsonLd.toRdf(JsonDocument.of(document))
                .options(new JsonLdOptions(ContextStore.shipped().documentLoader()))
                .provide(canon);
        StringWriter out = new StringWriter();
        canon.provide(new NQuadsWriter(out));
        return out.toString();
    }
}
