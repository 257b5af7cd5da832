package org.credo.credentials.signing;

import com.apicatalog.rdf.api.RdfConsumerException;
import com.apicatalog.rdf.api.RdfQuadConsumer;
import com.apicatalog.rdf.canon.RdfCanon;
import com.apicatalog.rdf.canon.RdfCanonTicker;
import com.apicatalog.rdf.nquads.NQuadsWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.UnaryOperator;
import org.jspecify.annotations.Nullable;

/**
 * The canonical N-Quads (RDFC-1.0) of the quads it receives, when every blank node has its own first-degree hash;
 * any other dataset is canonicalized by titanium-rdfc.
 *
 * <p>When first-degree hashes are all distinct, RDFC-1.0 names the blank nodes {@code _:c14n0}, {@code _:c14n1}, ...
 * in the order of their hashes and needs no N-degree hashing (the Canonicalization Algorithm, steps 3 to 5). A
 * credential's blank nodes (its subject, identity objects, criteria, alignments, results) always differ in what they
 * say, so this is the case for credentials. titanium-rdfc does the same steps but serializes a quad again every time
 * its final sort compares two quads; here each quad is serialized once for its final line. Quads are serialized by
 * titanium's {@link NQuadsWriter}, so escaping is the same; where titanium's result could differ (equal hashes,
 * a quad received twice) titanium-rdfc itself canonicalizes, so the output is titanium-rdfc's byte for byte.
 */
final class CanonicalNQuads implements RdfQuadConsumer {

    private static final String CANONICAL_PREFIX = "_:c14n";
    private static final String REFERENCE = "_:a";
    private static final String OTHER = "_:z";
    private static final String STAND_IN = "_:s";
    private static final String LINE_END = " .\n";

    private final List<Quad> quads = new ArrayList<>();
    // Per blank node, the quads that mention it: once per position, as titanium-rdfc counts them.
    private final Map<String, List<Quad>> mentions = new LinkedHashMap<>();

    @Override
    public RdfQuadConsumer quad(
            String subject,
            String predicate,
            String object,
            @Nullable String datatype,
            @Nullable String language,
            @Nullable String direction,
            @Nullable String graph)
            throws RdfConsumerException {
        if (quads.size() == DocumentLimits.MAX_QUADS) {
            throw new RdfConsumerException("the document is too large: over " + DocumentLimits.MAX_QUADS
                    + " RDF quads, the limit of canonicalization");
        }
        boolean literal = RdfQuadConsumer.isLiteral(datatype, language, direction);
        var quad = new Quad(
                subject,
                predicate,
                object,
                datatype,
                language,
                direction,
                graph,
                literal ? predicateAndLiteral(predicate, object, datatype, language, direction) : null);
        quads.add(quad);
        mention(subject, quad);
        if (!quad.literal()) {
            mention(object, quad);
        }
        if (graph != null) {
            mention(graph, quad);
        }
        return this;
    }

    /** The canonical N-Quads document: sorted lines, each ending in a line feed. */
    String canonicalForm() throws RdfConsumerException {
        var digest = ProofAlgorithm.sha256();
        var blankByHash = new TreeMap<String, String>();
        int lookAlikes = 0;
        for (var blank : mentions.entrySet()) {
            String hash = firstDegreeHash(blank.getKey(), blank.getValue(), digest);
            if (blankByHash.put(hash, blank.getKey()) != null) {
                lookAlikes++;
            }
        }
        if (lookAlikes > 0) {
            // N-degree hashing compares every look-alike with the others: its work grows with their square.
            if (lookAlikes > DocumentLimits.MAX_LOOK_ALIKE_BLANK_NODES) {
                throw new RdfConsumerException("the document is too costly to canonicalize: " + lookAlikes
                        + " blank nodes that look alike > " + DocumentLimits.MAX_LOOK_ALIKE_BLANK_NODES
                        + ", the limit of canonicalization");
            }
            return byTitanium();
        }
        var canonical = new HashMap<String, String>(blankByHash.size() * 2);
        int next = 0;
        for (var blank : blankByHash.values()) {
            canonical.put(blank, CANONICAL_PREFIX + next++);
        }
        var lines = new String[quads.size()];
        for (int i = 0; i < lines.length; i++) {
            lines[i] = quads.get(i).line(term -> Quad.relabel(term, canonical));
        }
        Arrays.sort(lines);
        var out = new StringBuilder(lines.length * 96);
        for (int i = 0; i < lines.length; i++) {
            if (i > 0 && lines[i].equals(lines[i - 1])) {
                return byTitanium();
            }
            out.append(lines[i]);
        }
        return out.toString();
    }

