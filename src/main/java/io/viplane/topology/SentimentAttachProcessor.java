package io.viplane.topology;

import io.viplane.model.SentimentEvent;
import org.apache.kafka.streams.processor.api.Record;

/**
 * Runs on the account partition: gives a ticket its NLP score, or parks the score until the ticket arrives.
 * Replaying, the score first waits for its turn in event-time order ({@link EventOrder}); the ticket
 * processor, which hears the watermark, then hands it on.
 */
final class SentimentAttachProcessor extends AccountPartitionProcessor<SentimentEvent> {
    private final SentimentInbox inbox = new SentimentInbox();

    SentimentAttachProcessor(Rules rules, TopologyOptions options) {
        super(rules, options);
    }

    @Override
    public void process(Record<String, SentimentEvent> record) {
        SentimentEvent e = record.value();
        if (!order.hold(e, EventOrder.offset(context))) {
            inbox.receive(e, stores, engine);
        }
    }
}
