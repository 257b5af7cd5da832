package org.credo.credentials.signing;

import com.apicatalog.jsonld.JsonLdError;
import com.apicatalog.jsonld.context.ActiveContext;
import com.apicatalog.jsonld.context.ActiveContextBuilder;
import com.apicatalog.jsonld.context.TermDefinition;
import com.apicatalog.jsonld.expansion.Expansion;
import com.apicatalog.jsonld.lang.GraphObject;
import com.apicatalog.jsonld.lang.Keywords;
import com.apicatalog.jsonld.lang.ListObject;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import java.net.URI;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import org.jspecify.annotations.Nullable;

/**
 * JSON-LD 1.1 expansion (the Expansion Algorithm of the JSON-LD 1.1 Processing Algorithms, section 5.1) that
 * processes each scoped context once and reuses it.
 *
 * <p>Titanium's expansion processes a type-scoped or property-scoped context again every time a node uses it, and an
 * Open Badges credential has a type-scoped context on almost every node (credential, profile, subject, achievement,
 * proof, status entry): that was most of the time of turning a credential into RDF. Here a scoped context applied to
 * an active context is derived once, with titanium's own context processing, and the derived active context is kept
 * and shared, keyed by the identity of the context it was derived from; since the top-level contexts are shared too
 * ({@link ProcessedContexts}), every credential of the same shape walks the same few derived contexts.
 *
 * <p>The steps for node objects, arrays and scalars follow the algorithm one for one. A node this class does not
 * handle (a value object, an embedded context, a keyword other than {@code @id} and {@code @type}, a language, index,
 * id or type map, a reverse property, anything invalid) is expanded by titanium from the same point with the same
 * active context, so every document expands to what titanium alone gives, and every error is titanium's.
 */
final class ScopedContextExpansion {

    // Derivations seen in practice number a few dozen; the bound only stops unusual documents from growing the cache.
    private static final int MAX_DERIVED_CONTEXTS = 1024;
    private static final JsonProvider JSON = JsonProvider.provider();
    private static final NotHandled NOT_HANDLED = new NotHandled();

    private final Map<Derivation, ActiveContext> derived = new ConcurrentHashMap<>();
    private final LongAdder delegated = new LongAdder();

    /** The expanded form of an element, as titanium's {@code Expansion} gives it without a base URL. */
    JsonValue expand(ActiveContext active, JsonValue element, @Nullable String activeProperty) throws JsonLdError {
        if (element.getValueType() == JsonValue.ValueType.NULL) {
            return JsonValue.NULL;
        }
        if (element instanceof JsonArray array) {
            return expandArray(active, array, activeProperty);
        }
        // 3. A term with a local context has a property-scoped context.
        TermDefinition term = term(active, activeProperty);
        JsonValue propertyContext = term == null ? null : term.getLocalContext();
        if (element instanceof JsonObject object) {
            try {
                return expandNode(active, propertyContext, object, activeProperty);
            } catch (NotHandled e) {
                delegated.increment();
                return Expansion.with(active, object, activeProperty, null).compute();
            }
        }
        return expandScalar(active, propertyContext, element, activeProperty);
    }

    /** How many node objects were left to titanium's expansion so far. */
    long delegatedNodes() {
        return delegated.sum();
    }

    /** How many derived active contexts are kept. */
    int derivedContexts() {
        return derived.size();
    }

    private JsonValue expandScalar(
            ActiveContext active, @Nullable JsonValue propertyContext, JsonValue element, @Nullable String property)
            throws JsonLdError {
        // 4.1. A free-floating scalar is dropped.
        if (property == null || Keywords.GRAPH.equals(property)) {
            return JsonValue.NULL;
        }
        // 4.2. The property-scoped context applies to the value.
        ActiveContext context = propertyContext == null
                ? active
                : derive(active, propertyContext, baseUrl(active, property), Scope.SCALAR);
        return context.valueExpansion().expand(element, property);
    }

