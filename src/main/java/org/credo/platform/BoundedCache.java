package org.credo.platform;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * A small in-memory cache of derived values for the public pages: at most {@code capacity} entries, least recently
 * used first out, each kept for at most {@code timeToLive}. Keys name everything the value depends on (a version, a
 * stamp, the day), so a change is a new key and nothing needs to be evicted by hand; the time limit only bounds how
 * long a value that depends on the clock may be shown. Values may be computed twice when two readers miss at once;
 * both results are equal.
 */
public final class BoundedCache<K, V> {

    private record Entry<V>(V value, long expiresAt) {}

    private final long timeToLiveNanos;
    private final Map<K, Entry<V>> entries;

    public BoundedCache(int capacity, Duration timeToLive) {
        this.timeToLiveNanos = timeToLive.toNanos();
        this.entries = new LinkedHashMap<>(Math.min(capacity, 1024), 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<K, Entry<V>> eldest) {
                return size() > capacity;
            }
        };
    }

    /** The value kept for {@code key}, or the one {@code compute} gives, which is then kept. */
    public V get(K key, Supplier<V> compute) {
        var now = System.nanoTime();
        synchronized (entries) {
            var entry = entries.get(key);
            if (entry != null && entry.expiresAt() - now > 0) {
                return entry.value();
            }
        }
        var value = compute.get();
        synchronized (entries) {
            entries.put(key, new Entry<>(value, now + timeToLiveNanos));
        }
        return value;
    }

    /** The value kept for {@code key}, if any and still in time. */
    public @Nullable V find(K key) {
        var now = System.nanoTime();
        synchronized (entries) {
            var entry = entries.get(key);
            return entry != null && entry.expiresAt() - now > 0 ? entry.value() : null;
        }
    }

    /** Keeps {@code value} for {@code key}. */
    public void put(K key, V value) {
        synchronized (entries) {
            entries.put(key, new Entry<>(value, System.nanoTime() + timeToLiveNanos));
        }
    }

    /** How many entries are kept now. */
    public int size() {
        synchronized (entries) {
            return entries.size();
        }
    }
}
