package org.credo.credentials.signing;

import com.apicatalog.jsonld.JsonLdError;
import com.apicatalog.jsonld.JsonLdErrorCode;
import com.apicatalog.jsonld.document.Document;
import com.apicatalog.jsonld.document.JsonDocument;
import com.apicatalog.jsonld.loader.DocumentLoader;
import com.apicatalog.jsonld.loader.DocumentLoaderOptions;
import jakarta.json.JsonStructure;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The JSON-LD contexts Credo knows, served from the classpath by URL. Credo never fetches a context from the
 * network: any other URL is refused.
 */
public final class ContextStore {

    /** The contexts that ship in {@code src/main/resources/vc/contexts}, keyed by the URL they stand for. */
    public static final Map<String, String> SHIPPED = Map.ofEntries(
            Map.entry("https://www.w3.org/2018/credentials/v1", "vc/contexts/credentials-v1.jsonld"),
            Map.entry("https://www.w3.org/ns/credentials/examples/v2", "vc/contexts/credentials-examples-v2.jsonld"),
            Map.entry("https://purl.imsglobal.org/spec/ob/v3p0/context.json", "vc/contexts/ob-v3p0-3.0.0.json"),
            Map.entry("https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.1.json", "vc/contexts/ob-v3p0-3.0.1.json"),
            Map.entry("https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.2.json", "vc/contexts/ob-v3p0-3.0.2.json"),
            Map.entry("https://www.w3.org/ns/credentials/v2", "vc/contexts/credentials-v2.jsonld"),
            Map.entry("https://w3id.org/security/data-integrity/v2", "vc/contexts/data-integrity-v2.jsonld"),
            Map.entry("https://w3id.org/security/multikey/v1", "vc/contexts/multikey-v1.jsonld"),
            Map.entry("https://www.w3.org/ns/did/v1", "vc/contexts/did-v1.jsonld"),
            Map.entry("https://www.w3.org/ns/credentials/status/v1", "vc/contexts/vc-bitstring-status-list-v1.jsonld"),
            Map.entry("https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json", "vc/contexts/ob-v3p0-3.0.3.json"),
            Map.entry("https://purl.imsglobal.org/spec/ob/v3p0/extensions.json", "vc/contexts/ob-v3p0-extensions.json"),
            Map.entry(
                    "https://purl.imsglobal.org/spec/clr/v2p0/context-2.0.1.json", "vc/contexts/clr-v2p0-2.0.1.json"));

    private static final ContextStore SHIPPED_STORE = new ContextStore(SHIPPED);

    private final Map<String, JsonStructure> contexts;
    private final DocumentLoader loader = this::load;

    private ContextStore(Map<String, String> resources) {
        Map<String, JsonStructure> parsed = new LinkedHashMap<>();
        resources.forEach((url, resource) -> parsed.put(url, parse(resource)));
        this.contexts = Map.copyOf(parsed);
    }

    /** The contexts shipped with Credo. */
    public static ContextStore shipped() {
        return SHIPPED_STORE;
    }

    /** A store with the shipped contexts and more, each a classpath resource keyed by its URL (tests use this). */
    public static ContextStore shippedAnd(Map<String, String> moreResources) {
        Map<String, String> all = new LinkedHashMap<>(SHIPPED);
        all.putAll(moreResources);
        return new ContextStore(all);
    }

    /** The URLs this store serves. */
    public Set<String> urls() {
        return contexts.keySet();
    }

    /** Whether this store serves a URL. */
    public boolean knows(String url) {
        return contexts.containsKey(url);
    }

    /** The parsed context document of a URL. */
    public JsonStructure context(String url) {
        JsonStructure context = contexts.get(url);
        if (context == null) {
            throw new UnknownContextException(url);
        }
        return context;
    }

    /** A titanium document loader that serves this store and refuses everything else. */
    public DocumentLoader documentLoader() {
        return loader;
    }

    private Document load(URI url, DocumentLoaderOptions options) throws JsonLdError {
        JsonStructure context = contexts.get(url.toString());
        if (context == null) {
            throw new JsonLdError(
                    JsonLdErrorCode.LOADING_REMOTE_CONTEXT_FAILED, UnknownContextException.message(url.toString()));
        }
        // A fresh Document each time: titanium may set its URL, and parsed JSON-P values are immutable.
        JsonDocument document = JsonDocument.of(context);
        document.setDocumentUrl(url);
        return document;
    }

    private static JsonStructure parse(String resource) {
        try (InputStream in = ContextStore.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("context resource missing from the classpath: " + resource);
            }
            return JsonDocument.of(in).getJsonContent().orElseThrow();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (JsonLdError e) {
            throw new IllegalStateException("context resource is not JSON: " + resource, e);
        }
    }

    /** Thrown when a document names a context that Credo does not ship. */
    public static final class UnknownContextException extends RuntimeException {

        private final String url;

        UnknownContextException(String url) {
            super(message(url));
            this.url = url;
        }

        /** The URL of the context. */
        public String url() {
            return url;
        }

        static String message(String url) {
            return "unknown context " + url + ": Credo never fetches contexts from the network";
        }
    }
}
