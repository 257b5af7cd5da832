package org.credo.credentials.signing;

import jakarta.json.JsonObject;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Remembers the canonical form of recent proof configurations.
 *
 * <p>Canonicalization is a pure function of the JSON, so a remembered result is exactly the computed one. It pays in
 * bulk issuance: an issuer's proofs differ only by {@code created}, which has whole seconds, so thousands of
 * credentials signed within a second share one proof configuration.
 */
final class ProofConfigCache {

    private static final int MAX_ENTRIES = 1024;

    private final Map<JsonObject, byte[]> canonical = new ConcurrentHashMap<>();

    byte[] get(JsonObject proofConfig) {
        byte[] bytes = canonical.get(proofConfig);
        return bytes == null ? null : bytes.clone();
    }

    void put(JsonObject proofConfig, byte[] bytes) {
        if (canonical.size() >= MAX_ENTRIES) {
            // Old seconds are never asked for again; start over rather than track recency.
            canonical.clear();
        }
        canonical.put(proofConfig, bytes.clone());
    }
}
