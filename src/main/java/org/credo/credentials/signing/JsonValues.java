package org.credo.credentials.signing;

import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.spi.JsonProvider;

/** JSON-P helpers; the provider is looked up once, because {@code Json.create...} looks it up on every call. */
final class JsonValues {

    static final JsonProvider JSON = JsonProvider.provider();

    private JsonValues() {}

    static JsonObjectBuilder copy(JsonObject object) {
        return JSON.createObjectBuilder(object);
    }

    static JsonObject without(JsonObject object, String key) {
        return object.containsKey(key) ? copy(object).remove(key).build() : object;
    }
}