    private JsonArray expandArray(ActiveContext active, JsonArray array, @Nullable String property) throws JsonLdError {
        TermDefinition term = term(active, property);
        boolean list = term != null && term.getContainerMapping().contains(Keywords.LIST);
        JsonArrayBuilder result = JSON.createArrayBuilder();
        for (JsonValue item : array) {
            JsonValue expanded = expand(active, item, property);
            // 5.2.2. An array in a list container is a nested list.
            if (list && expanded instanceof JsonArray) {
                expanded = ListObject.toListObject(expanded);
            }
            if (expanded instanceof JsonArray items) {
                for (JsonValue each : items) {
                    if (each.getValueType() != JsonValue.ValueType.NULL) {
                        result.add(each);
                    }
                }
            } else if (expanded.getValueType() != JsonValue.ValueType.NULL) {
                result.add(expanded);
            }
        }
        return result.build();
    }

    private JsonValue expandNode(
            ActiveContext entry, @Nullable JsonValue propertyContext, JsonObject element, @Nullable String property)
            throws JsonLdError, NotHandled {
        ActiveContext active = entry;
        // 7. A non-propagated context does not apply to a new node object.
        if (active.getPreviousContext() != null && !keepsNonPropagatedContext(active, element)) {
            active = active.getPreviousContext();
        }
        // 8. The property-scoped context, which may override protected terms.
        if (propertyContext != null) {
            active = derive(active, propertyContext, baseUrl(active, property), Scope.PROPERTY);
        }
        // 9. An embedded context is left to titanium.
        if (element.containsKey(Keywords.CONTEXT)) {
            throw NOT_HANDLED;
        }
        // 10.-11. Type-scoped contexts, in the order of the keys and of the types, each from the context before them.
        ActiveContext typeContext = active;
        boolean typed = false;
        for (String key : sorted(element.keySet())) {
            if (!Keywords.TYPE.equals(active.uriExpansion().vocab(true).expand(key))) {
                continue;
            }
            if (typed) {
                throw NOT_HANDLED;
            }
            typed = true;
            for (String type : sorted(strings(element.get(key)))) {
                TermDefinition typeTerm = term(typeContext, type);
                if (typeTerm != null && typeTerm.getLocalContext() != null) {
                    active = derive(active, typeTerm.getLocalContext(), baseUrl(active, type), Scope.TYPE);
                }
            }
        }
        Node result = new Node();
        for (Map.Entry<String, JsonValue> member : element.entrySet()) {
            expandMember(active, typeContext, member.getKey(), member.getValue(), result);
        }
        return result.build(property);
    }

    // 13. One entry of a node object.
    private void expandMember(ActiveContext active, ActiveContext typeContext, String key, JsonValue value, Node result)
            throws JsonLdError, NotHandled {
        String property =
                active.uriExpansion().documentRelative(false).vocab(true).expand(key);
        // An undefined term: titanium reports it under the processing policy.
        boolean keyword = property != null && property.startsWith("@") && Keywords.contains(property);
        if (property == null || (!keyword && property.indexOf(':') < 0)) {
            throw NOT_HANDLED;
        }
        if (Keywords.ID.equals(property)) {
            result.id(expandId(active, value));
            return;
        }
        if (Keywords.TYPE.equals(property)) {
            result.types(expandTypes(typeContext, value));
            return;
        }
        if (keyword) {
            throw NOT_HANDLED;
        }
        TermDefinition term = term(active, key);
        Collection<String> container = term == null ? List.of() : term.getContainerMapping();
        if (term != null && (term.isReverseProperty() || term.getNestValue() != null)) {
            throw NOT_HANDLED;
        }
        for (String mapping : container) {
            if (!Keywords.SET.equals(mapping) && !Keywords.LIST.equals(mapping) && !Keywords.GRAPH.equals(mapping)) {
                throw NOT_HANDLED;
            }
        }
        // 13.6. A JSON literal is kept as it is.
        JsonValue expanded = term != null && Keywords.JSON.equals(term.getTypeMapping())
                ? JSON.createObjectBuilder()
                        .add(Keywords.VALUE, value)
                        .add(Keywords.TYPE, Keywords.JSON)
                        .build()
                : expand(active, value, key);
        // 13.10.
        if (expanded.getValueType() == JsonValue.ValueType.NULL) {
            return;
        }
        // 13.11.
        if (container.contains(Keywords.LIST) && !ListObject.isListObject(expanded)) {
            expanded = ListObject.toListObject(expanded);
        }
        // 13.12. Each value of a graph container is a graph object.
        if (container.contains(Keywords.GRAPH)) {
            JsonArrayBuilder graphs = JSON.createArrayBuilder();
            if (expanded instanceof JsonArray items) {
                items.forEach(item -> graphs.add(GraphObject.toGraphObject(item)));
            } else {
                graphs.add(GraphObject.toGraphObject(expanded));
            }
            expanded = graphs.build();
        }
        result.add(property, expanded);
    }

