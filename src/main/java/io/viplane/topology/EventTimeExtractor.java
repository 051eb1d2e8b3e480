package io.viplane.topology;

import io.viplane.model.SentimentEvent;
import io.viplane.model.TicketEvent;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.streams.processor.TimestampExtractor;

/**
 * Ticket and sentiment events carry when they happened in the help desk; that, not the time the
 * connector published them, drives stream time, so replays of history behave like live traffic.
 */
public final class EventTimeExtractor implements TimestampExtractor {
    @Override
    public long extract(ConsumerRecord<Object, Object> record, long partitionTime) {
        Object v = record.value();
        if (v instanceof TicketEvent e) {
            return e.getOccurredAt().toEpochMilli();
        }
        if (v instanceof SentimentEvent e) {
            return e.getOccurredAt().toEpochMilli();
        }
        return record.timestamp() >= 0 ? record.timestamp() : Math.max(partitionTime, 0);
    }
}
