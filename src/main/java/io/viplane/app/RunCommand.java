package io.viplane.app;

import io.viplane.codec.Format;
import io.viplane.policy.PolicyException;
import io.viplane.policy.PolicyLoader;
import io.viplane.sla.PolicySlaTimes;
import io.viplane.topology.Names;
import io.viplane.topology.ClockMode;
import io.viplane.topology.TopologyOptions;
import io.viplane.topology.ViplaneTopology;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.Topology;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Runs the pipeline until SIGTERM/SIGINT, then closes cleanly so exactly-once state is committed. */
final class RunCommand {
    private static final Logger LOG = LoggerFactory.getLogger(RunCommand.class);

    private RunCommand() {
    }

    static int run(AppConfig config) {
        PolicyLoader.LoadedPolicy policy;
        PolicySlaTimes slaTimes;
        try {
            policy = PolicyLoader.load(config.get(AppConfig.POLICY));
            slaTimes = PolicySlaTimes.validated(policy.policy(), policy.baseDir(), policy.origin());
            ViplaneTopology.checkPolicy(policy.policy());
        } catch (PolicyException e) {
            System.err.println("viplane run: " + e.getMessage());
            return 1;
        }
        Properties kafka = config.kafka();
        Map<String, Integer> inputs = inputPartitions(kafka);
        if (inputs == null) {
            return 1;
        }
        // Every account-partition topic the pipeline writes gets as many partitions as the widest input.
        int partitions = inputs.values().stream().max(Integer::compare).orElse(1);
        Format format = Format.parse(config.get(AppConfig.FORMAT));
        ClockMode clock = clockMode(config.get(AppConfig.CLOCK));
        if (clock == null) {
            return 2;
        }
        ConsumerLag lag = new ConsumerLag();
        TopologyOptions defaults = TopologyOptions.defaults();
        TopologyOptions options = defaults.withFormat(format).withPartitions(partitions)
                .withSlaTimes(slaTimes).withClock(clock)
                .withEventTime(defaults.eventTime().withTicketPartitions(inputs.get(Names.TICKETS)).withLag(lag));
        Topology topology = ViplaneTopology.build(policy.policy(), options);
        Properties props = io.viplane.app.StreamsSettings.base(kafka.getProperty("application.id"),
                kafka.getProperty("bootstrap.servers"), kafka.getProperty("state.dir"));
        props.putAll(kafka);

        KafkaStreams streams = new KafkaStreams(topology, props);
        lag.attach(streams);
        CountDownLatch stopped = new CountDownLatch(1);
        streams.setStateListener((now, before) -> {
            LOG.info("pipeline {} -> {}", before, now);
            if (now == KafkaStreams.State.NOT_RUNNING || now == KafkaStreams.State.ERROR) {
                stopped.countDown();
            }
        });
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            LOG.info("shutting down");
            streams.close();
            stopped.countDown();
        }, "viplane-shutdown"));
        LOG.info("starting viplane: policy {} ({}), format {}, {} partitions, clock {}, application.id {}",
                policy.policy().name(), policy.origin(), format, partitions, clock, props.get("application.id"));
        streams.start();
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return streams.state() == KafkaStreams.State.ERROR ? 1 : 0;
    }

    /** wall-clock for live traffic; stream-time to replay history with the timers it would have had. */
    private static ClockMode clockMode(String value) {
        return switch (value) {
            case "wall-clock" -> ClockMode.WALL_CLOCK;
            case "stream-time" -> ClockMode.STREAM_TIME;
            default -> {
                System.err.println("viplane run: --clock must be wall-clock or stream-time, not '" + value + "'");
                yield null;
            }
        };
    }

    /**
     * Partition counts of the input topics. They need not agree: the pipeline re-keys every input to the
     * account partition itself.
     */
    private static Map<String, Integer> inputPartitions(Properties kafka) {
        try (Admin admin = Admin.create(kafka)) {
            Map<String, TopicDescription> d = admin.describeTopics(Names.INPUT_TOPICS).allTopicNames().get();
            Map<String, Integer> counts = new java.util.HashMap<>();
            d.forEach((name, t) -> counts.put(name, t.partitions().size()));
            return counts;
        } catch (ExecutionException e) {
            System.err.println("viplane run: input topics missing or broker unreachable: " + e.getCause().getMessage()
                    + " (run `viplane topics` first)");
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }
}
