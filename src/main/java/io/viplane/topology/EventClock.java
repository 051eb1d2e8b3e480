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
    private static final StringSerializer KEYS = new StringSerializer();

    private final ProcessingContext context;
    private final KeyValueStore<String, Watermark> store;
    private final EventTimeOptions options;
    private final boolean replay;

    EventClock(ProcessingContext context, KeyValueStore<String, Watermark> store, TopologyOptions options) {
        this.context = context;
        this.store = store;
        this.options = options.eventTime();
        this.replay = options.clock() == ClockMode.STREAM_TIME;
    }

    /** Takes in a source's mark. @return true when the watermark moved forward */
    boolean onMark(Watermark m) {
        String key = SOURCE_PREFIX + m.partition();
        Watermark old = store.get(key);
        // Progress never goes back: after its restart a source reports from nothing until it catches up.
        store.put(key, old == null || m.progressMs() >= old.progressMs() ? m
                : new Watermark(m.partition(), old.progressMs(), m.caughtUp()));
        OptionalLong wm = EventTimeProgress.watermark(sources(), options.ticketPartitions(), replay);
        long current = watermark().orElse(-1);
        if (wm.isPresent() && wm.getAsLong() > current) {
            store.put(NOW_KEY, new Watermark(-1, wm.getAsLong(), false));
            return true;
        }
        return false;
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
        return Instant.ofEpochMilli(replay ? Math.max(0, watermark().orElse(0))
                : EventTimeProgress.liveNow(context.currentSystemTimeMs(), watermark(), options.grace().toMillis()));
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