    // Hash First Degree Quads: the quads mentioning the node, it as _:a and every other blank node as _:z, sorted.
    private static String firstDegreeHash(String blank, List<Quad> related, MessageDigest digest) {
        var lines = new String[related.size()];
        for (int i = 0; i < lines.length; i++) {
            lines[i] = related.get(i).line(term -> Quad.hide(term, blank));
        }
        Arrays.sort(lines);
        digest.reset();
        for (String line : lines) {
            digest.update(line.getBytes(StandardCharsets.UTF_8));
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    private String byTitanium() throws RdfConsumerException {
        var canon = RdfCanon.create("SHA-256", hashingSteps(DocumentLimits.MAX_HASHING_STEPS));
        for (var quad : quads) {
            canon.quad(
                    quad.subject,
                    quad.predicate,
                    quad.object,
                    quad.datatype,
                    quad.language,
                    quad.direction,
                    quad.graph);
        }
        var out = new StringWriter(quads.size() * 96);
        canon.provide(new NQuadsWriter(out));
        return out.toString();
    }

    // N-degree hashing of blank nodes with equal first-degree hashes is exponential in the worst case (a crafted graph
    // of look-alike blank nodes): titanium-rdfc counts its steps through this ticker, which stops it past the limit.
    private static RdfCanonTicker hashingSteps(int limit) {
        int[] taken = {0};
        return () -> {
            if (++taken[0] > limit) {
                throw new IllegalStateException("the document is too costly to canonicalize: over " + limit
                        + " N-degree hashing steps, the limit of canonicalization");
            }
        };
    }

    // The middle of the quad's line, escaped once: a literal is on every line of its quad, and escaping is the
    // costly part of writing one. Cut from titanium's own line, so the escaping is titanium's.
    private static String predicateAndLiteral(
            String predicate,
            String literal,
            @Nullable String datatype,
            @Nullable String language,
            @Nullable String direction) {
        String line = NQuadsWriter.nquad(STAND_IN, predicate, literal, datatype, language, direction, null);
        return line.substring(STAND_IN.length() + 1, line.length() - LINE_END.length());
    }

    private void mention(String term, Quad quad) {
        if (RdfQuadConsumer.isBlank(term)) {
            mentions.computeIfAbsent(term, t -> new ArrayList<>(4)).add(quad);
        }
    }

    /** One quad as received; the object is a literal's lexical form or an IRI or blank node. */
    private record Quad(
            String subject,
            String predicate,
            String object,
            @Nullable String datatype,
            @Nullable String language,
            @Nullable String direction,
            @Nullable String graph,
            @Nullable String predicateAndLiteral) {

        boolean literal() {
            return predicateAndLiteral != null;
        }

        /** The N-Quads line, with each blank node term replaced by its label; the layout of titanium's lines. */
        String line(UnaryOperator<String> label) {
            var line = new StringBuilder(128);
            line.append(NQuadsWriter.resourceOrBlank(label.apply(subject))).append(' ');
            if (predicateAndLiteral != null) {
                line.append(predicateAndLiteral);
            } else {
                line.append(NQuadsWriter.resourceOrBlank(predicate))
                        .append(' ')
                        .append(NQuadsWriter.resourceOrBlank(label.apply(object)));
            }
            if (graph != null) {
                line.append(' ').append(NQuadsWriter.resourceOrBlank(label.apply(graph)));
            }
            return line.append(LINE_END).toString();
        }

        static String relabel(String term, Map<String, String> canonical) {
            String label = canonical.get(term);
            return label == null ? term : label;
        }

        static String hide(String term, String reference) {
            if (!RdfQuadConsumer.isBlank(term)) {
                return term;
            }
            return term.equals(reference) ? REFERENCE : OTHER;
        }
    }
}
