package org.credo.credentials.network;

import java.time.Duration;

/** The moment a whole fetch must be done by; every wait is cut to what is left. */
final class Deadline {

    private final long endNanos;
    private final Duration total;

    private Deadline(Duration total) {
        this.total = total;
        this.endNanos = System.nanoTime() + total.toNanos();
    }

    static Deadline after(Duration total) {
        return new Deadline(total);
    }

    boolean passed() {
        return System.nanoTime() - endNanos >= 0;
    }

    /**
     * Whether a socket that gave up now gave up because of the deadline: passed, or so close to it (20 ms) that a
     * timer's granularity explains the difference.
     */
    boolean explains() {
        return System.nanoTime() - endNanos >= -20_000_000L;
    }

    /**
     * The milliseconds left, rounded up so that a socket timed out with them ends at or after the deadline (never
     * a fraction of a millisecond before it, which would look like a dead server); at least 1 (0 would mean "wait
     * forever" to a socket).
     */
    int remainingMillis() {
        if (passed()) {
            throw expired();
        }
        long left = (endNanos - System.nanoTime() + 999_999) / 1_000_000;
        return (int) Math.max(1, Math.min(Integer.MAX_VALUE, left));
    }

    FetchFailure expired() {
        return new FetchFailure(
                FetchFailure.Reason.TIMEOUT,
                "it took longer than " + total.toMillis() + " ms, the most Credo waits for another server");
    }
}
