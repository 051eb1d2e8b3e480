package io.viplane.topology;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The work one input record may cost, and what happens to a record that costs more: a record whose
 * processing takes more than the budget of the stream thread's CPU time is remembered by its
 * coordinates (topic, partition, offset). Usually nothing follows: it committed. But if its transaction
 * failed (the work outlived the transaction timeout, the task was fenced), Kafka Streams hands the same
 * record to the task again, and then it is refused with a {@link Exceeded}, which the processing exception
 * handler dead-letters with the reason, instead of being retried forever while nothing else of its
 * partition moves.
 *
 * <p>CPU time, not wall time: a thread that waits (a broker restart blocking a send, a GC pause, a busy
 * machine) has done no work, and a record must not be dead-lettered because of its neighbours. One per
 * built topology (shared by its tasks), so a task re-created after a fence finds what its predecessor
 * measured; another instance taking the task over measures for itself (at most one more slow attempt).
 */
public final class RecordBudget {
    private static final Logger LOG = LoggerFactory.getLogger(RecordBudget.class);
    /**
     * 3 s of CPU: far above any designed step (typical records take under 10 ms; a watermark's release and
     * timers are budgeted at 0.5 s each, so a catch-up step may take about 1 s), and close enough to the 5 s
     * transaction timeout (StreamsSettings) that a record over it is what made its transaction time out,
     * not a bystander of an abort with another cause (one transaction covers every task of the thread).
     */
    public static final Duration DEFAULT = Duration.ofSeconds(3);
    /** Remembered records at most (oldest forgotten first): slow records are rare; memory stays bounded. */
    private static final int REMEMBERED = 10_000;
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    /** A record that was over the budget before and is handed over again. */
    public static final class Exceeded extends RuntimeException {
        Exceeded(String message) {
            super(message);
        }
    }

    private final long budgetNanos;
    private final LongSupplier cpuNanos;
    private final Set<String> overBudget = java.util.Collections.newSetFromMap(java.util.Collections.synchronizedMap(
            new java.util.LinkedHashMap<>() {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
                    return size() > REMEMBERED;
                }
            }));

    /** Without per-thread CPU time (an unusual JVM) the budget is off: wall time would blame a record for its neighbours. */
    public RecordBudget(Duration budget) {
        this(budget, cpuTimeAvailable() ? THREADS::getCurrentThreadCpuTime : null);
    }

    private static boolean cpuTimeAvailable() {
        if (!THREADS.isCurrentThreadCpuTimeSupported()) {
            LOG.warn("this JVM measures no per-thread CPU time: the per-record budget is off");
            return false;
        }
        if (!THREADS.isThreadCpuTimeEnabled()) {
            THREADS.setThreadCpuTimeEnabled(true);
        }
        return true;
    }

    RecordBudget(Duration budget, LongSupplier cpuNanos) {
        this.budgetNanos = budget.toNanos();
        this.cpuNanos = cpuNanos;
    }

    /** Runs the work of the record at these coordinates, or refuses a record that was over the budget before. */
    public void run(String coordinates, Runnable work) {
        if (coordinates != null && overBudget.contains(coordinates)) {
            throw new Exceeded("record " + coordinates + " took more than its budget of " + budgetNanos / 1_000_000
                    + " ms of CPU on an earlier attempt, whose transaction did not commit: dead-lettered instead of retried");
        }
        if (cpuNanos == null) {
            work.run();
            return;
        }
        long start = cpuNanos.getAsLong();
        work.run();
        long spent = cpuNanos.getAsLong() - start;
        if (spent > budgetNanos && coordinates != null && overBudget.add(coordinates)) {
            LOG.warn("record {} took {} ms of CPU (budget {} ms): should its transaction fail, it is dead-lettered, not retried",
                    coordinates, spent / 1_000_000, budgetNanos / 1_000_000);
        }
    }
}
