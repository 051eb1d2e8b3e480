package io.viplane.bench;

import com.fasterxml.jackson.databind.JsonNode;
import io.viplane.model.TicketEventType;
import io.viplane.model.TicketPriority;
import io.viplane.model.Tier;
import io.viplane.policy.Entitlement;
import io.viplane.policy.PolicyLoader;
import io.viplane.sla.PolicySlaTimes;
import io.viplane.topology.Names;
import io.viplane.topology.TopologyOptions;
import io.viplane.topology.ViplaneTopology;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * Scenario "sla": many open T1 tickets whose first-response deadlines fall due, evenly spread, a
 * little after they are all loaded. Breach-detection lag is the time from a ticket's {@code due_at}
 * to the moment its BREACHED event can be consumed from {@code support.sla.events}.
 */
final class SlaScenario {
    /** Measured tickets; calibration tickets use {@link #CALIBRATION_PREFIX} and are never counted. */
    static final String ID_PREFIX = "s-t";
    static final String CALIBRATION_PREFIX = "s-c";
    /** Headroom on the estimated loading time when choosing the lead before the first deadline. */
    static final double LEAD_HEADROOM = 1.3;

    record Settings(int openTickets, int leadSeconds, int spreadSeconds, int graceSeconds, long seed) {
    }

    /**
     * @param calibrationTickets tickets published first (deadlines beyond the run) to measure the ingest rate
     * @param leadSeconds        chosen lead before the first deadline: the requested one, or longer when the
     *                           measured ingest rate says loading would not finish by then
     * @param routedAfterMillis  time from the first measured send until every measured ticket had been routed; -1 if not all were
     * @param lagMillis          consumed − due_at of each measured ticket's first FIRST_RESPONSE breach
     * @param slaEvents          every SLA event of the measured tickets, by metric and state (a sanity check for the reader)
     */
    record Result(Settings settings, int t1Accounts, int targetMinutes, int calibrationTickets, int leadSeconds,
                  long publishMillis, long routedAfterMillis, int routedAsT1, int breaches,
                  Percentiles.Summary lagMillis, Map<String, Integer> slaEvents, HeapSampler.Peak peak, long stateBytes,
                  int rebalances) {

        int expected() {
            return settings.openTickets() - calibrationTickets;
        }
    }

    private final String bootstrap;
    private final Path stateRoot;
    private final Settings settings;

    SlaScenario(String bootstrap, Path stateRoot, Settings settings) {
        this.bootstrap = bootstrap;
        this.stateRoot = stateRoot;
        this.settings = settings;
    }

