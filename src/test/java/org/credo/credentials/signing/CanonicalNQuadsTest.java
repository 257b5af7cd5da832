package org.credo.credentials.signing;

import static org.assertj.core.api.Assertions.assertThat;

import com.apicatalog.rdf.api.RdfQuadConsumer;
import com.apicatalog.rdf.canon.RdfCanon;
import com.apicatalog.rdf.nquads.NQuadsWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Canonical N-Quads are titanium-rdfc's, byte for byte, whether or not titanium-rdfc is asked. */
class CanonicalNQuadsTest {

    private static final String XSD_STRING = "http://www.w3.org/2001/XMLSchema#string";
    private static final String LANG_STRING = "http://www.w3.org/1999/02/22-rdf-syntax-ns#langString";
    private static final List<String> LEXICAL = List.of(
            "plain", "line\nbreak", "tab\tbed", "quote\"d", "back\\slash", "Öl", "統計", "🎓", "\u0007bell", "", "42");

    @Test
    void randomDatasetsCanonicalizeAsTitaniumRdfcDoes() throws Exception {
        Random random = new Random(20261204L);
        int withBlankNodes = 0;
        for (int n = 0; n < 3000; n++) {
            List<String[]> quads = randomDataset(random);

            String canonical = canonicalHere(quads);

            assertThat(canonical).as("dataset %d: %s", n, show(quads)).isEqualTo(canonicalByTitanium(quads));
            withBlankNodes += canonical.contains("_:c14n") ? 1 : 0;
        }
        assertThat(withBlankNodes).isGreaterThan(2000);
    }

    @Test
    void blankNodesThatSayTheSameThingAreLeftToTheFullAlgorithm() throws Exception {
        List<String[]> twins = List.of(
                quad("https://example.com/credential", "https://example.com/evidence", "_:b0", null, null, null),
                quad("https://example.com/credential", "https://example.com/evidence", "_:b1", null, null, null),
                quad("_:b0", "https://example.com/narrative", "same", XSD_STRING, null, null),
                quad("_:b1", "https://example.com/narrative", "same", XSD_STRING, null, null));

        assertThat(canonicalHere(twins)).isEqualTo(canonicalByTitanium(twins)).contains("_:c14n1");
    }

    @Test
    void aQuadReceivedTwiceOrMentioningItsBlankNodeTwiceCanonicalizesAsTitaniumRdfcDoes() throws Exception {
        List<String[]> repeated = List.of(
                quad("_:b0", "https://example.com/p", "x", XSD_STRING, null, null),
                quad("_:b0", "https://example.com/p", "x", XSD_STRING, null, null),
                quad("_:b0", "https://example.com/knows", "_:b0", null, null, null),
                quad("_:b1", "https://example.com/in", "_:b0", null, null, "_:b1"));

        assertThat(canonicalHere(repeated)).isEqualTo(canonicalByTitanium(repeated));
    }

    private static List<String[]> randomDataset(Random random) {
        int blanks = 1 + random.nextInt(6);
        List<String[]> quads = new ArrayList<>();
        for (int i = 0, size = 1 + random.nextInt(25); i < size; i++) {
            String subject = random.nextInt(3) == 0
                    ? "https://example.com/s" + random.nextInt(3)
                    : "_:b" + random.nextInt(blanks);
            String predicate = "https://example.com/p" + random.nextInt(4);
            String graph = random.nextInt(8) == 0 ? "_:g" + random.nextInt(2) : null;
            quads.add(
                    switch (random.nextInt(4)) {
                        case 0 -> quad(subject, predicate, "_:b" + random.nextInt(blanks), null, null, graph);
                        case 1 ->
                            quad(subject, predicate, "https://example.com/o" + random.nextInt(3), null, null, graph);
                        case 2 ->
                            directed(
                                    quad(
                                            subject,
                                            predicate,
                                            pick(random, LEXICAL),
                                            LANG_STRING,
                                            pick(random, List.of("en", "ar")),
                                            graph),
                                    random.nextInt(3) == 0 ? "rtl" : null);
                        default -> quad(subject, predicate, pick(random, LEXICAL), XSD_STRING, null, graph);
                    });
        }
        return quads;
    }

    private static String canonicalHere(List<String[]> quads) throws Exception {
        var canonical = new CanonicalNQuads();
        feed(quads, canonical);
        return canonical.canonicalForm();
    }

    private static String canonicalByTitanium(List<String[]> quads) throws Exception {
        var canon = RdfCanon.create("SHA-256");
        feed(quads, canon);
        var out = new StringWriter();
        canon.provide(new NQuadsWriter(out));
        return out.toString();
    }

    private static void feed(List<String[]> quads, RdfQuadConsumer consumer) throws Exception {
        for (String[] q : quads) {
            consumer.quad(q[0], q[1], q[2], q[3], q[4], q.length > 6 ? q[6] : null, q[5]);
        }
    }

    private static String[] quad(String s, String p, String o, String datatype, String language, String graph) {
        return new String[] {s, p, o, datatype, language, graph};
    }

    private static String[] directed(String[] quad, String direction) {
        String[] withDirection = java.util.Arrays.copyOf(quad, 7);
        withDirection[6] = direction;
        return withDirection;
    }

    private static String show(List<String[]> quads) {
        return quads.stream().map(java.util.Arrays::toString).toList().toString();
    }

    private static <T> T pick(Random random, List<T> values) {
        return values.get(random.nextInt(values.size()));
    }
}
