package io.viplane.bench;

import io.viplane.policy.PolicyLoader;
import io.viplane.sla.PolicySlaTimes;
import io.viplane.topology.Names;
import io.viplane.topology.TopologyOptions;
import io.viplane.topology.ViplaneTopology;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.DoubleUnaryOperator;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Produced;

/**
 * Scenario "routing": the same ticket events through (a) the real pipeline and (b) an identity
 * topology (source → sink, same settings), one after the other in one run. Each phase: warm-up
 * (not counted), a max-rate pass for throughput, then a paced pass for latency at a rate both can sustain.
 */
final class RoutingScenario {
    static final String IDENTITY_IN = "bench.identity.in";
    static final String IDENTITY_OUT = "bench.identity.out";
    /** The paced pass runs at no more than this share of the pipeline's measured throughput. */
    static final double LATENCY_LOAD = 0.5;

    record Settings(int events, int warmup, double maxLatencyRate, int latencySeconds, long seed) {
    }

    record Result(Settings settings, int partitions, int accounts, int requesters, long openTickets,
                  PhaseResult viplane, PhaseResult identity) {
    }

    private final String bootstrap;
    private final Path stateRoot;
    private final Settings settings;

    RoutingScenario(String bootstrap, Path stateRoot, Settings settings) {
        this.bootstrap = bootstrap;
        this.stateRoot = stateRoot;
        this.settings = settings;
    }

    Result run(PolicyLoader.LoadedPolicy policy) {
        Crm crm = Crm.sample(settings.seed(), policy.policy());
        int latencyMax = (int) Math.ceil(settings.maxLatencyRate() * settings.latencySeconds());
        List<Workload.Planned> all = Workload.generate(settings.seed(), settings.warmup() + settings.events() + latencyMax,
                crm.requesters, Workload.Mix.DEFAULT, "b-");
        Segments seg = new Segments(all.subList(0, settings.warmup()),
                all.subList(settings.warmup(), settings.warmup() + settings.events()),
                all.subList(settings.warmup() + settings.events(), all.size()));

        try (Admin admin = Clients.admin(bootstrap); KafkaProducer<String, byte[]> producer = Clients.producer(bootstrap)) {
            int partitions = Clients.partitions(admin, Names.TICKETS);
            Clients.createTopics(admin, List.of(IDENTITY_IN, IDENTITY_OUT), partitions);
            Bench.progress("publishing the sample CRM (%d accounts, %d contacts)", crm.accounts(), crm.requesters.size());
            crm.publish(producer);
            Sender sender = new Sender(producer);

            PolicySlaTimes slaTimes = PolicySlaTimes.validated(policy.policy(), policy.baseDir(), policy.origin());
            Topology viplaneTopology = ViplaneTopology.build(policy.policy(),
                    TopologyOptions.defaults().withPartitions(partitions).withSlaTimes(slaTimes));
            PhaseResult viplane = phase("viplane", "bench-viplane", sender, () -> {
                StreamsRun run = StreamsRun.start(viplaneTopology, "bench-viplane", bootstrap, stateRoot);
                if (!Clients.awaitCaughtUp(admin, "bench-viplane", List.of(Names.ACCOUNTS, Names.CONTACTS),
                        Duration.ofSeconds(120))) {
                    Bench.progress("warning: the CRM was not fully loaded after 120 s; measuring anyway");
                }
                return run;
            }, Names.TICKETS, Names.ROUTED, "source_event_id", Workload.Planned::isCreated, seg,
                    throughput -> Math.min(settings.maxLatencyRate(), LATENCY_LOAD * throughput));

            double rate = viplane.latencyRate();
            PhaseResult identity = phase("identity", "bench-identity", sender,
                    () -> StreamsRun.start(identity(), "bench-identity", bootstrap, stateRoot),
                    IDENTITY_IN, IDENTITY_OUT, "event_id", e -> true, seg, throughput -> rate);

            int latencySent = viplane.latencySent();
            long open = Workload.createdCount(seg.warmup) + Workload.createdCount(seg.throughput)
                    + Workload.createdCount(seg.latency.subList(0, latencySent));
            return new Result(settings, partitions, crm.accounts(), crm.requesters.size(), open, viplane, identity);
        }
    }

    /** Source → sink of the same bytes: what Kafka Streams with exactly-once costs before any work. */
    static Topology identity() {
        StreamsBuilder b = new StreamsBuilder();
        b.stream(IDENTITY_IN, Consumed.with(Serdes.String(), Serdes.ByteArray()))
                .to(IDENTITY_OUT, Produced.with(Serdes.String(), Serdes.ByteArray()));
        return b.build();
    }

