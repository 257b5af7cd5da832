package org.credo.credentials.network;

import java.time.Duration;
import java.util.LinkedHashMap;
import org.jspecify.annotations.Nullable;

/**
 * Documents fetched from other servers, each kept as long as its answer allowed, in a bounded amount of memory:
 * the least recently used go first. Verifiers are asked to cache status lists, so that an issuer learns less from
 * when its lists are read.
 */
final class DocumentCache {

    private record Entry(String body, long bytes, long expiresNanos) {}

    private final long maxBytes;
    private final LinkedHashMap<String, Entry> entries = new LinkedHashMap<>(16, 0.75f, true);
    private long bytes;

    DocumentCache(long maxBytes) {
        this.maxBytes = maxBytes;
    }

    synchronized @Nullable String get(String key) {
        var entry = entries.get(key);
        if (entry == null) {
            return null;
        }
        if (System.nanoTime() - entry.expiresNanos() >= 0) {
            remove(key);
            return null;
        }
        return entry.body();
    }

    synchronized void put(String key, String body, Duration freshness) {
        remove(key);
        long size = 2L * body.length() + key.length();
        if (freshness.isZero() || freshness.isNegative() || size > maxBytes) {
            return;
        }
        entries.put(key, new Entry(body, size, System.nanoTime() + freshness.toNanos()));
        bytes += size;
        // Through the iterator: in access order, even get() would reorder the map under it.
        var oldest = entries.entrySet().iterator();
        while (bytes > maxBytes && oldest.hasNext()) {
            bytes -= oldest.next().getValue().bytes();
            oldest.remove();
        }
    }

    synchronized void clear() {
        entries.clear();
        bytes = 0;
    }

    private void remove(String key) {
        var entry = entries.remove(key);
        if (entry != null) {
            bytes -= entry.bytes();
        }
    }
}
