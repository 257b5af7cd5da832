package org.credo;

import java.lang.management.ManagementFactory;

/**
 * The time one call takes (elapsed, and CPU time of its thread), the bytes it allocates on its thread and the heap in
 * use before and after it, for the figures that hardening tests print and assert. MockMvc serves a request on the
 * calling thread, so a request counts too. Tests assert on CPU time: elapsed time also counts the other processes of a
 * shared machine.
 */
public record Cost(long millis, long cpuMillis, long allocatedBytes, long heapBeforeBytes, long heapAfterBytes) {

    /** The call to measure, with the test's assertions inside it. */
    @FunctionalInterface
    public interface Call {
        void run() throws Exception;
    }

    /** Measures a call, which asserts its own outcome. */
    public static Cost of(Call call) throws Exception {
        var threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long thread = Thread.currentThread().getId();
        long heapBefore = usedHeapAfterGc();
        long allocatedBefore = threads.getThreadAllocatedBytes(thread);
        long cpuBefore = threads.getCurrentThreadCpuTime();
        long start = System.nanoTime();
        call.run();
        long millis = (System.nanoTime() - start) / 1_000_000;
        long cpuMillis = (threads.getCurrentThreadCpuTime() - cpuBefore) / 1_000_000;
        long allocated = threads.getThreadAllocatedBytes(thread) - allocatedBefore;
        return new Cost(millis, cpuMillis, allocated, heapBefore, usedHeapAfterGc());
    }

    /** The figures in one line, for a test's output. */
    public String describe(String what) {
        return String.format(
                "%s: %d ms (%d ms CPU), %.1f MB allocated, heap in use %.1f MB before and %.1f MB after",
                what, millis, cpuMillis, allocatedBytes / 1e6, heapBeforeBytes / 1e6, heapAfterBytes / 1e6);
    }

    private static long usedHeapAfterGc() {
        System.gc();
        var runtime = Runtime.getRuntime();
        return runtime.totalMemory() - runtime.freeMemory();
    }
}
