package io.viplane.topology;

import io.viplane.model.SentimentEvent;
import io.viplane.model.TicketEvent;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Arrays;
import java.util.function.Predicate;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Replaying ({@code --clock stream-time}), the account partition takes its ticket events and NLP scores in
 * event-time order. They reach it through two repartition topics written by upstream tasks that run at
 * different paces, so the order in which they meet is a race: whether a score is judged before or after the
 * message it follows, or one ticket's event before another ticket's of the same account, decided
 * escalations and risk levels (measured: two replays of the demo day gave 264 and 265 escalations, T2 39
 * and 40). Here they wait until the watermark has passed them (every event up to it has been read), then go
 * on in the order of their event time; so every replay of a history processes it alike.
 *
 * <p>Three releases: the watermark (the rule); every ticket source caught up for {@link #SETTLE} of wall-clock
 * time (the end of a replay is processed, not held until the next one; "caught up" alone comes and goes while
 * a publisher is still writing, and releasing on it made two replays differ); and a watermark that has not
 * moved for {@link #STALL} of wall-clock time while records wait (a source whose task is not running cannot
 * hold the partition back without end). A bound in event time instead (6 h behind the newest held record)
 * fired on a loaded machine, where upstream tasks run hours of event time apart, and made two replays differ.
 * Live (wall-clock), nothing is held: a page must not wait.
 */
final class EventOrder {
    /** How long every ticket source must have had nothing to read before the rest is let through. */
    static final Duration SETTLE = EventTimeOptions.REPLAY_SETTLE;
    /** How long the watermark may stand still while records wait before they go on regardless. */
    static final Duration STALL = Duration.ofSeconds(60);
    static final Serde<Held> SERDE = Serdes.serdeFrom(new HeldSerializer(), new HeldDeserializer());
    private static final byte TICKET = 0;
    private static final byte SENTIMENT = 1;
    /** Per release call, as the timer's budget (TicketEngine): well inside the 5 s transaction timeout. */
    static final long BUDGET_NANOS = 500_000_000L;
    private static final int BATCH = 100;
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(EventOrder.class);

    /** One held record: a ticket event (with the admission cut it carried, or null) or an NLP score. */
    record Held(TicketEvent ticket, Long truncatedFrom, SentimentEvent sentiment) {
    }

    private final KeyValueStore<String, Held> store;
    private final TicketEngine engine;
    private final boolean replay;

    EventOrder(KeyValueStore<String, Held> store, TicketEngine engine, TopologyOptions options) {
        this.store = store;
        this.engine = engine;
        this.replay = options.clock() == ClockMode.STREAM_TIME;
    }

    /**
     * Replaying, the record joins the queue (even one already behind the release point: a release cut short
     * by its budget may still hold older ones, which go first). @return false live: process it now
     */
    boolean hold(TicketEvent e, Long truncatedFrom, long offset) {
        return hold(e.getOccurredAt().toEpochMilli(), e.getTicketId(), TICKET, offset, new Held(e, truncatedFrom, null));
    }

    boolean hold(SentimentEvent e, long offset) {
        return hold(e.getOccurredAt().toEpochMilli(), e.getTicketId(), SENTIMENT, offset, new Held(null, null, e));
    }

    private boolean hold(long atMs, String ticketId, byte kind, long offset, Held held) {
        if (!replay) {
            return false;
        }
        // Event time first; ties by ticket, then a ticket's own event before a score, then arrival.
        store.put(String.format("%019d", atMs) + '\u0000' + ticketId + '\u0000' + kind + String.format("%019d", offset), held);
        return true;
    }

    /** The current record's offset in its repartition topic: the arrival order among equal times. */
    static long offset(org.apache.kafka.streams.processor.api.ProcessingContext context) {
        return context.recordMetadata().map(org.apache.kafka.streams.processor.api.RecordMetadata::offset).orElse(-1L);
    }

    /**
     * Hands the held records due by now to {@code into}, oldest first, within {@link #BUDGET_NANOS}: the rest
     * waits for the next call (a mark, a record or the timer), so one call never outlives the transaction.
     * A record {@code into} could not take yet (false: the deadlines before it are not all done) stays, and
     * so does everything after it.
     *
     * @return the event time of the oldest record still held (Long.MAX_VALUE: none; always, live), which the
     *         timers must not run past
     */
    long release(Predicate<Held> into) {
        if (!replay) {
            return Long.MAX_VALUE;
        }
        long upTo = releasePoint();
        long started = System.nanoTime();
        while (true) {
            // A batch at a time, read before it is processed: processing writes to other stores, and an
            // iterator left open across those writes is best avoided.
            java.util.List<KeyValue<String, Held>> due = new java.util.ArrayList<>(BATCH);
            long next = Long.MAX_VALUE; // the oldest record after this batch
            try (KeyValueIterator<String, Held> it = store.all()) {
                while (it.hasNext()) {
                    KeyValue<String, Held> kv = it.next();
                    if (timeOf(kv.key) > upTo || due.size() == BATCH) {
                        next = timeOf(kv.key);
                        break;
                    }
                    due.add(kv);
                }
            }
            if (upTo == Long.MAX_VALUE && !due.isEmpty()) {
                LOG.info("replay: every ticket source caught up for {}, or the watermark still for {}; {} held record(s)"
                        + " from {} go on ahead of the watermark {}", SETTLE, STALL, due.size(),
                        java.time.Instant.ofEpochMilli(timeOf(due.get(0).key)), engine.clockNow());
            }
            for (KeyValue<String, Held> kv : due) {
                if (!into.test(kv.value)) {
                    return timeOf(kv.key);
                }
                store.delete(kv.key);
            }
            if (next > upTo || System.nanoTime() - started >= BUDGET_NANOS) {
                return next;
            }
        }
    }

    private static long timeOf(String key) {
        return Long.parseLong(key.substring(0, 19));
    }

    private long releasePoint() {
        return engine.eventOrderReleasePoint();
    }

    private static final class HeldSerializer implements Serializer<Held> {
        private final Serializer<TicketEvent> tickets = StateSerdes.avro(TicketEvent.class).serializer();
        private final Serializer<SentimentEvent> scores = StateSerdes.avro(SentimentEvent.class).serializer();

        @Override
        public byte[] serialize(String topic, Held h) {
            if (h == null) {
                return null;
            }
            boolean ticket = h.ticket() != null;
            byte[] body = ticket ? tickets.serialize(topic, h.ticket()) : scores.serialize(topic, h.sentiment());
            return ByteBuffer.allocate(1 + 8 + body.length).put(ticket ? TICKET : SENTIMENT)
                    .putLong(h.truncatedFrom() == null ? -1 : h.truncatedFrom()).put(body).array();
        }
    }

    private static final class HeldDeserializer implements Deserializer<Held> {
        private final Deserializer<TicketEvent> tickets = StateSerdes.avro(TicketEvent.class).deserializer();
        private final Deserializer<SentimentEvent> scores = StateSerdes.avro(SentimentEvent.class).deserializer();

        @Override
        public Held deserialize(String topic, byte[] b) {
            if (b == null) {
                return null;
            }
            ByteBuffer in = ByteBuffer.wrap(b);
            byte kind = in.get();
            long cut = in.getLong();
            byte[] body = Arrays.copyOfRange(b, 9, b.length);
            return kind == TICKET ? new Held(tickets.deserialize(topic, body), cut < 0 ? null : cut, null)
                    : new Held(null, null, scores.deserialize(topic, body));
        }
    }
}
