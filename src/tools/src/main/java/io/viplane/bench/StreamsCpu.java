package io.viplane.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;

/**
 * CPU time used by one Kafka Streams application's threads (stream, global, and their clients'
 * network threads, all named after the application id). Unlike wall time it barely moves when
 * other processes compete for the cores, so CPU per event is the steadier figure on a shared machine.
 */
final class StreamsCpu {
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private StreamsCpu() {
    }

    static boolean supported() {
        return THREADS.isThreadCpuTimeSupported();
    }

    /** Total CPU nanoseconds so far of the live threads whose name mentions {@code applicationId}. */
    static long nanos(String applicationId) {
        if (!supported()) {
            return -1;
        }
        String tag = applicationId + "-";
        long total = 0;
        for (ThreadInfo t : THREADS.getThreadInfo(THREADS.getAllThreadIds())) {
            if (t != null && t.getThreadName().contains(tag)) {
                long cpu = THREADS.getThreadCpuTime(t.getThreadId());
                if (cpu > 0) {
                    total += cpu;
                }
            }
        }
        return total;
    }
}