    // 13.4.3. A string @id, expanded against the document (which has no base URL).
    private static String expandId(ActiveContext active, JsonValue value) throws JsonLdError, NotHandled {
        if (!(value instanceof JsonString id)) {
            throw NOT_HANDLED;
        }
        String expanded =
                active.uriExpansion().documentRelative(true).vocab(false).expand(id.getString());
        if (expanded == null) {
            throw NOT_HANDLED;
        }
        return expanded;
    }

    // 13.4.4. A string or an array of strings, expanded with the context before type-scoped contexts.
    private static JsonArray expandTypes(ActiveContext typeContext, JsonValue value) throws JsonLdError, NotHandled {
        JsonArrayBuilder types = JSON.createArrayBuilder();
        if (value instanceof JsonString type) {
            String expanded = expandType(typeContext, type);
            if (expanded == null) {
                // Titanium then leaves the node without @type.
                throw NOT_HANDLED;
            }
            return types.add(expanded).build();
        }
        if (!(value instanceof JsonArray array)) {
            throw NOT_HANDLED;
        }
        for (JsonValue item : array) {
            if (!(item instanceof JsonString type)) {
                throw NOT_HANDLED;
            }
            String expanded = expandType(typeContext, type);
            if (expanded != null) {
                types.add(expanded);
            }
        }
        return types.build();
    }

    private static @Nullable String expandType(ActiveContext typeContext, JsonString type) throws JsonLdError {
        return typeContext.uriExpansion().vocab(true).documentRelative(true).expand(type.getString());
    }

    // 7. Whether the element is a value object or a lone @id, which keep a non-propagated context.
    private static boolean keepsNonPropagatedContext(ActiveContext active, JsonObject element) throws JsonLdError {
        for (String key : element.keySet()) {
            String expanded = active.uriExpansion().vocab(true).expand(key);
            if (Keywords.VALUE.equals(expanded) || (Keywords.ID.equals(expanded) && element.size() == 1)) {
                return true;
            }
        }
        return false;
    }

    private ActiveContext derive(ActiveContext from, JsonValue localContext, @Nullable URI baseUrl, Scope scope)
            throws JsonLdError {
        Derivation key = new Derivation(from, localContext, baseUrl, scope);
        ActiveContext context = derived.get(key);
        if (context != null) {
            return context;
        }
        context = scope.builder(from).create(localContext, baseUrl);
        if (derived.size() >= MAX_DERIVED_CONTEXTS) {
            return context;
        }
        ActiveContext raced = derived.putIfAbsent(key, context);
        return raced == null ? context : raced;
    }

    private static @Nullable TermDefinition term(ActiveContext active, @Nullable String term) {
        return term == null ? null : active.getTermsMapping().get(term);
    }

    private static @Nullable URI baseUrl(ActiveContext active, @Nullable String term) {
        TermDefinition definition = term(active, term);
        return definition == null ? null : definition.getBaseUrl();
    }

