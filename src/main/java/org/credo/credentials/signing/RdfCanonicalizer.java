package org.credo.credentials.signing;

import com.apicatalog.jsonld.JsonLd;
import com.apicatalog.jsonld.JsonLdError;
import com.apicatalog.jsonld.JsonLdErrorCode;
import com.apicatalog.jsonld.JsonLdOptions;
import com.apicatalog.jsonld.context.ActiveContext;
import com.apicatalog.jsonld.deseralization.JsonLdToRdf;
import com.apicatalog.jsonld.document.JsonDocument;
import com.apicatalog.jsonld.flattening.NodeMap;
import com.apicatalog.jsonld.flattening.NodeMapBuilder;
import com.apicatalog.jsonld.json.JsonUtils;
import com.apicatalog.jsonld.lang.Keywords;
import com.apicatalog.jsonld.uri.UriValidationPolicy;
import com.apicatalog.rdf.api.RdfConsumerException;
import com.apicatalog.rdf.api.RdfQuadConsumer;
import com.apicatalog.rdf.canon.RdfCanon;
import com.apicatalog.rdf.nquads.NQuadsWriter;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.StringWriter;
import java.util.Optional;

/**
 * RDF Dataset Canonicalization (RDFC-1.0) of a JSON-LD document, as canonical N-Quads.
 *
 * <p>Documents whose top-level {@code @context} names only shipped contexts reuse a processed active context and the
 * scoped contexts derived from it ({@link ScopedContextExpansion}); all others take titanium's general path. Both
 * give the same bytes (a test checks it on many documents).
 */
final class RdfCanonicalizer {

    private final JsonLdOptions options;
    private final ProcessedContexts processedContexts;
    private final ScopedContextExpansion scopedContextExpansion = new ScopedContextExpansion();

    RdfCanonicalizer(ContextStore store) {
        this.options = jsonLdOptions(store);
        this.processedContexts = new ProcessedContexts(store, options);
    }

    /** The JSON-LD processing options of canonicalization. */
    static JsonLdOptions jsonLdOptions(ContextStore store) {
        JsonLdOptions options = new JsonLdOptions(store.documentLoader());
        // As in JSON-LD safe mode: a term no context defines is an error, not a silently dropped (unsigned) claim.
        options.setUndefinedTermsPolicy(JsonLdOptions.ProcessingPolicy.Fail);
        // Absolute IRIs are told by their scheme, as jsonld.js does, rather than by java.net.URI parsing, which is
        // slower and rejects some IRIs that other verifiers accept.
        options.setUriValidation(UriValidationPolicy.SchemeOnly);
        return options;
    }

    /**
     * The canonical N-Quads of a JSON-LD document.
     *
     * @throws JsonLdError also for a document that JSON-LD safe mode rejects (see {@link SafeMode})
     */
    String canonicalize(JsonObject document) throws JsonLdError {
        document = unwrapEmbeddedContexts(document);
        Optional<ActiveContext> active = processedContexts.activeContext(document.get(Keywords.CONTEXT));
        JsonArray expanded = active.isPresent()
                ? expand(active.get(), document)
                : JsonLd.expand(JsonDocument.of(document)).options(options).get();
        SafeMode.check(expanded);
        CanonicalNQuads quads = new CanonicalNQuads();
        toRdf(expanded, quads);
        try {
            return quads.canonicalForm();
        } catch (RdfConsumerException e) {
            throw new JsonLdError(JsonLdErrorCode.UNSPECIFIED, e);
        }
    }

    /**
     * An inline context written as {@code {"@context": {...}}} (the shape of a context document) is read as the
     * definition it wraps, as jsonld.js reads it; titanium would call it a keyword redefinition, and verifiers
     * built on jsonld.js sign such documents.
     */
    static JsonObject unwrapEmbeddedContexts(JsonObject document) {
        if (!(document.get(Keywords.CONTEXT) instanceof JsonArray contexts)
                || contexts.stream().noneMatch(RdfCanonicalizer::wrapper)) {
            return document;
        }
        var unwrapped = JsonValues.JSON.createArrayBuilder();
        for (JsonValue entry : contexts) {
            unwrapped.add(wrapper(entry) ? entry.asJsonObject().get(Keywords.CONTEXT) : entry);
        }
        return JsonValues.copy(document).add(Keywords.CONTEXT, unwrapped).build();
    }

    private static boolean wrapper(JsonValue entry) {
        return entry instanceof JsonObject object
                && object.size() == 1
                && object.get(Keywords.CONTEXT) instanceof JsonObject;
    }

    /** The canonical N-Quads by titanium's general algorithm alone, processing every context anew. */
    String canonicalizeUncached(JsonObject document) throws JsonLdError {
        RdfCanon canon = RdfCanon.create("SHA-256");
        JsonLd.toRdf(JsonDocument.of(document)).options(options).provide(canon);
        return write(canon);
    }

    // Titanium's ExpansionProcessor, from the point where the top-level context is processed. An invalid document
    // is expanded again by titanium alone, so that its error is exactly the one the general algorithm reports.
    private JsonArray expand(ActiveContext active, JsonObject document) throws JsonLdError {
        JsonValue expanded;
        try {
            expanded = scopedContextExpansion.expand(active, JsonValues.without(document, Keywords.CONTEXT), null);
        } catch (JsonLdError e) {
            return JsonLd.expand(JsonDocument.of(document)).options(options).get();
        }
        return expandedDocument(expanded);
    }

    /** The expanded form of a document from the expansion of its top-level object, as titanium's API returns it. */
    static JsonArray expandedDocument(JsonValue expanded) {
        if (JsonUtils.isObject(expanded)
                && expanded.asJsonObject().size() == 1
                && expanded.asJsonObject().containsKey(Keywords.GRAPH)) {
            expanded = expanded.asJsonObject().get(Keywords.GRAPH);
        }
        return JsonUtils.isNull(expanded) ? JsonValue.EMPTY_JSON_ARRAY : JsonUtils.toJsonArray(expanded);
    }

    // Titanium's ToRdfProcessor, after expansion.
    private void toRdf(JsonArray expanded, RdfQuadConsumer consumer) throws JsonLdError {
        NodeMap nodeMap = NodeMapBuilder.with(expanded, new NodeMap()).build();
        JsonLdToRdf.with(nodeMap)
                .produceGeneralizedRdf(options.isProduceGeneralizedRdf())
                .rdfDirection(options.getRdfDirection())
                .uriValidation(options.getUriValidation())
                .provide(consumer);
    }

    private static String write(RdfCanon canon) throws JsonLdError {
        StringWriter out = new StringWriter(2048);
        try {
            canon.provide(new NQuadsWriter(out));
        } catch (RdfConsumerException e) {
            throw new JsonLdError(JsonLdErrorCode.UNSPECIFIED, e);
        }
        return out.toString();
    }
}
