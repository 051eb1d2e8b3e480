package io.viplane.topology;

import io.viplane.admission.InputKeys;
import io.viplane.admission.RecordTimes;
import java.time.Instant;
import java.util.function.Function;
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
    private final Function<V, String> id;
    private final Function<V, Instant> updatedAt;
    private final RecordTimes times;
    private ProcessorContext<String, V> context;

    /** Also the admission of the CRM record (key, {@code updated_at}): rejected here, the DLQ gets the producer's bytes. */
    StateStamp(String keyField, Function<V, String> id, Function<V, Instant> updatedAt, RecordTimes times) {
        this.keyField = keyField;
        this.id = id;
        this.updatedAt = updatedAt;
        this.times = times;
    }

    @Override
    public void init(ProcessorContext<String, V> context) {
        this.context = context;
    }

    @Override
    public void process(Record<String, V> record) {
        V v = record.value();
        InputKeys.check(keyField, record.key(), v == null ? null : id.apply(v), v == null);
        if (v != null) {
            times.check("updated_at", updatedAt.apply(v), context.currentSystemTimeMs());
        }
        context.forward(record.withTimestamp(TIMESTAMP));
    }
}
