package io.viplane.app;

import io.viplane.codec.Format;
import io.viplane.policy.PolicyException;
import io.viplane.policy.PolicyLoader;
import io.viplane.sla.PolicySlaTimes;
import io.viplane.topology.ClockMode;
import io.viplane.topology.Names;
import io.viplane.topology.RunnablePolicy;
import io.viplane.topology.StreamsSettings;
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
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Runs the pipeline until SIGTERM/SIGINT, then closes cleanly so exactly-once state is committed. */
@Command(name = "run", description = "Run the pipeline (exactly_once_v2) until SIGTERM/SIGINT, which closes it cleanly.")
final class RunCommand extends KafkaCommand implements ConfigFlags {
    private static final Logger LOG = LoggerFactory.getLogger(RunCommand.class);

    @Option(names = "--application-id", paramLabel = "ID",
            description = "Kafka Streams application.id (consumer group and internal topics; default viplane)")
    String applicationId;

    @Option(names = "--state-dir", paramLabel = "DIR", description = "local state stores (state.dir; default .viplane/state)")
    String stateDir;

    @Option(names = "--clock", paramLabel = "wall-clock|stream-time",
            description = "wall-clock for live traffic (default); stream-time to replay history with the timers it "
                    + "would have had (" + AppConfig.CLOCK + ")")
    String clock;

    @Option(names = "--max-future-skew-ms", paramLabel = "MS",
            description = "an input stamped further ahead of this clock is a dead letter (default 900000 = 15 min; keep "
                    + "it below the broker's message.timestamp.after.max.ms; " + AppConfig.MAX_FUTURE_SKEW_MS + ")")
    String maxFutureSkewMs;

    @Option(names = "--allowed-lateness-ms", paramLabel = "MS",
            description = "a ticket event published up to MS after a later one still counts before its clock fires "
                    + "(default 1800000 = 30 min; " + AppConfig.ALLOWED_LATENESS_MS + ")")
    String allowedLatenessMs;

    @Option(names = "--text-cap", paramLabel = "CHARS",
            description = "characters of a customer's text the rules read; longer texts are cut at admission with "
                    + "a TEXT_TRUNCATED reason (default 65536; " + AppConfig.TEXT_CAP_CHARS + ")")
    String textCap;

    @Mixin
    Options.Policy policyOption;

    @Mixin
    Options.Format formatOption;

    @Override
    public void applyTo(AppConfig config) {
        config.set("application.id", applicationId);
        config.set("state.dir", stateDir);
        config.set(AppConfig.CLOCK, clock);
        config.set(AppConfig.MAX_FUTURE_SKEW_MS, maxFutureSkewMs);
        config.set(AppConfig.TEXT_CAP_CHARS, textCap);
        config.set(AppConfig.ALLOWED_LATENESS_MS, allowedLatenessMs);
    }

    @Override
    public void check(AppConfig config) {
        clockMode(config.get(AppConfig.CLOCK));
        config.maxFutureSkew();
        config.textCap();
        config.allowedLateness();
    }

    private PolicyLoader.LoadedPolicy policy;
    private PolicySlaTimes slaTimes;

    /** An invalid policy is reported before connecting: no wait for a broker to learn of a typo in a file. */
    @Override
    protected boolean ready(AppConfig config) {
        try {
            RunnablePolicy runnable = RunnablePolicy.load(config.get(AppConfig.POLICY));
            policy = runnable.loaded();
            slaTimes = runnable.slaTimes();
            PolicyCommand.warnIfReviewOverdue(policy, java.time.LocalDate.now(java.time.ZoneOffset.UTC));
        } catch (PolicyException e) {
            err().println("viplane run: " + e.getMessage());
            return false;
        }
        return super.ready(config);
    }

    @Override
    protected int execute(AppConfig config) {
        Properties kafka = config.kafka();
        Map<String, Integer> inputs = inputPartitions(kafka);
        if (inputs == null) {
            return 1;
        }
        // Every account-partition topic the pipeline writes gets as many partitions as the widest input.
        int partitions = inputs.values().stream().max(Integer::compare).orElse(1);
        Format format = config.format();
        ClockMode clock = clockMode(config.get(AppConfig.CLOCK));
        ConsumerLag lag = new ConsumerLag();
        TopologyOptions defaults = TopologyOptions.defaults();
        TopologyOptions options = defaults.withFormat(format).withPartitions(partitions)
                .withSlaTimes(slaTimes).withClock(clock).withRegistry(config.registry())
                .withMaxFutureSkew(config.maxFutureSkew()).withTextCap(config.textCap())
                .withEventTime(defaults.eventTime().withTicketPartitions(inputs.get(Names.TICKETS)).withLag(lag)
                        .withLateness(config.allowedLateness()));
        Topology topology = ViplaneTopology.build(policy.policy(), options);
        Properties props = StreamsSettings.base(kafka.getProperty("application.id"),
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
    private ClockMode clockMode(String value) {
        return switch (value) {
            case "wall-clock" -> ClockMode.WALL_CLOCK;
            case "stream-time" -> ClockMode.STREAM_TIME;
            default -> throw new UsageException("--clock must be wall-clock or stream-time, not '" + value + "'");
        };
    }

    /**
     * Partition counts of the input topics. They need not agree: the pipeline re-keys every input to the
     * account partition itself.
     */
    private Map<String, Integer> inputPartitions(Properties kafka) {
        try (Admin admin = Admin.create(kafka)) {
            Map<String, TopicDescription> d = admin.describeTopics(Names.INPUT_TOPICS).allTopicNames().get();
            Map<String, Integer> counts = new java.util.HashMap<>();
            d.forEach((name, t) -> counts.put(name, t.partitions().size()));
            return counts;
        } catch (ExecutionException e) {
            err().println("viplane run: input topics missing or broker unreachable: " + e.getCause().getMessage()
                    + " (run `viplane topics` first)");
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }
}
