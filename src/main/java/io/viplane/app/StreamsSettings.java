package io.viplane.app;

import io.viplane.topology.DeadLetterDeserializationHandler;
import io.viplane.topology.DeadLetterProcessingHandler;
import io.viplane.topology.Names;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.streams.StreamsConfig;

/** The Kafka Streams settings viplane relies on; user properties are applied on top by the caller. */
public final class StreamsSettings {
    private StreamsSettings() {
    }

    public static Properties base(String applicationId, String bootstrapServers, String stateDir) {
        Properties p = new Properties();
        p.put(StreamsConfig.APPLICATION_ID_CONFIG, applicationId);
        p.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        p.put(StreamsConfig.STATE_DIR_CONFIG, stateDir);
        p.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        p.put(StreamsConfig.ERRORS_DEAD_LETTER_QUEUE_TOPIC_NAME_CONFIG, Names.DLQ);
        p.put(StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG, DeadLetterDeserializationHandler.class);
        p.put(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_CLASS_CONFIG, DeadLetterProcessingHandler.class);
        // Escalations must not wait for a 30 s default commit: EOS makes output visible on commit.
        p.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, 200);
        p.put(StreamsConfig.STATESTORE_CACHE_MAX_BYTES_CONFIG, 10L * 1024 * 1024);
        crashRecovery(p);
        return p;
    }

    /**
     * An instance that dies (kill -9, a node that keeps crashing) must cost seconds of output, not minutes
     * (README, "Crash storms"):
     * <ul>
     *   <li>a 6 s session (the classic protocol's broker minimum, {@code group.min.session.timeout.ms}),
     *       heartbeats every 1.5 s: the group notices a dead member in 6 s instead of 45 s;</li>
     *   <li>one standby replica per task: the surviving instance already holds the state of the tasks it
     *       takes over, so failover does not wait for a restore from the changelog (under exactly-once a
     *       killed instance's own state is wiped and restored; its standby is what makes that cheap);</li>
     *   <li>static membership is opt-in: set {@code main.consumer.group.instance.id} to a stable, unique
     *       name per instance and a restart within the session timeout takes its tasks back without any
     *       rebalance.</li>
     * </ul>
     * The exactly-once transaction timeout stays at Kafka Streams' 10 s: a dead instance's open transaction
     * blocks its partitions' read_committed readers until the broker aborts it.
     */
    static void crashRecovery(Properties p) {
        p.put(StreamsConfig.mainConsumerPrefix(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG), 6000);
        p.put(StreamsConfig.mainConsumerPrefix(ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG), 1500);
        p.put(StreamsConfig.NUM_STANDBY_REPLICAS_CONFIG, 1);
    }
}
