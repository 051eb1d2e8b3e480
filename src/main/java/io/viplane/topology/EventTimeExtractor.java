package io.viplane.topology;

import io.viplane.model.Account;
import io.viplane.model.Agent;
import io.viplane.model.Contact;
import io.viplane.model.SentimentEvent;
import io.viplane.model.TicketEvent;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.streams.processor.TimestampExtractor;

/**
 * Ticket and sentiment events carry when they happened in the help desk, and CRM and workforce
 * records when they were last updated; that, not the time a connector published them, drives
 * stream time. Kafka Streams processes the lowest timestamp first across topics, so an account
 * updated before a ticket is applied before it, in a replay of history as in live traffic.
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
        if (v instanceof Account a && a.getUpdatedAt() != null) {
            return a.getUpdatedAt().toEpochMilli();
        }
        if (v instanceof Contact c && c.getUpdatedAt() != null) {
            return c.getUpdatedAt().toEpochMilli();
        }
        if (v instanceof Agent a && a.getUpdatedAt() != null) {
            return a.getUpdatedAt().toEpochMilli();
        }
        return record.timestamp() >= 0 ? record.timestamp() : Math.max(partitionTime, 0);
    }
}
