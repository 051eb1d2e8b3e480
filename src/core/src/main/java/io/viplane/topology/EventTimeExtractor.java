package io.viplane.topology;

import io.viplane.admission.RecordTimes;
import io.viplane.model.Account;
import io.viplane.model.Agent;
import io.viplane.model.Contact;
import io.viplane.model.SentimentEvent;
import io.viplane.model.TicketEvent;
import java.time.Instant;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.streams.processor.TimestampExtractor;

/**
 * Ticket and sentiment events carry when they happened in the help desk, and CRM and workforce
 * records when they were last updated; that, not the time a connector published them, drives
 * stream time. Kafka Streams processes the lowest timestamp first across topics, so an account
 * updated before a ticket is applied before it, in a replay of history as in live traffic.
 *
 * <p>It never throws and never returns a time {@link RecordTimes} refuses: a negative time would make
 * Kafka Streams skip the record (no dead letter), an overflow would crash the thread on every restart, and
 * a far-future time would move stream time (and expire the dedup window) before the record is rejected.
 * Such a record gets the partition's time instead; the first processor then dead-letters it with the
 * reason, using the same check.
 */
public final class EventTimeExtractor implements TimestampExtractor {
    private final RecordTimes times;

    public EventTimeExtractor(RecordTimes times) {
        this.times = times;
    }

    @Override
    public long extract(ConsumerRecord<Object, Object> record, long partitionTime) {
        long now = System.currentTimeMillis();
        long fallback = Math.max(partitionTime, 0);
        Instant claimed = eventTime(record.value());
        if (claimed != null) {
            long ms = RecordTimes.millis(claimed);
            return times.usable(ms, now) ? ms : fallback;
        }
        return times.usable(record.timestamp(), now) ? record.timestamp() : fallback;
    }

    private static Instant eventTime(Object v) {
        if (v instanceof TicketEvent e) {
            return e.getOccurredAt();
        }
        if (v instanceof SentimentEvent e) {
            return e.getOccurredAt();
        }
        if (v instanceof Account a) {
            return a.getUpdatedAt();
        }
        if (v instanceof Contact c) {
            return c.getUpdatedAt();
        }
        if (v instanceof Agent a) {
            return a.getUpdatedAt();
        }
        return null;
    }
}
