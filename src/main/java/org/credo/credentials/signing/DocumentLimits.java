package org.credo.credentials.signing;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonStructure;
import jakarta.json.JsonValue;
import java.util.ArrayDeque;
import java.util.Map;
import org.credo.platform.ProblemException;
import org.credo.platform.json.JsonLimits;
import org.springframework.http.HttpStatus;

/**
 * The most a credential or presentation to sign or verify may hold. Each limit bounds the work of canonicalizing it,
 * which grows faster than its size: past them, Credo refuses at once instead of computing for seconds (ADR 21).
 * Credentials Credo issues stay far below them (about 150 values and 60 quads).
 */
public final class DocumentLimits {

    /** JSON values (objects, arrays, strings, numbers, literals) in one document. */
    public static final long MAX_VALUES = 10_000;

    /** Proofs on one document: each costs a canonicalization of the whole document. */
    public static final int MAX_PROOFS = 4;

    /** RDF quads one canonicalization may produce; JSON-LD makes at most a few per value, so rarely reached. */
    static final int MAX_QUADS = 20_000;

    /**
     * Blank nodes whose first-degree hashes equal another's: identical alignments, or the entries of equal lists (a
     * grade scale shared by several result descriptions). RDFC-1.0 tells them apart by N-degree hashing, whose cost
     * in titanium-rdfc grows with the square of their number; 1,000 take about 0.3 s.
     */
    static final int MAX_LOOK_ALIKE_BLANK_NODES = 1_000;

    /**
     * Steps of RDFC-1.0's N-degree hashing as titanium-rdfc counts them (about 20 per look-alike list entry): the
     * count is exponential for a crafted clique of look-alike blank nodes, and 50,000 steps take about 0.3 s.
     */
    static final int MAX_HASHING_STEPS = 50_000;

    /** Size, nesting and number of values of a document's JSON text. */
    public static final JsonLimits JSON = new JsonLimits(JsonLimits.MAX_BYTES, JsonLimits.MAX_DEPTH, MAX_VALUES);

    private DocumentLimits() {}

    /**
     * Refuses the JSON text of a document over a limit, before it is parsed.
     *
     * @param what the document, as the caller names it ("The credential")
     * @throws ProblemException 413 when too many bytes, 400 when nested too deeply or with too many values
     */
    public static void check(String json, String what) {
        JSON.check(json, what);
    }

    /**
     * Refuses a parsed document with too many values or proofs.
     *
     * @throws ProblemException 400 naming the limit
     */
    public static void check(JsonObject document, String what) {
        long values = values(document);
        if (values > MAX_VALUES) {
            throw refused(
                    what + " is too large: " + values + " JSON values > " + MAX_VALUES
                            + ", the most Credo reads in one document.",
                    "values",
                    MAX_VALUES,
                    values);
        }
        int proofs = document.get("proof") instanceof JsonArray array ? array.size() : 0;
        if (proofs > MAX_PROOFS) {
            throw refused(
                    what + " has too many proofs: " + proofs + " > " + MAX_PROOFS
                            + ", the most Credo checks on one document.",
                    "proofs",
                    MAX_PROOFS,
                    proofs);
        }
    }

    /** Counts values without recursion, so that a document nested deeper than usual cannot exhaust the stack. */
    private static long values(JsonStructure root) {
        long count = 0;
        var pending = new ArrayDeque<JsonValue>();
        pending.push(root);
        while (!pending.isEmpty()) {
            var value = pending.pop();
            count++;
            if (value instanceof JsonObject object) {
                object.values().forEach(pending::push);
            } else if (value instanceof JsonArray array) {
                array.forEach(pending::push);
            }
        }
        return count;
    }

    private static ProblemException refused(String detail, String limit, long maximum, long actual) {
        return new ProblemException(
                HttpStatus.BAD_REQUEST,
                "Too large",
                detail,
                Map.of("limit", limit, "maximum", maximum, "actual", actual));
    }
}
