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
        Integer partitions = checkedPartitions(kafka);
        if (partitions == null) {
            return 1;
        }
        Format format = Format.parse(config.get(AppConfig.FORMAT));
        ClockMode clock = clockMode(config.get(AppConfig.CLOCK));
        if (clock == null) {
            return 2;
        }
        TopologyOptions options = TopologyOptions.defaults().withFormat(format).withPartitions(partitions)
                .withSlaTimes(slaTimes).withClock(clock);
        Topology topology = ViplaneTopology.build(policy.policy(), options);
        Properties props = io.viplane.app.StreamsSettings.base(kafka.getProperty("application.id"),
                kafka.getProperty("bootstrap.servers"), kafka.getProperty("state.dir"));
        props.putAll(kafka);

        KafkaStreams streams = new KafkaStreams(topology, props);
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

    /** Co-partitioning is a hard requirement: accounts, contacts and tickets must agree. */
    private static Integer checkedPartitions(Properties kafka) {
        try (Admin admin = Admin.create(kafka)) {
            Map<String, TopicDescription> d = admin.describeTopics(Names.INPUT_TOPICS).allTopicNames().get();
            int accounts = d.get(Names.ACCOUNTS).partitions().size();
            for (TopicDescription t : d.values()) {
                if (t.partitions().size() != accounts) {
                    System.err.printf("viplane run: %s has %d partitions but %s has %d; input topics must be "
                            + "co-partitioned (create them with `viplane topics`)%n", t.name(), t.partitions().size(),
                            Names.ACCOUNTS, accounts);
                    return null;
                }
            }
            return accounts;
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