    private record Segments(List<Workload.Planned> warmup, List<Workload.Planned> throughput,
                            List<Workload.Planned> latency) {
    }

    private PhaseResult phase(String name, String appId, Sender sender, Supplier<StreamsRun> starter, String in,
                              String out, String idField, Predicate<Workload.Planned> mustArrive, Segments seg,
                              DoubleUnaryOperator latencyRate) {
        System.gc(); // each phase starts from the same heap, not the previous phase's garbage
        HeapSampler heap = new HeapSampler();
        Bench.progress("[%s] starting", name);
        StreamsRun streams = starter.get();
        AtomicReference<LatencyLog> current = new AtomicReference<>(new LatencyLog());
        LatencyLog throughput = new LatencyLog();
        LatencyLog latency = new LatencyLog();
        double eps;
        long cpuPerEvent;
        double rate;
        int n;
        boolean complete;
        try (OutputWatcher watcher = new OutputWatcher(bootstrap, out, false, (r, nanos, wall) -> {
            var v = OutputWatcher.json(r.value());
            if (v != null) {
                current.get().received(v.path(idField).asText(null), nanos);
            }
        })) {
            Pass pass = new Pass(streams, watcher, sender, in, mustArrive, current);
            Bench.progress("[%s] warm-up: %d events", name, seg.warmup.size());
            complete = pass.run(new LatencyLog(), seg.warmup, 0, Duration.ofSeconds(300));

            Bench.progress("[%s] throughput: %d events at full speed", name, seg.throughput.size());
            long cpuBefore = StreamsCpu.nanos(appId);
            complete &= pass.run(throughput, seg.throughput, 0, Duration.ofSeconds(600));
            cpuPerEvent = cpuBefore < 0 ? -1 : (StreamsCpu.nanos(appId) - cpuBefore) / seg.throughput.size();
            eps = throughput.matched() == 0 ? Double.NaN
                    : Figures.perSecond(seg.throughput.size(), throughput.lastMatchNanos() - throughput.firstSentNanos());

            rate = latencyRate.applyAsDouble(eps);
            n = Double.isNaN(rate) ? 0 : (int) Math.min(seg.latency.size(), Math.round(rate * settings.latencySeconds()));
            Bench.progress("[%s] %s events/s; latency: %d events at %s/s", name, Figures.number(eps), n,
                    Figures.number(rate));
            complete &= pass.run(latency, seg.latency.subList(0, n), rate,
                    Duration.ofSeconds(settings.latencySeconds() + 120L));
        } finally {
            streams.close();
        }
        HeapSampler.Peak peak = heap.stop();
        long bytes = DirSize.bytes(streams.stateDir());
        Bench.progress("[%s] done: peak heap %s, state %s", name, Figures.mib(peak.heapBytes()), Figures.mib(bytes));
        return new PhaseResult(name, seg.throughput.size(), eps, cpuPerEvent, n, latency.matched(), rate,
                latency.latencyNanos(), peak, bytes, complete, streams.rebalances());
    }

    /** Sends one pass and waits for its awaited outputs, then for the output to go quiet. */
    private record Pass(StreamsRun streams, OutputWatcher watcher, Sender sender, String topic,
                        Predicate<Workload.Planned> mustArrive, AtomicReference<LatencyLog> current) {
        static final Duration QUIET = Duration.ofSeconds(1);

        boolean run(LatencyLog log, List<Workload.Planned> events, double rate, Duration timeout) {
            current.set(log);
            long deadline = System.nanoTime() + timeout.toNanos();
            sender.send(topic, events, log, mustArrive, rate);
            while (log.awaitedRemaining() > 0 && System.nanoTime() < deadline) {
                streams.checkHealthy();
                watcher.checkHealthy();
                sleep(20);
            }
            long quietUntil = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (System.nanoTime() - watcher.lastRecordNanos() < QUIET.toNanos() && System.nanoTime() < quietUntil) {
                sleep(50);
            }
            if (log.awaitedRemaining() > 0) {
                Bench.progress("warning: %d awaited outputs did not arrive within %d s", log.awaitedRemaining(),
                        timeout.toSeconds());
                return false;
            }
            return true;
        }

        private static void sleep(long ms) {
            try {
                Thread.sleep(ms);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
            }
        }
    }
}
