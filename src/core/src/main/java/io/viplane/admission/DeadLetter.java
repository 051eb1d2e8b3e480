package io.viplane.admission;

import java.nio.charset.StandardCharsets;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;

/**
 * One record the pipeline refused, as the contract's {@code support.dlq} carries it: the original key
 * and value bytes unchanged and the same headers Kafka Streams' own dead-letter queue writes
 * ({@code __streams.errors.topic|partition|offset|exception|message}), no stack trace.
 */
public record DeadLetter(String topic, int partition, long offset, byte[] key, byte[] value, String exception,
                         String message) {
    public static final String H_TOPIC = "__streams.errors.topic";
    public static final String H_PARTITION = "__streams.errors.partition";
    public static final String H_OFFSET = "__streams.errors.offset";
    public static final String H_EXCEPTION = "__streams.errors.exception";
    public static final String H_MESSAGE = "__streams.errors.message";

    public static DeadLetter of(String topic, int partition, long offset, byte[] key, byte[] value, Exception e) {
        return new DeadLetter(topic, partition, offset, key, value, e.getClass().getName(),
                e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
    }

    public ProducerRecord<byte[], byte[]> toProducerRecord(String dlqTopic, long timestampMs) {
        RecordHeaders h = new RecordHeaders();
        h.add(H_TOPIC, utf8(topic));
        h.add(H_PARTITION, utf8(Integer.toString(partition)));
        h.add(H_OFFSET, utf8(Long.toString(offset)));
        h.add(H_EXCEPTION, utf8(exception));
        h.add(H_MESSAGE, utf8(message));
        return new ProducerRecord<>(dlqTopic, null, timestampMs, key, value, h);
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
