package io.viplane.topology;

import io.viplane.model.SentimentEvent;
import java.time.Duration;
import java.time.Instant;
import org.apache.kafka.streams.processor.api.Record;

/**
 * Runs on the ticket partition ({@code support.sentiment} is keyed by {@code ticket_id} like
 * {@code support.tickets}): drops repeated {@code event_id}s and sends the score, on the ticket events'
 * own repartition topic, to the account partition its ticket is pinned to, so a score meets its ticket
 * whichever arrives first.
 */
final class SentimentOwnerProcessor extends TicketPartitionProcessor<SentimentEvent, Object> {
    /** Sentiment event ids share the ticket dedup store under their own prefix. */
    static final String ID_PREFIX = "sentiment\u0001";

    SentimentOwnerProcessor(Duration retention, Duration maxFutureSkew) {
        super(retention, maxFutureSkew);
    }

    @Override
    protected String what() {
        return "sentiment events";
    }

    @Override
    protected String ticketId(SentimentEvent e) {
        return e.getTicketId();
    }

    @Override
    protected String dedupId(SentimentEvent e) {
        return ID_PREFIX + e.getEventId();
    }

    @Override
    protected Instant occurredAt(SentimentEvent e) {
        return e.getOccurredAt();
    }

    @Override
    public void process(Record<String, SentimentEvent> record) {
        SentimentEvent e = record.value();
        if (!admit(record)) {
            return;
        }
        TicketOwner owner = owners.get(e.getTicketId());
        if (owner != null) {
            e.setAccountId(owner.accountId()); // where the ticket's state is, even when that is no account
        }
        context.forward(record.withKey(partitionKey(e.getAccountId(), e.getTicketId())).withValue((Object) e)
                .withTimestamp(e.getOccurredAt().toEpochMilli()));
    }
}
