package io.viplane.topology;

import io.viplane.codec.InvalidRecordException;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;

/**
 * Marks a CRM record as state on its way to the account partition: its internal record carries
 * {@link #TIMESTAMP}, the lowest there is. Kafka Streams processes a task's buffered records lowest
 * timestamp first, so an account or contact already received is applied before any ticket waiting next
 * to it, whatever its {@code updated_at}: CRM records are state to route with, not events to
 * synchronise with ticket time. (Repartition topics keep records until Streams purges them, so the old
 * timestamp is never a reason for the broker to delete them; see README, "Event time".)
 */
final class StateStamp<V> implements Processor<String, V, String, V> {
    static final long TIMESTAMP = 0L;
    private final String keyField;
    private ProcessorContext<String, V> context;

    StateStamp(String keyField) {
        this.keyField = keyField;
    }

    @Override
    public void init(ProcessorContext<String, V> context) {
        this.context = context;
    }

    @Override
    public void process(Record<String, V> record) {
        if (record.key() == null) {
            throw new InvalidRecordException(keyField, "record key is missing");
        }
        context.forward(record.withTimestamp(TIMESTAMP));
    }
}
