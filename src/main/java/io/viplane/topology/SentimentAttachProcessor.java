package io.viplane.topology;

import io.viplane.model.SentimentEvent;
import io.viplane.routing.TicketState;
import org.apache.kafka.streams.processor.api.Record;

/** Runs on the account partition: gives a ticket its NLP score, or parks the score until the ticket arrives. */
final class SentimentAttachProcessor extends AccountPartitionProcessor<SentimentEvent> {
    private final SentimentInbox inbox = new SentimentInbox();

    SentimentAttachProcessor(Rules rules, TopologyOptions options) {
        super(rules, options);
    }

    @Override
    public void process(Record<String, SentimentEvent> record) {
        SentimentEvent e = record.value();
        TicketState s = stores.tickets.get(e.getTicketId());
        if (s == null) {
            engine.parkSentiment(e);
        } else if (inbox.apply(s, e)) {
            engine.sentimentArrived(s, e);
        }
    }
}
