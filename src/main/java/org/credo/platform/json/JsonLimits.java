package org.credo.platform.json;

import jakarta.json.Json;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.util.Map;
import org.credo.platform.ProblemException;
import org.springframework.http.HttpStatus;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.databind.json.JsonMapper;

/**
 * How much JSON Credo reads from outside: its size in bytes, how deeply arrays and objects nest in it, and how many
 * values it holds. Text over a limit is refused before any parser sees it: the JSON-P parser and JSON-LD processing
 * recurse once per level, so 100,000 levels would end in a StackOverflowError (ADR 21).
 */
public record JsonLimits(long maxBytes, int maxDepth, long maxValues) {

    /** The most bytes of JSON Credo reads in one document: the API's body limit, and far more than a credential. */
    public static final long MAX_BYTES = 1024 * 1024;

    /**
     * The deepest nesting Credo reads. A credential nests about eight levels, a presentation of a CLR transcript
     * about twenty; 64 leaves room for what other issuers do, and no parser runs out of stack at 64.
     */
    public static final int MAX_DEPTH = 64;

    /** Any JSON document from outside: size and nesting only. */
    public static final JsonLimits ANY = new JsonLimits(MAX_BYTES, MAX_DEPTH, Long.MAX_VALUE);

    /**
     * Refuses a JSON text over a limit, without parsing it: 413 when it is too large in bytes, 400 when too deep or
     * with too many values. The detail names the thing, the measure and the limit.
     *
     * @param what the thing the text is, as the caller knows it ("The credential", "The request body")
     */
    public void check(String text, String what) {
        var scan = JsonScan.of(text);
        if (scan.bytes() > maxBytes) {
            throw refused(
                    HttpStatus.CONTENT_TOO_LARGE,
                    "Too large",
                    what + " is too large: " + scan.bytes() + " bytes > " + maxBytes + ", the most Credo reads.",
                    "bytes",
                    maxBytes,
                    scan.bytes());
        }
        if (scan.depth() > maxDepth) {
            throw refused(
                    HttpStatus.BAD_REQUEST,
                    "Nested too deeply",
                    what + " is nested too deeply: " + scan.depth() + " levels of arrays and objects > " + maxDepth
                            + ", the most Credo reads.",
                    "depth",
                    maxDepth,
                    scan.depth());
        }
        if (scan.values() > maxValues) {
            throw refused(
                    HttpStatus.BAD_REQUEST,
                    "Too large",
                    what + " is too large: " + scan.values() + " JSON values > " + maxValues
                            + ", the most Credo reads in one document.",
                    "values",
                    maxValues,
                    scan.values());
        }
    }

    /**
     * Checks, then parses a JSON text with JSON-P.
     *
     * @throws jakarta.json.JsonException when the text is not JSON
     */
    public JsonValue read(String text, String what) {
        check(text, what);
        try (var reader = Json.createReader(new StringReader(text))) {
            return reader.readValue();
        }
    }

    /** A Jackson mapper builder whose parsers stop at {@link #MAX_DEPTH}; for mappers made outside Spring. */
    public static JsonMapper.Builder jsonMapperBuilder() {
        return JsonMapper.builder(JsonFactory.builder()
                .streamReadConstraints(StreamReadConstraints.builder()
                        .maxNestingDepth(MAX_DEPTH)
                        .build())
                .build());
    }

    private static ProblemException refused(
            HttpStatus status, String title, String detail, String limit, long maximum, long actual) {
        return new ProblemException(
                status, title, detail, Map.of("limit", limit, "maximum", maximum, "actual", actual));
    }
}