    Result run(PolicyLoader.LoadedPolicy policy) {
        Entitlement t1 = policy.policy().entitlement(Tier.T1);
        if (!t1.runsAroundTheClock()) {
            throw new IllegalStateException("the policy's T1 entitlement is not 24/7; this scenario needs a 24/7 clock");
        }
        Crm crm = Crm.sample(settings.seed(), policy.policy());
        if (crm.t1Requesters.isEmpty()) {
            throw new IllegalStateException("the sample organisation has no T1 account or executive contact");
        }
        int n = settings.openTickets();
        int calibration = n < 20 ? 0 : Math.min(n / 20, 5_000);
        int measured = n - calibration;
        Set<String> calibrated = ConcurrentHashMap.newKeySet();
        Set<String> routed = ConcurrentHashMap.newKeySet();
        AtomicInteger routedT1 = new AtomicInteger();
        AtomicLong allRoutedWall = new AtomicLong(-1);
        Set<String> breached = ConcurrentHashMap.newKeySet();
        Samples lags = new Samples();
        Map<String, AtomicInteger> slaEvents = new ConcurrentHashMap<>();
        AtomicReference<String> unreadable = new AtomicReference<>();

        System.gc();
        HeapSampler heap = new HeapSampler();
        StreamsRun streams;
        long firstSendWall;
        long publishMillis;
        int lead;
        try (Admin admin = Clients.admin(bootstrap); KafkaProducer<String, byte[]> producer = Clients.producer(bootstrap)) {
            Bench.progress("[sla] publishing the sample CRM (%d accounts; %d T1 requesters at %d accounts)",
                    crm.accounts(), crm.t1Requesters.size(), crm.t1AccountCount());
            crm.publish(producer);
            int partitions = Clients.partitions(admin, Names.TICKETS);
            PolicySlaTimes slaTimes = PolicySlaTimes.validated(policy.policy(), policy.baseDir(), policy.origin());
            streams = StreamsRun.start(ViplaneTopology.build(policy.policy(),
                    TopologyOptions.defaults().withPartitions(partitions).withSlaTimes(slaTimes)),
                    "bench-sla", bootstrap, stateRoot);
            try (OutputWatcher routedWatcher = new OutputWatcher(bootstrap, Names.ROUTED, true, (r, nanos, wall) -> {
                JsonNode v = OutputWatcher.json(r.value());
                String id = v == null ? "" : v.path("ticket_id").asText("");
                if (id.startsWith(CALIBRATION_PREFIX)) {
                    calibrated.add(id);
                } else if (id.startsWith(ID_PREFIX) && routed.add(id)) {
                    if ("T1".equals(v.path("tier").asText())) {
                        routedT1.incrementAndGet();
                    }
                    if (routed.size() == measured) {
                        allRoutedWall.set(wall);
                    }
                }
            }); OutputWatcher slaWatcher = new OutputWatcher(bootstrap, Names.SLA_EVENTS, true, (r, nanos, wall) -> {
                JsonNode v = OutputWatcher.json(r.value());
                String id = v == null ? "" : v.path("ticket_id").asText("");
                if (!id.startsWith(ID_PREFIX)) {
                    return;
                }
                String metric = v.path("metric").asText("?");
                String state = v.path("state").asText("?");
                slaEvents.computeIfAbsent(metric + " " + state, k -> new AtomicInteger()).incrementAndGet();
                if ("BREACHED".equals(state) && "FIRST_RESPONSE".equals(metric) && breached.add(id)) {
                    try {
                        lags.add(wall - Instant.parse(v.path("due_at").asText()).toEpochMilli());
                    } catch (DateTimeParseException e) {
                        unreadable.compareAndSet(null, "a BREACHED event without a readable due_at");
                    }
                }
            })) {
                if (!Clients.awaitCaughtUp(admin, "bench-sla", List.of(Names.ACCOUNTS, Names.CONTACTS),
                        Duration.ofSeconds(120))) {
                    Bench.progress("[sla] warning: the CRM was not fully loaded after 120 s; measuring anyway");
                }
                lead = chooseLead(producer, streams, crm.t1Requesters, calibration, measured, calibrated,
                        t1.firstResponseMinutes());
                Instant t0 = Instant.now();
                Instant firstDue = t0.plusSeconds(lead);
                Instant lastDue = firstDue.plusSeconds(settings.spreadSeconds());
                Bench.progress("[sla] publishing %d open T1 tickets, first-response deadlines from +%d s to +%d s",
                        measured, lead, lead + settings.spreadSeconds());
                firstSendWall = System.currentTimeMillis();
                publish(producer, ID_PREFIX, crm.t1Requesters, measured, firstDue, settings.spreadSeconds() * 1000L,
                        t1.firstResponseMinutes());
                publishMillis = System.currentTimeMillis() - firstSendWall;
                Bench.progress("[sla] published in %.1f s; waiting for breaches", publishMillis / 1000.0);
                waitForBreaches(streams, slaWatcher, breached, slaEvents, measured, lastDue);
            } finally {
                streams.close();
            }
        }
        HeapSampler.Peak peak = heap.stop();
        if (unreadable.get() != null) {
            Bench.progress("[sla] warning: %s", unreadable.get());
        }
        long routedAfter = allRoutedWall.get() < 0 ? -1 : allRoutedWall.get() - firstSendWall;
        Map<String, Integer> events = new TreeMap<>();
        slaEvents.forEach((k, v) -> events.put(k, v.get()));
        return new Result(settings, crm.t1AccountCount(), t1.firstResponseMinutes(), calibration, lead, publishMillis,
                routedAfter,
                routedT1.get(), breached.size(), lags.summary(), events, peak, DirSize.bytes(streams.stateDir()),
                streams.rebalances());
    }

