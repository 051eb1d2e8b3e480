package io.viplane.bench;

import io.viplane.topology.StreamsSettings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.Topology;

/** One in-process Kafka Streams application with the pipeline's own settings (exactly-once, commit interval, cache). */
final class StreamsRun implements AutoCloseable {
    private final KafkaStreams streams;
    private final Path stateDir;
    private volatile KafkaStreams.State state = KafkaStreams.State.CREATED;
    private final AtomicInteger rebalances = new AtomicInteger();

    private StreamsRun(KafkaStreams streams, Path stateDir) {
        this.streams = streams;
        this.stateDir = stateDir;
    }

    /** Starts the application and returns once it is RUNNING. */
    static StreamsRun start(Topology topology, String applicationId, String bootstrap, Path stateRoot) {
        Path stateDir = stateRoot.resolve(applicationId);
        Properties props = StreamsSettings.base(applicationId, bootstrap, stateDir.toString());
        KafkaStreams streams = new KafkaStreams(topology, props);
        StreamsRun run = new StreamsRun(streams, stateDir);
        CountDownLatch running = new CountDownLatch(1);
        streams.setStateListener((now, before) -> {
            run.state = now;
            if (before == KafkaStreams.State.RUNNING && now == KafkaStreams.State.REBALANCING) {
                run.rebalances.incrementAndGet();
            }
            if (now == KafkaStreams.State.RUNNING || now == KafkaStreams.State.ERROR
                    || now == KafkaStreams.State.PENDING_ERROR) {
                running.countDown();
            }
        });
        streams.start();
        try {
            if (!running.await(120, TimeUnit.SECONDS) || run.state != KafkaStreams.State.RUNNING) {
                streams.close(Duration.ofSeconds(10));
                throw new IllegalStateException(applicationId + " did not reach RUNNING (state " + run.state + ")");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
        return run;
    }

    void checkHealthy() {
        if (state == KafkaStreams.State.ERROR || state == KafkaStreams.State.PENDING_ERROR) {
            throw new IllegalStateException("the streams application failed (state " + state + ")");
        }
    }

    /**
     * Times the application left RUNNING to rebalance. With one instance that only happens when a thread
     * was fenced (a transaction outlived its timeout); exactly-once then wipes and restores its stores,
     * so figures taken across it are not steady-state figures.
     */
    int rebalances() {
        return rebalances.get();
    }

    /** The application's state folder; measure it after {@link #close()}, when stores are flushed. */
    Path stateDir() {
        return stateDir;
    }

    @Override
    public void close() {
        streams.close(Duration.ofSeconds(60));
    }
}
