package io.viplane.admission;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A small idempotent producer to {@code support.dlq}, created on the first dead letter with the
 * application's own client settings (bootstrap servers, security, {@code producer.} overrides).
 *
 * <p>Not transactional: a global store is not part of Kafka Streams' transactions (every instance reads
 * the whole topic, outside any task), so these dead letters are at least once. Every instance that reads
 * a bad record reports it, and a restore without a checkpoint reports it again; consumers that count them
 * deduplicate by the {@code topic, partition, offset} headers.
 */
public final class ProducerDeadLetterSink implements DeadLetterSink {
    private static final Logger LOG = LoggerFactory.getLogger("io.viplane.dlq");

    private final Map<String, Object> configs;
    private final String dlqTopic;
    private Producer<byte[], byte[]> producer;

    public ProducerDeadLetterSink(Map<String, Object> appConfigs, String dlqTopic) {
        this.configs = producerConfigs(appConfigs);
        this.dlqTopic = dlqTopic;
    }

    static Map<String, Object> producerConfigs(Map<String, Object> app) {
        Map<String, Object> p = new HashMap<>();
        app.forEach((k, v) -> {
            if (ProducerConfig.configNames().contains(k)) {
                p.put(k, v);
            }
        });
        app.forEach((k, v) -> {
            if (k.startsWith("producer.")) {
                p.put(k.substring("producer.".length()), v);
            }
        });
        p.remove(ProducerConfig.TRANSACTIONAL_ID_CONFIG);
        Object appId = app.get("application.id");
        p.put(ProducerConfig.CLIENT_ID_CONFIG, (appId == null ? "viplane" : appId) + "-global-dlq");
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        return p;
    }

    @Override
    public void send(DeadLetter letter) {
        if (producer == null) {
            producer = new KafkaProducer<>(configs);
        }
        producer.send(letter.toProducerRecord(dlqTopic, System.currentTimeMillis()), (md, e) -> {
            if (e != null) {
                LOG.error("could not dead-letter {}-{}@{}: {}", letter.topic(), letter.partition(), letter.offset(),
                        e.toString());
            }
        });
    }

    @Override
    public void close() {
        if (producer != null) {
            producer.close(Duration.ofSeconds(10)); // flushes what is in flight
            producer = null;
        }
    }
}
