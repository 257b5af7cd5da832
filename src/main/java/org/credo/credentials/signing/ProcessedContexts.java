package org.credo.credentials.signing;

import com.apicatalog.jsonld.JsonLdError;
import com.apicatalog.jsonld.JsonLdOptions;
import com.apicatalog.jsonld.context.ActiveContext;
import com.apicatalog.jsonld.processor.ProcessingRuntime;
import jakarta.json.JsonArray;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Active contexts, processed once, for top-level {@code @context} values that name only shipped contexts.
 *
 * <p>Processing the credentials v2 and Open Badges contexts is most of the cost of turning a credential into RDF.
 * Shipped contexts never change, so the active context that the JSON-LD context processing algorithm computes from
 * the initial context for, say, {@code ["https://www.w3.org/ns/credentials/v2", ".../context-3.0.3.json"]} is
 * always the same; it is computed once here and shared. Titanium's expansion only reads an active context: every
 * change (a scoped or embedded context) builds a new one from a copy.
 */
final class ProcessedContexts {

    // Each distinct list of shipped URLs is one entry; a deployment uses a handful.
    private static final int MAX_ENTRIES = 256;

    private final ContextStore store;
    private final JsonLdOptions options;
    private final Map<JsonValue, ActiveContext> processed = new ConcurrentHashMap<>();

    ProcessedContexts(ContextStore store, JsonLdOptions options) {
        this.store = store;
        this.options = options;
    }

    /** The processed active context for a top-level {@code @context} value, if it names only shipped contexts. */
    Optional<ActiveContext> activeContext(JsonValue context) throws JsonLdError {
        if (!onlyShippedUrls(context)) {
            return Optional.empty();
        }
        ActiveContext active = processed.get(context);
        if (active == null) {
            active = process(context);
            if (processed.size() < MAX_ENTRIES) {
                processed.putIfAbsent(context, active);
            }
        }
        return Optional.of(active);
    }

    private ActiveContext process(JsonValue context) throws JsonLdError {
        // The same call the expansion algorithm makes for a top-level @context of a document without a base URL.
        return new ActiveContext(null, null, ProcessingRuntime.of(options))
                .newContext()
                .create(context, null);
    }

    private boolean onlyShippedUrls(JsonValue context) {
        if (context instanceof JsonString url) {
            return store.knows(url.getString());
        }
        if (context instanceof JsonArray urls && !urls.isEmpty()) {
            for (JsonValue url : urls) {
                if (!(url instanceof JsonString string) || !store.knows(string.getString())) {
                    return false;
                }
            }
            return true;
        }
        return false;
    }
}
