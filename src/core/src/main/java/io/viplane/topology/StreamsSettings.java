package io.viplane.topology;

import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
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
     *   <li>a 5 s transaction timeout (Kafka Streams' exactly-once default is 10 s): a killed instance's open
     *       transaction blocks its output partitions' read_committed readers until the broker aborts it, so
     *       this bounds the gap a kill leaves. A transaction here lasts one commit interval (200 ms) plus the
     *       work of a step, which the timer and event-order budgets keep at 500 ms.</li>
     * </ul>
     * Static membership ({@code main.consumer.group.instance.id}) is opt-in, off by default for a reason
     * {@code scripts/faults --static} measures: a killed member restarted within the session keeps its tasks
     * and restores them from the changelog (exactly-once leaves no checkpoint) while the survivor's warm
     * standby stays unused.
     */
    static void crashRecovery(Properties p) {
        p.put(StreamsConfig.mainConsumerPrefix(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG), 6000);
        p.put(StreamsConfig.mainConsumerPrefix(ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG), 1500);
        p.put(StreamsConfig.NUM_STANDBY_REPLICAS_CONFIG, 1);
        p.put(StreamsConfig.producerPrefix(ProducerConfig.TRANSACTION_TIMEOUT_CONFIG), 5000);
    }
}
