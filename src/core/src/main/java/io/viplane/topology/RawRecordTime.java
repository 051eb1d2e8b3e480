package io.viplane.topology;

import io.viplane.admission.RecordTimes;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.streams.processor.TimestampExtractor;

/**
 * Record time for the raw-bytes source of the agents store: the producer's timestamp when
 * {@link RecordTimes} accepts it, else the partition's time. The record's {@code updated_at} is checked by
 * {@link AgentRosterProcessor}, which reads the value; nothing here can fail or make the record skipped.
 */
final class RawRecordTime implements TimestampExtractor {
    private final RecordTimes times;

    RawRecordTime(RecordTimes times) {
        this.times = times;
    }

    @Override
    public long extract(ConsumerRecord<Object, Object> record, long partitionTime) {
        return times.usable(record.timestamp(), System.currentTimeMillis()) ? record.timestamp() : Math.max(partitionTime, 0);
    }
}
