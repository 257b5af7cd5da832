package org.credo.credentials.signing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.apicatalog.jsonld.JsonLd;
import com.apicatalog.jsonld.JsonLdError;
import com.apicatalog.jsonld.JsonLdOptions;
import com.apicatalog.jsonld.context.ActiveContext;
import com.apicatalog.jsonld.document.JsonDocument;
import com.apicatalog.jsonld.lang.Keywords;
import com.apicatalog.rdf.canon.RdfCanon;
import com.apicatalog.rdf.nquads.NQuadsWriter;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

/**
 * Expansion with derived scoped contexts gives what titanium's expansion alone gives, value for value, on ordinary
 * and unusual documents; it reports an error wherever titanium does; and canonicalization through it gives the same
 * bytes.
 */
class ScopedContextExpansionTest {

    private static final int DOCUMENTS = 1500;

    private final ContextStore store = ContextStore.shipped();
    private final JsonLdOptions options = RdfCanonicalizer.jsonLdOptions(store);
    private final ProcessedContexts processedContexts = new ProcessedContexts(store, options);
    private final ScopedContextExpansion expansion = new ScopedContextExpansion();
    private final RdfCanonicalizer canonicalizer = new RdfCanonicalizer(store);

    @Test
    void credentialsAsCredoIssuesThemExpandWithoutTitaniumsExpansion() throws Exception {
        RandomCredentials credentials = new RandomCredentials(4L, "did:example:issuer");
        for (int i = 0; i < 200; i++) {
            JsonObject credential = credentials.next();
            if (credential.toString().contains("\"@value\"")) {
                continue;
            }
            assertThat(expandHere(credential)).isEqualTo(expandByTitanium(credential));
        }

        assertThat(expansion.delegatedNodes()).isZero();
        assertThat(expansion.derivedContexts()).isBetween(5, 100);
    }

    @Test
    void unusualDocumentsExpandAsTitaniumExpandsThem() throws Exception {
        UnusualDocuments documents = new UnusualDocuments(20261204L, "did:example:issuer");
        int invalid = 0;
        int unsafe = 0;
        int canonicalized = 0;
        for (int i = 0; i < DOCUMENTS; i++) {
            JsonObject document = documents.next();
            JsonLdError titaniumError = catchThrowableOfType(JsonLdError.class, () -> expandByTitanium(document));

            if (titaniumError != null) {
                JsonLdError error = catchThrowableOfType(JsonLdError.class, () -> expandHere(document));
                assertThat(error).as("document %d: %s", i, document).isNotNull();
                assertThat(error.getCode()).as("document %d: %s", i, document).isEqualTo(titaniumError.getCode());
                invalid++;
                continue;
            }
            JsonArray expected = expandByTitanium(document);
            assertThat(expandHere(document)).as("document %d: %s", i, document).isEqualTo(expected);

            JsonLdError unsafeError = catchThrowableOfType(JsonLdError.class, () -> SafeMode.check(expected));
            if (unsafeError != null) {
                assertThat(catchThrowableOfType(JsonLdError.class, () -> canonicalizer.canonicalize(document)))
                        .as("document %d: %s", i, document)
                        .isNotNull();
                unsafe++;
            } else {
                assertThat(canonicalizer.canonicalize(document))
                        .as("document %d: %s", i, document)
                        .isEqualTo(stockTitanium(document));
                canonicalized++;
            }
        }

        assertThat(invalid).as("invalid documents").isGreaterThan(DOCUMENTS / 40);
        assertThat(unsafe).as("unsafe documents").isGreaterThan(DOCUMENTS / 40);
        assertThat(canonicalized).as("canonicalized documents").isGreaterThan(DOCUMENTS / 2);
        assertThat(expansion.delegatedNodes())
                .as("value objects and embedded contexts are left to titanium")
                .isPositive();
    }

    private JsonArray expandHere(JsonObject document) throws JsonLdError {
        ActiveContext active =
                processedContexts.activeContext(document.get(Keywords.CONTEXT)).orElseThrow();
        return RdfCanonicalizer.expandedDocument(
                expansion.expand(active, JsonValues.without(document, Keywords.CONTEXT), null));
    }

    private JsonArray expandByTitanium(JsonObject document) throws JsonLdError {
        return JsonLd.expand(JsonDocument.of(document)).options(options).get();
    }

    /** Stock titanium, default options: only the offline document loader is set. */
    private String stockTitanium(JsonObject document) throws Exception {
        RdfCanon canon = RdfCanon.create("SHA-256");
        JsonLd.toRdf(JsonDocument.of(document))
                .options(new JsonLdOptions(store.documentLoader()))
                .provide(canon);
        StringWriter out = new StringWriter();
        canon.provide(new NQuadsWriter(out));
        return out.toString();
    }
}
