package io.viplane.topology;

import io.viplane.admission.InputKeys;
import io.viplane.admission.RecordTimes;
import io.viplane.codec.InvalidRecordException;
import java.time.Duration;
import java.time.Instant;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.WindowStore;
import org.apache.kafka.streams.state.WindowStoreIterator;

/**
 * What the processors of the ticket partition share ({@code support.tickets} and {@code support.sentiment}
 * are both keyed by {@code ticket_id}): the admission of an event (not deleted, keyed, key matches, a record time
 * the broker accepts, not seen before) and the ticket-owner store that says which partition comes next.
 */
abstract class TicketPartitionProcessor<E, O> implements Processor<String, E, String, O> {
    private final long retentionMs;
    private final RecordTimes times;
    protected ProcessorContext<String, O> context;
    private WindowStore<String, Long> seen;
    protected KeyValueStore<String, TicketOwner> owners;

    TicketPartitionProcessor(Duration retention, Duration maxFutureSkew) {
        this.retentionMs = retention.toMillis();
        this.times = new RecordTimes(maxFutureSkew);
    }

    @Override
    public void init(ProcessorContext<String, O> context) {
        this.context = context;
        this.seen = context.getStateStore(Names.EVENT_ID_STORE);
        this.owners = context.getStateStore(Names.TICKET_OWNER_STORE);
    }

    /** "ticket events" or "sentiment events", for the dead-letter reason. */
    protected abstract String what();

    protected abstract String ticketId(E event);

    /** The id in the shared dedup store (event ids of different topics must not collide). */
    protected abstract String dedupId(E event);

    protected abstract Instant occurredAt(E event);

    /** @return false for a repeated event id (no effect); throws for a record that must be a dead letter */
    protected boolean admit(Record<String, E> record) {
        E e = record.value();
        if (e == null) {
            throw new InvalidRecordException("", "null value: " + what() + " cannot be deleted");
        }
        InputKeys.check("ticket_id", record.key(), ticketId(e), false);
        times.check("occurred_at", occurredAt(e), context.currentSystemTimeMs());
        long t = occurredAt(e).toEpochMilli();
        try (WindowStoreIterator<Long> it = seen.fetch(dedupId(e), t - retentionMs, t + retentionMs)) {
            if (it.hasNext()) {
                return false;
            }
        }
        seen.put(dedupId(e), t, t);
        return true;
    }

    /** The account partition's key: the account, or the ticket itself when it has none. */
    static String partitionKey(String accountId, String ticketId) {
        return accountId == null ? Names.accountlessKey(ticketId) : accountId;
    }
}
