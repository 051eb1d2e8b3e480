package io.viplane.topology;

import io.viplane.model.TicketEvent;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import java.time.Instant;
import org.apache.kafka.streams.processor.api.Record;

/**
 * Runs on the ticket partition. Drops repeated {@code event_id}s, and pins each ticket to the
 * account of its first event (or to no account), so that all of a ticket's events meet its one
 * state on one partition even when later events omit or change {@code account_id}.
 */
final class TicketDedupProcessor extends TicketPartitionProcessor<TicketEvent, Object> {
    private final TopologyOptions options;
    private WatermarkEmitter watermarks;

    TicketDedupProcessor(TopologyOptions options) {
        super(options.dedupRetention(), options.maxFutureSkew());
        this.options = options;
    }

    @Override
    public void init(ProcessorContext<String, Object> context) {
        super.init(context);
        watermarks = new WatermarkEmitter(context, options.eventTime(), options.clock() == ClockMode.STREAM_TIME);
    }

    @Override
    protected String what() {
        return "ticket events";
    }

    @Override
    protected String ticketId(TicketEvent e) {
        return e.getTicketId();
    }

    @Override
    protected String dedupId(TicketEvent e) {
        return e.getEventId();
    }

    @Override
    protected Instant occurredAt(TicketEvent e) {
        return e.getOccurredAt();
    }

    @Override
    public void process(Record<String, TicketEvent> record) {
        TicketEvent e = record.value();
        if (!admit(record)) {
            watermarks.read(e.getOccurredAt().toEpochMilli());
            return;
        }
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
        context.forward(record.withKey(partitionKey(owner.accountId(), e.getTicketId())).withValue((Object) e)
                .withTimestamp(e.getOccurredAt().toEpochMilli()));
        watermarks.read(e.getOccurredAt().toEpochMilli()); // after the event: the mark must follow it
    }
}
