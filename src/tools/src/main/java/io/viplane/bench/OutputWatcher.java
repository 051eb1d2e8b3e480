package io.viplane.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;

/**
 * Reads an output topic (read_committed, as a downstream consumer would) on its own thread and hands
 * each record to a handler with the time it was received. Starts at the end of the topic, or at the
 * beginning when asked, so a measurement never sees records from before it.
 */
final class OutputWatcher implements AutoCloseable {
    interface Handler {
        void onRecord(ConsumerRecord<String, byte[]> record, long receivedNanos, long receivedWallMillis);
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final KafkaConsumer<String, byte[]> consumer;
    private final Thread thread;
    private final CountDownLatch ready = new CountDownLatch(1);
    private volatile long lastRecordNanos = System.nanoTime();
    private volatile long records;
    private volatile RuntimeException failure;

    OutputWatcher(String bootstrap, String topic, boolean fromBeginning, Handler handler) {
        this.consumer = Clients.consumer(bootstrap);
        this.thread = new Thread(() -> loop(topic, fromBeginning, handler), "bench-watch-" + topic);
        thread.setDaemon(true);
        thread.start();
        try {
            if (!ready.await(60, TimeUnit.SECONDS)) {
                throw new IllegalStateException("cannot read " + topic + " (no partitions after 60 s)");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
        if (failure != null) {
            throw failure;
        }
    }

    private void loop(String topic, boolean fromBeginning, Handler handler) {
        try {
            List<TopicPartition> parts = consumer.partitionsFor(topic, Duration.ofSeconds(30)).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            consumer.assign(parts);
            if (fromBeginning) {
                consumer.seekToBeginning(parts);
            } else {
                consumer.seekToEnd(parts);
            }
            parts.forEach(consumer::position); // resolve the start now, before anything is published
            ready.countDown();
            while (true) {
                ConsumerRecords<String, byte[]> batch = consumer.poll(Duration.ofMillis(20));
                if (batch.isEmpty()) {
                    continue;
                }
                long nanos = System.nanoTime();
                long wall = System.currentTimeMillis();
                for (ConsumerRecord<String, byte[]> r : batch) {
                    handler.onRecord(r, nanos, wall);
                }
                records += batch.count();
                lastRecordNanos = System.nanoTime();
            }
        } catch (WakeupException closing) {
            // close() woke us up
        } catch (RuntimeException e) {
            failure = e;
            ready.countDown();
        } finally {
            consumer.close(Duration.ofSeconds(5));
        }
    }

    /** A record value as JSON, or null: a record the benchmark cannot read is simply not matched. */
    static JsonNode json(byte[] value) {
        try {
            return value == null ? null : JSON.readTree(value);
        } catch (IOException e) {
            return null;
        }
    }

    long lastRecordNanos() {
        return lastRecordNanos;
    }

    long records() {
        return records;
    }

    void checkHealthy() {
        if (failure != null) {
            throw new IllegalStateException("output consumer failed: " + failure.getMessage(), failure);
        }
    }

    @Override
    public void close() {
        consumer.wakeup();
        try {
            thread.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
