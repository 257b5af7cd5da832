package org.credo.registration;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.credo.platform.ProblemException;

/** Adds started all at once on 8 threads, and how they ended: seated, refused as full, or anything else. */
record Race(int seated, int full, Map<String, Integer> other) {

    /** Runs every add, released together, and waits up to two minutes for them all. */
    static Race run(List<Runnable> adds) throws InterruptedException {
        var seated = new AtomicInteger();
        var full = new AtomicInteger();
        var other = new ConcurrentHashMap<String, Integer>();
        var start = new CountDownLatch(1);
        var pool = Executors.newFixedThreadPool(8);
        for (var add : adds) {
            pool.submit(() -> {
                try {
                    start.await();
                    add.run();
                    seated.incrementAndGet();
                } catch (ProblemException e) {
                    if (e.status().value() == 409) {
                        full.incrementAndGet();
                    } else {
                        other.merge(e.getMessage(), 1, Integer::sum);
                    }
                } catch (Exception e) {
                    other.merge(e.toString(), 1, Integer::sum);
                }
                return null;
            });
        }
        start.countDown();
        pool.shutdown();
        if (!pool.awaitTermination(2, TimeUnit.MINUTES)) {
            throw new AssertionError("The race did not end within two minutes");
        }
        return new Race(seated.get(), full.get(), new TreeMap<>(other));
    }
}