    /**
     * Publishes {@code calibration} tickets whose deadlines lie beyond the run, times how fast they are
     * routed, and returns a lead long enough for the measured tickets to be loaded before the first
     * deadline falls due, so the lag measures detection and not a loading backlog.
     */
    private int chooseLead(KafkaProducer<String, byte[]> producer, StreamsRun streams, List<Workload.Requester> requesters,
                           int calibration, int measured, Set<String> calibrated, int targetMinutes) {
        if (calibration == 0) {
            return Math.min(maxLead(targetMinutes), settings.leadSeconds());
        }
        Bench.progress("[sla] calibrating the ingest rate with %d tickets", calibration);
        long start = System.nanoTime();
        publish(producer, CALIBRATION_PREFIX, requesters, calibration,
                Instant.now().plus(Duration.ofMinutes(targetMinutes)), 0, targetMinutes);
        long deadline = start + Duration.ofSeconds(300).toNanos();
        while (calibrated.size() < calibration && System.nanoTime() < deadline) {
            streams.checkHealthy();
            sleep(20);
        }
        double perSecond = Figures.perSecond(calibrated.size(), System.nanoTime() - start);
        int needed = calibrated.isEmpty() ? settings.leadSeconds()
                : (int) Math.ceil(measured / perSecond * LEAD_HEADROOM) + 5;
        Bench.progress("[sla] routed %s tickets/s while calibrating: loading %d tickets needs ~%d s",
                Figures.number(perSecond), measured, needed);
        return Math.min(maxLead(targetMinutes), Math.max(settings.leadSeconds(), needed));
    }

    /** A ticket cannot be created in the future: its deadline is at most one target (less a minute) away. */
    static int maxLead(int targetMinutes) {
        return Math.max(1, targetMinutes * 60 - 60);
    }

    /** Ticket i falls due at firstDue + i·spread/(count−1): created exactly one first-response target earlier. */
    private static void publish(KafkaProducer<String, byte[]> producer, String prefix,
                                List<Workload.Requester> requesters, int count,
                                Instant firstDue, long spreadMs, int targetMinutes) {
        AtomicReference<Exception> failure = new AtomicReference<>();
        for (int i = 0; i < count; i++) {
            Instant due = firstDue.plusMillis(count == 1 ? 0 : spreadMs * i / (count - 1));
            Workload.Planned t = new Workload.Planned(prefix + "e" + i, prefix + i, TicketEventType.CREATED,
                    requesters.get(i % requesters.size()), TicketPriority.NORMAL);
            producer.send(new ProducerRecord<>(Names.TICKETS, t.ticketId(),
                    t.toJson(due.minus(Duration.ofMinutes(targetMinutes)))), (md, ex) -> {
                        if (ex != null) {
                            failure.compareAndSet(null, ex);
                        }
                    });
        }
        producer.flush();
        if (failure.get() != null) {
            throw new IllegalStateException("publishing failed: " + failure.get().getMessage(), failure.get());
        }
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /**
     * Until every ticket breached, or the grace period after the last deadline ran out; gives up
     * early when not a single SLA event has appeared by then, since the engine is evidently not wired.
     */
    private void waitForBreaches(StreamsRun streams, OutputWatcher watcher, Set<String> breached,
                                 Map<String, AtomicInteger> slaEvents, int n, Instant lastDue) {
        Instant giveUp = lastDue.plusSeconds(settings.graceSeconds());
        Instant giveUpIfSilent = lastDue.plusSeconds(Math.min(settings.graceSeconds(), 15));
        long lastReport = System.nanoTime();
        while (breached.size() < n) {
            Instant now = Instant.now();
            if (now.isAfter(giveUp) || (slaEvents.isEmpty() && now.isAfter(giveUpIfSilent))) {
                return;
            }
            streams.checkHealthy();
            watcher.checkHealthy();
            if (System.nanoTime() - lastReport > 10_000_000_000L) {
                Bench.progress("[sla] %d / %d breaches so far", breached.size(), n);
                lastReport = System.nanoTime();
            }
            sleep(100);
        }
    }
}