    private static List<String> strings(JsonValue value) {
        if (value instanceof JsonString string) {
            return List.of(string.getString());
        }
        List<String> strings = new ArrayList<>();
        if (value instanceof JsonArray array) {
            for (JsonValue item : array) {
                if (item instanceof JsonString string) {
                    strings.add(string.getString());
                }
            }
        }
        return strings;
    }

    private static List<String> sorted(Collection<String> values) {
        if (values.size() < 2) {
            return List.copyOf(values);
        }
        List<String> sorted = new ArrayList<>(values);
        sorted.sort(null);
        return sorted;
    }

    /** How a scoped context is processed: the three places the algorithm processes one. */
    private enum Scope {
        /** Expansion step 4.2, for a scalar value. */
        SCALAR,
        /** Step 8, for a node object: may override protected terms. */
        PROPERTY,
        /** Step 11.2: not propagated to nested node objects. */
        TYPE;

        ActiveContextBuilder builder(ActiveContext from) {
            return switch (this) {
                case SCALAR -> from.newContext();
                case PROPERTY -> from.newContext().overrideProtected(true);
                case TYPE -> from.newContext().propagate(false);
            };
        }
    }

    /** A scoped context applied to an active context; both by identity, as both are shared and never changed. */
    private record Derivation(
            ActiveContext from,
            JsonValue localContext,
            @Nullable URI baseUrl,
            Scope scope) {

        @Override
        public boolean equals(Object other) {
            return other instanceof Derivation that
                    && from == that.from
                    && localContext == that.localContext
                    && baseUrl == that.baseUrl
                    && scope == that.scope;
        }

        @Override
        public int hashCode() {
            return 31 * (31 * System.identityHashCode(from) + System.identityHashCode(localContext)) + scope.ordinal();
        }
    }

    /** An expanded node object under construction: {@code @id}, {@code @type}, then properties in document order. */
    private static final class Node {

        private @Nullable String id;
        private @Nullable JsonArray types;
        private final Map<String, List<JsonValue>> properties = new LinkedHashMap<>();

        void id(String expanded) throws NotHandled {
            if (id != null) {
                throw NOT_HANDLED;
            }
            id = expanded;
        }

        void types(JsonArray expanded) throws NotHandled {
            if (types != null) {
                throw NOT_HANDLED;
            }
            types = expanded;
        }

        void add(String property, JsonValue expanded) {
            List<JsonValue> values = properties.computeIfAbsent(property, p -> new ArrayList<>(2));
            if (expanded instanceof JsonArray items) {
                addAll(values, items);
            } else {
                values.add(expanded);
            }
        }

        private static void addAll(List<JsonValue> values, JsonArray items) {
            for (JsonValue item : items) {
                if (item instanceof JsonArray nested) {
                    addAll(values, nested);
                } else {
                    values.add(item);
                }
            }
        }

        // 19. At the top level or in a graph, an empty node or a lone @id says nothing and is dropped.
        JsonValue build(@Nullable String property) {
            boolean freeFloating = property == null || Keywords.GRAPH.equals(property);
            if (freeFloating && types == null && properties.isEmpty()) {
                return JsonValue.NULL;
            }
            JsonObjectBuilder node = JSON.createObjectBuilder();
            if (id != null) {
                node.add(Keywords.ID, id);
            }
            if (types != null) {
                node.add(Keywords.TYPE, types);
            }
            for (Map.Entry<String, List<JsonValue>> entry : properties.entrySet()) {
                JsonArrayBuilder values = JSON.createArrayBuilder();
                entry.getValue().forEach(values::add);
                node.add(entry.getKey(), values);
            }
            return node.build();
        }
    }

    /** A node left to titanium; thrown without a stack trace, as it is control flow. */
    private static final class NotHandled extends Exception {

        private static final long serialVersionUID = 1L;

        NotHandled() {
            super(null, null, false, false);
        }
    }
}
