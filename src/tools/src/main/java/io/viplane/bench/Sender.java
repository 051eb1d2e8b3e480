package io.viplane.bench;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;

/** Publishes planned ticket events with {@code occurred_at} = the moment each one is sent. */
final class Sender {
    private final KafkaProducer<String, byte[]> producer;
    private final AtomicReference<Exception> failure = new AtomicReference<>();

    Sender(KafkaProducer<String, byte[]> producer) {
        this.producer = producer;
    }

    /**
     * Sends every event in order, logging its send time just before it is handed to the producer
     * (after encoding, so the benchmark's own JSON work is not counted as pipeline latency).
     */
    void send(String topic, List<Workload.Planned> events, LatencyLog log, Predicate<Workload.Planned> mustArrive,
              double eventsPerSecond) {
        Pacer pacer = new Pacer(eventsPerSecond);
        long i = 0;
        for (Workload.Planned e : events) {
            pacer.awaitTurn(i++);
            byte[] value = e.toJson(Instant.now());
            log.sent(e.eventId(), System.nanoTime(), mustArrive.test(e));
            producer.send(new ProducerRecord<>(topic, e.ticketId(), value), (md, ex) -> {
                if (ex != null) {
                    failure.compareAndSet(null, ex);
                }
            });
        }
        producer.flush();
        Exception ex = failure.get();
        if (ex != null) {
            throw new IllegalStateException("publishing failed: " + ex.getMessage(), ex);
        }
    }
}
