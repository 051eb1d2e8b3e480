package io.viplane.bench;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Send times of one pass's events and the latency of each output matched to one of them
 * ({@code event_id} for the identity topology, {@code source_event_id} for routed tickets).
 * Some events are "awaited": their output must arrive before the pass counts as done.
 */
final class LatencyLog {
    private final Map<String, Long> sentAt = new ConcurrentHashMap<>();
    private final Set<String> awaited = ConcurrentHashMap.newKeySet();
    private final Samples latencies = new Samples();
    private volatile long firstSentNanos = Long.MIN_VALUE;
    private volatile long lastMatchNanos = Long.MIN_VALUE;
    private volatile int sent;

    /** Called by the one sending thread, before the record is handed to the producer. */
    void sent(String id, long nanos, boolean mustArrive) {
        if (sent == 0) {
            firstSentNanos = nanos;
        }
        sentAt.put(id, nanos);
        if (mustArrive) {
            awaited.add(id);
        }
        sent++;
    }

    /** Called by the output consumer; an id is matched once, later outputs for it are not latencies. */
    void received(String id, long nanos) {
        Long at = id == null ? null : sentAt.remove(id);
        if (at == null) {
            return;
        }
        latencies.add(nanos - at);
        awaited.remove(id);
        lastMatchNanos = nanos;
    }

    int sentCount() {
        return sent;
    }

    int awaitedRemaining() {
        return awaited.size();
    }

    int matched() {
        return latencies.size();
    }

    long firstSentNanos() {
        return firstSentNanos;
    }

    long lastMatchNanos() {
        return lastMatchNanos;
    }

    Percentiles.Summary latencyNanos() {
        return latencies.summary();
    }
}
