package io.viplane.topology;

import io.viplane.codec.InvalidRecordException;
import io.viplane.model.TicketEvent;
import java.time.Duration;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.WindowStore;
import org.apache.kafka.streams.state.WindowStoreIterator;

/**
 * Runs on the ticket partition. Drops repeated {@code event_id}s, and pins each ticket to the
 * account of its first event (or to no account), so that all of a ticket's events meet its one
 * state on one partition even when later events omit or change {@code account_id}.
 */
final class TicketDedupProcessor implements Processor<String, TicketEvent, String, TicketEvent> {
    private final long retentionMs;
    private final FutureEvents future;
    private ProcessorContext<String, TicketEvent> context;
    private WindowStore<String, Long> seen;
    private KeyValueStore<String, TicketOwner> owners;

    TicketDedupProcessor(Duration retention, Duration maxFutureSkew) {
        this.retentionMs = retention.toMillis();
        this.future = new FutureEvents(maxFutureSkew);
    }

    @Override
    public void init(ProcessorContext<String, TicketEvent> context) {
        this.context = context;
        this.seen = context.getStateStore(Names.EVENT_ID_STORE);
        this.owners = context.getStateStore(Names.TICKET_OWNER_STORE);
    }

    @Override
    public void process(Record<String, TicketEvent> record) {
        TicketEvent e = record.value();
        if (e == null) {
            throw new InvalidRecordException("", "null value: ticket events cannot be deleted");
        }
        if (record.key() != null && !record.key().equals(e.getTicketId())) {
            throw new InvalidRecordException("ticket_id", "does not match the record key");
        }
        future.check(e.getOccurredAt(), context.currentSystemTimeMs());
        long t = e.getOccurredAt().toEpochMilli();
        if (isDuplicate(e.getEventId(), t)) {
            return;
        }
        seen.put(e.getEventId(), t, t);

        TicketOwner owner = owners.get(e.getTicketId());
        if (owner == null) {
            // Pinned at its first event, even one without an account: a ticket's state must live on one
            // partition only, so a later account_id cannot move it (see README).
            owner = new TicketOwner(e.getAccountId(), e.getContactId());
            owners.put(e.getTicketId(), owner);
        }
        e.setAccountId(owner.accountId());
        if (e.getContactId() == null) {
            e.setContactId(owner.contactId());
        }
        String key = owner.accountId() == null ? Names.accountlessKey(e.getTicketId()) : owner.accountId();
        context.forward(record.withKey(key).withValue(e).withTimestamp(t));
    }

    private boolean isDuplicate(String eventId, long t) {
        try (WindowStoreIterator<Long> it = seen.fetch(eventId, t - retentionMs, t + retentionMs)) {
            return it.hasNext();
        }
    }
}
