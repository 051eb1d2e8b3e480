package io.viplane.topology;

import io.viplane.codec.InvalidRecordException;
import io.viplane.model.SentimentEvent;
import java.time.Duration;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.WindowStore;
import org.apache.kafka.streams.state.WindowStoreIterator;

/**
 * Runs on the ticket partition ({@code support.sentiment} is keyed by {@code ticket_id} like
 * {@code support.tickets}): drops repeated {@code event_id}s and sends the score to the account
 * partition its ticket is pinned to, so a score meets its ticket whichever arrives first.
 */
final class SentimentOwnerProcessor implements Processor<String, SentimentEvent, String, SentimentEvent> {
    /** Sentiment event ids share the ticket dedup store under their own prefix. */
    static final String ID_PREFIX = "sentiment\u0001";

    private final long retentionMs;
    private final FutureEvents future;
    private ProcessorContext<String, SentimentEvent> context;
    private WindowStore<String, Long> seen;
    private KeyValueStore<String, TicketOwner> owners;

    SentimentOwnerProcessor(Duration retention, Duration maxFutureSkew) {
        this.retentionMs = retention.toMillis();
        this.future = new FutureEvents(maxFutureSkew);
    }

    @Override
    public void init(ProcessorContext<String, SentimentEvent> context) {
        this.context = context;
        this.seen = context.getStateStore(Names.EVENT_ID_STORE);
        this.owners = context.getStateStore(Names.TICKET_OWNER_STORE);
    }

    @Override
    public void process(Record<String, SentimentEvent> record) {
        SentimentEvent e = record.value();
        if (e == null) {
            throw new InvalidRecordException("", "null value: sentiment events cannot be deleted");
        }
        if (record.key() != null && !record.key().equals(e.getTicketId())) {
            throw new InvalidRecordException("ticket_id", "does not match the record key");
        }
        future.check(e.getOccurredAt(), context.currentSystemTimeMs());
        long t = e.getOccurredAt().toEpochMilli();
        String id = ID_PREFIX + e.getEventId();
        try (WindowStoreIterator<Long> it = seen.fetch(id, t - retentionMs, t + retentionMs)) {
            if (it.hasNext()) {
                return;
            }
        }
        seen.put(id, t, t);
        TicketOwner owner = owners.get(e.getTicketId());
        if (owner != null) {
            e.setAccountId(owner.accountId()); // where the ticket's state is, even when that is no account
        }
        String key = e.getAccountId() != null ? e.getAccountId() : Names.accountlessKey(e.getTicketId());
        context.forward(record.withKey(key).withValue(e).withTimestamp(t));
    }
}
