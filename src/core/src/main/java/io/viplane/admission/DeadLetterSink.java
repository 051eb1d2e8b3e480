package io.viplane.admission;

import java.util.Map;

/**
 * Where a processor that cannot forward (a global store's updater) sends its dead letters. Kafka
 * Streams' dead-letter queue serves the stream tasks only; the global thread has no producer.
 */
public interface DeadLetterSink extends AutoCloseable {
    void send(DeadLetter letter);

    @Override
    void close();

    /** Builds a sink from the application's configuration ({@code ProcessorContext.appConfigs()}). */
    @FunctionalInterface
    interface Factory {
        DeadLetterSink create(Map<String, Object> appConfigs);
    }
}
