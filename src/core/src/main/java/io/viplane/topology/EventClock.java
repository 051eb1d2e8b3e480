package io.viplane.topology;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.api.ProcessingContext;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * "Now" for the SLA and escalation clocks of an account partition, from the {@link Watermark}s of the
 * ticket sources (kept in a store, so a restart resumes from them instead of trusting the first source
 * to report). CRM, agent and sentiment records never move it.
 */
final class EventClock {
    static final Serde<Watermark> SERDE = Serdes.serdeFrom((t, w) -> w == null ? null : w.encode(),
            (t, b) -> b == null ? null : Watermark.decode(b));
    private static final String SOURCE_PREFIX = "p";
    private static final String NOW_KEY = "now";
    /** Wall-clock time since which every source has been caught up (absent while one is not). */
    private static final String CAUGHT_UP_SINCE_KEY = "caught-up-since";
    private static final StringSerializer KEYS = new StringSerializer();

    private final ProcessingContext context;
    private final KeyValueStore<String, Watermark> store;
    private final EventTimeOptions options;
    private final boolean replay;
    private long pinnedMs = Long.MAX_VALUE;
    /** Wall-clock time the watermark last moved (or this task started): the stall valve of EventOrder. */
    private long movedAtWallMs;

    EventClock(ProcessingContext context, KeyValueStore<String, Watermark> store, TopologyOptions options) {
        this.context = context;
        this.store = store;
        this.options = options.eventTime();
        this.replay = options.clock() == ClockMode.STREAM_TIME;
        this.movedAtWallMs = context.currentSystemTimeMs();
    }

    /** Takes in a source's mark. @return true when the watermark moved forward */
    boolean onMark(Watermark m) {
        String key = SOURCE_PREFIX + m.partition();
        Watermark old = store.get(key);
        // Progress never goes back: after its restart a source reports from nothing until it catches up.
        store.put(key, old == null || m.progressMs() >= old.progressMs() ? m
                : new Watermark(m.partition(), old.progressMs(), m.caughtUp()));
        List<Watermark> sources = sources();
        OptionalLong wm = EventTimeProgress.watermark(sources, options.ticketPartitions(), replay);
        long current = watermark().orElse(-1);
        boolean moved = wm.isPresent() && wm.getAsLong() > current;
        if (moved) {
            store.put(NOW_KEY, new Watermark(-1, wm.getAsLong(), false));
            movedAtWallMs = context.currentSystemTimeMs();
        }
        if (replay) { // only a replay holds records for event-time order
            boolean allCaughtUp = allCaughtUp(sources);
            boolean noted = store.get(CAUGHT_UP_SINCE_KEY) != null;
            if (allCaughtUp && !noted) {
                store.put(CAUGHT_UP_SINCE_KEY, new Watermark(-1, context.currentSystemTimeMs(), true));
            } else if (!allCaughtUp && noted) {
                store.delete(CAUGHT_UP_SINCE_KEY);
            }
        }
        return moved;
    }

    /** Every ticket source has reported that it has nothing left to read just now. */
    private boolean allCaughtUp(List<Watermark> sources) {
        Integer expected = options.ticketPartitions();
        return !sources.isEmpty() && (expected == null || sources.size() >= expected)
                && sources.stream().allMatch(Watermark::caughtUp);
    }

    /**
     * Up to which event time the account partition may take held records in order (see {@link EventOrder}):
     * the watermark, or everything once every source has been caught up for {@code settleMs} of wall-clock
     * time or the watermark has stood still for {@code stallMs}; Long.MIN_VALUE while nothing is known.
     */
    long orderedUpTo(long settleMs, long stallMs) {
        long wall = context.currentSystemTimeMs();
        Watermark since = store.get(CAUGHT_UP_SINCE_KEY);
        if ((since != null && wall - since.progressMs() >= settleMs) || wall - movedAtWallMs >= stallMs) {
            return Long.MAX_VALUE;
        }
        OptionalLong wm = watermark();
        return wm.isPresent() ? wm.getAsLong() : Long.MIN_VALUE;
    }

    OptionalLong watermark() {
        Watermark now = store.get(NOW_KEY);
        return now == null ? OptionalLong.empty() : OptionalLong.of(now.progressMs());
    }

    /**
     * Replaying: the watermark (epoch until every source has reported; callers take the later of it and the
     * event in hand). Live: wall-clock time, held back to the watermark for at most the grace.
     */
    Instant now() {
        return Instant.ofEpochMilli(replay ? Math.min(pinnedMs, Math.max(0, watermark().orElse(0)))
                : EventTimeProgress.liveNow(context.currentSystemTimeMs(), watermark(), options.grace().toMillis()));
    }

    /**
     * Replaying, while a record held for event-time order is processed: "now" goes no further than its time,
     * as if it had been processed when its turn came (the watermark may have passed the next held replies).
     */
    void pin(long atMs) {
        pinnedMs = atMs;
    }

    void unpin() {
        pinnedMs = Long.MAX_VALUE;
    }

    /** Whether clocks may have moved at all: in a replay, not before every source has reported. */
    boolean known() {
        return !replay || watermark().isPresent();
    }

    private List<Watermark> sources() {
        List<Watermark> out = new ArrayList<>();
        try (KeyValueIterator<String, Watermark> it = store.prefixScan(SOURCE_PREFIX, KEYS)) {
            while (it.hasNext()) {
                KeyValue<String, Watermark> kv = it.next();
                out.add(kv.value);
            }
        }
        return out;
    }
}
