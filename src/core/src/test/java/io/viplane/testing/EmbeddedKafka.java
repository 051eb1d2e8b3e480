package io.viplane.testing;

import java.util.Properties;
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.test.TestKitNodes;

/**
 * One real Apache Kafka broker (KRaft, combined broker+controller) in this JVM for the whole test
 * run: starting one costs seconds, and tests isolate themselves by ids, not by brokers.
 */
public final class EmbeddedKafka {
    private static KafkaClusterTestKit cluster;

    private EmbeddedKafka() {
    }

    public static synchronized String bootstrapServers() {
        if (cluster == null) {
            KafkaClusterTestKit c = start();
            cluster = c;
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    c.close();
                } catch (Exception ignored) {
                    // the JVM is exiting; the broker's temp dirs go with it
                }
            }));
        }
        return cluster.bootstrapServers();
    }

    /**
     * A broker of the caller's own, for a test whose input must be exactly its own (a replay from the
     * start of the topics sees every other test's records on the shared broker). Close it when done.
     */
    public static KafkaClusterTestKit isolated() {
        return start();
    }

    private static KafkaClusterTestKit start() {
        try {
            KafkaClusterTestKit c = new KafkaClusterTestKit.Builder(new TestKitNodes.Builder()
                    .setCombined(true).setNumBrokerNodes(1).setNumControllerNodes(1).build())
                    .setConfigProp("offsets.topic.replication.factor", "1")
                    .setConfigProp("transaction.state.log.replication.factor", "1")
                    .setConfigProp("transaction.state.log.min.isr", "1")
                    .setConfigProp("group.initial.rebalance.delay.ms", "0")
                    .setConfigProp("auto.create.topics.enable", "false")
                    .build();
            c.format();
            c.startup();
            c.waitForReadyBrokers();
            return c;
        } catch (Exception e) {
            throw new IllegalStateException("cannot start an embedded Kafka broker", e);
        }
    }

    public static Properties clientProps() {
        Properties p = new Properties();
        p.put("bootstrap.servers", bootstrapServers());
        return p;
    }
}
