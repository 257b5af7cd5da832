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

    /** The milliseconds left, at least 1 (0 would mean "wait forever" to a socket). */
    int remainingMillis() {
        if (passed()) {
            throw expired();
        }
        return (int) Math.max(1, Math.min(Integer.MAX_VALUE, (endNanos - System.nanoTime()) / 1_000_000));
    }

    FetchFailure expired() {
        return new FetchFailure(
                FetchFailure.Reason.TIMEOUT,
                "it took longer than " + total.toMillis() + " ms, the most Credo waits for another server");
    }
}
