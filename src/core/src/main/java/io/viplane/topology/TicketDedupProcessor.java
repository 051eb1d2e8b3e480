package io.viplane.topology;

import io.viplane.admission.TextCap;
import io.viplane.model.TicketEvent;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.processor.api.Record;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs on the ticket partition. Drops repeated {@code event_id}s, and pins each ticket to the
 * account of its first event (or to no account), so that all of a ticket's events meet its one
 * state on one partition even when later events omit or change {@code account_id}.
 */
final class TicketDedupProcessor extends TicketPartitionProcessor<TicketEvent, Object> {
    private final TopologyOptions options;
    private WatermarkEmitter watermarks;

    private static final Logger LOG = LoggerFactory.getLogger(TicketDedupProcessor.class);
    /** Header on the re-keyed event: how long the customer text was before the cap (its absence: not capped). */
    static final String TRUNCATED_HEADER = "viplane.text.original-chars";

    private final TextCap cap;

    TicketDedupProcessor(TopologyOptions options) {
        super(options.dedupRetention(), options.maxFutureSkew());
        this.options = options;
        this.cap = new TextCap(options.textCap());
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
        Record<String, TicketEvent> capped = capText(record, e);
        e.setAccountId(owner.accountId());
        if (e.getContactId() == null) {
            e.setContactId(owner.contactId());
        }
        context.forward(capped.withKey(partitionKey(owner.accountId(), e.getTicketId())).withValue((Object) e)
                .withTimestamp(e.getOccurredAt().toEpochMilli()));
        watermarks.read(e.getOccurredAt().toEpochMilli()); // after the event: the mark must follow it
    }

    /**
     * Every text rule downstream reads only the first {@link TextCap#maxChars()} characters, so the work per
     * event is bounded whatever a customer pastes (and the re-keyed record stays far below the topic's
     * maximum message size). The cut is a reason line in the log (ids only) and a header on the event.
     */
    private Record<String, TicketEvent> capText(Record<String, TicketEvent> record, TicketEvent e) {
        if (!cap.exceeds(e.getBody()) && !cap.exceeds(e.getSubject())) {
            return record;
        }
        long original = (e.getBody() == null ? 0 : e.getBody().length()) + (e.getSubject() == null ? 0 : e.getSubject().length());
        e.setBody(cap.apply(e.getBody()));
        e.setSubject(cap.apply(e.getSubject()));
        LOG.warn("ticket {} event {}: text of {} characters capped; rules read the first {} (TEXT_TRUNCATED)",
                e.getTicketId(), e.getEventId(), original, cap.maxChars());
        Headers headers = new RecordHeaders(record.headers().toArray());
        headers.add(TRUNCATED_HEADER, Long.toString(original).getBytes(StandardCharsets.UTF_8));
        return record.withHeaders(headers);
    }
}
