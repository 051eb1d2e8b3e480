package io.viplane.notify;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.viplane.codec.Codec;
import io.viplane.codec.Codecs;
import io.viplane.codec.Format;
import io.viplane.model.AtRiskAccount;
import io.viplane.model.Escalation;
import io.viplane.model.RoutedTicket;
import io.viplane.model.SlaEvent;
import io.viplane.model.SlaState;
import io.viplane.model.TicketStatus;
import io.viplane.notify.channel.Bodies;
import io.viplane.notify.channel.ChannelClient;
import io.viplane.notify.channel.ChannelSpec;
import io.viplane.notify.channel.ChannelType;
import io.viplane.notify.channel.Outcome;
import io.viplane.notify.ledger.Ledger;
import io.viplane.notify.ledger.LedgerEntry;
import io.viplane.notify.route.Plan;
import io.viplane.notify.route.RouteRules;
import io.viplane.notify.route.RoutesFile;
import io.viplane.policy.PolicyLoader;
import io.viplane.sla.calendar.BusinessCalendar;
import io.viplane.sla.calendar.CalendarSpec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code viplane notify}: reads the pipeline's escalations, at-risk accounts, SLA events and routed
 * tickets ({@code read_committed}, its own consumer group, so delivery trouble never slows the
 * pipeline) and delivers each notice once per channel.
 *
 * <p>Per poll (see {@link #step()}): deliveries are decided from the routes (those in the ledger or being
 * sent are skipped) and sent in the background ({@link Flights}), so no poll waits for a provider; one
 * transaction per poll commits the outcomes of ended requests, held entries, dead letters, SENDING entries
 * for Slack and Teams, and the input offsets whose requests have all ended. A restart therefore re-reads
 * only input whose outcome is not recorded, and the ledger (compacted, read back at every partition
 * assignment) says what was sent.
 * A SENDING entry found at start-up means the notifier stopped mid-delivery: idempotent channels
 * (PagerDuty by dedup_key, webhooks by delivery id) are sent again; Slack and Teams, which have no
 * idempotency key, are dead-lettered as "outcome unknown" rather than risk a second post
 * ({@code resend_uncertain} per channel changes that).
 */
public final class NotifyService implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(NotifyService.class);
    private static final Duration POLL = Duration.ofMillis(500);
    private static final int PARALLEL_PER_CHANNEL = 8;
    private static final int CONTEXT_CAPACITY = 100_000;

    private final NotifyConfig config;
    private final RouteRules rules;
    private final ChannelClient client;
    private final Clock clock;
    private final Ledger ledger = new Ledger();
    private final TicketContext.Cache contexts = new TicketContext.Cache(CONTEXT_CAPACITY);
    private final Map<String, ExecutorService> workers = new HashMap<>();
    private final AtomicBoolean stopping = new AtomicBoolean();
    private final Codec<Escalation> escalations;
    private final Codec<AtRiskAccount> atRisk;
    private final Codec<SlaEvent> slaEvents;
    private final Codec<RoutedTicket> routed;
    private final Set<String> owned = new HashSet<>();
    /**
     * The last committed offset of each owned input partition. A transaction with a SENDING entry commits them
     * (unchanged when nothing new is done), so the broker checks the group generation on it: an instance that lost its
     * partitions (a long pause, its session expired) cannot commit a SENDING entry and post while the new owner,
     * which read the delivery as HELD, posts it too.
     */
    private final Map<TopicPartition, OffsetAndMetadata> fence = new HashMap<>();
    private volatile KafkaConsumer<byte[], byte[]> consumer;
    private KafkaProducer<byte[], byte[]> producer;
    private boolean recoverPending;
    /** Sends run in the background: a step never waits for a provider (see Flights). */
    private final Flights flights = new Flights();
    /** Offsets of polls whose deliveries are still running are committed this soon after they end. */
    private static final Duration FLIGHT_POLL = Duration.ofMillis(50);
    private volatile boolean closing;
    /** Test hook: runs after the sends of a batch, before their outcomes are committed. */
    private Runnable beforeOutcomeCommit = () -> { };

    public NotifyService(NotifyConfig config, RouteRules rules, ChannelClient client, Clock clock) {
        this.config = config;
        this.rules = rules;
        this.client = client;
        this.clock = clock;
        boolean avro = config.format() == Format.AVRO;
        this.escalations = avro ? Codecs.avro(Escalation.class) : Codecs.json(Escalation.class);
        this.atRisk = avro ? Codecs.avro(AtRiskAccount.class) : Codecs.json(AtRiskAccount.class);
        this.slaEvents = avro ? Codecs.avro(SlaEvent.class) : Codecs.json(SlaEvent.class);
        this.routed = avro ? Codecs.avro(RoutedTicket.class) : Codecs.json(RoutedTicket.class);
    }

    /** Routes and calendar from the config's files (validated: an invalid file stops start-up). */
    public static RouteRules rules(NotifyConfig config) {
        Map<String, ChannelType> types = config.channels().values().stream()
                .collect(Collectors.toMap(ChannelSpec::name, ChannelSpec::type));
        RoutesFile routes = RoutesFile.load(config.routes(), types);
        return new RouteRules(routes.routes(), routes.urgent(), calendar(config.policy(), routes.calendar()));
    }

    static BusinessCalendar calendar(String policyName, String calendarName) {
        if (calendarName == null || calendarName.equals("always")) {
            return BusinessCalendar.always();
        }
        PolicyLoader.LoadedPolicy p = PolicyLoader.load(policyName);
        var node = p.policy().calendars().get(calendarName);
        if (node == null) {
            throw new IllegalArgumentException("calendar '" + calendarName + "' is not in policy " + p.origin()
                    + " (calendars: " + String.join(", ", p.policy().calendars().keySet()) + ")");
        }
        CalendarSpec spec = CalendarSpec.fromJson(calendarName, node);
        return spec.isAlwaysOpen() ? BusinessCalendar.always()
                : p.baseDir() == null ? BusinessCalendar.of(calendarName, spec, null)
                : BusinessCalendar.of(calendarName, spec, null, p.baseDir());
    }

    /** The command's entry point: runs until SIGTERM / SIGINT. Returns the exit code. */
    public static int run(NotifyConfig config) {
        RouteRules rules;
        try {
            rules = rules(config);
        } catch (RuntimeException e) {
            System.err.println("viplane notify: " + e.getMessage());
            return 1;
        }
        NotifyService service = new NotifyService(config, rules, new ChannelClient(config.retry()), Clock.systemUTC());
        Thread main = Thread.currentThread();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            service.stop();
            try {
                main.join(30_000);
            } catch (InterruptedException ignored) {
                Thread.currentThread().interrupt();
            }
        }));
        service.runUntilStopped();
        return 0;
    }

    void onBeforeOutcomeCommit(Runnable hook) {
        this.beforeOutcomeCommit = hook;
    }

    public void stop() {
        stopping.set(true);
        if (consumer != null) {
            consumer.wakeup();
        }
    }

    public void runUntilStopped() {
        start();
        boolean graceful = false;
        try {
            while (!stopping.get()) {
                step();
            }
            graceful = true;
        } catch (WakeupException e) {
            if (!stopping.get()) {
                throw e;
            }
            graceful = true;
        } finally {
            try {
                if (graceful) {
                    drain(true); // a stop, not a crash: what was sent is recorded, so a restart sends nothing again
                }
            } finally {
                close();
            }
        }
    }

    void start() {
        ensureTopics();
        Properties p = base();
        p.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, config.transactionalId());
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.TRANSACTION_TIMEOUT_CONFIG, "60000");
        producer = new KafkaProducer<>(p, new ByteArraySerializer(), new ByteArraySerializer());
        // Fences a previous instance with the same id and aborts its open transaction, so the
        // ledger read below is not held up by it.
        producer.initTransactions();
        Properties c = base();
        c.put(ConsumerConfig.GROUP_ID_CONFIG, config.groupId());
        c.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        c.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        c.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, config.startFrom());
        c.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, Integer.toString(config.maxBatch()));
        // a batch may wait out retries (bounded by the retry policy) before its offsets commit
        c.put(ConsumerConfig.MAX_POLL_INTERVAL_MS_CONFIG, "900000");
        // Static membership under the transactional id (stable and unique per instance already): an instance
        // restarted after a crash takes its partitions straight back instead of waiting for the dead member's
        // session to expire; a 10 s session moves them to another instance soon when it stays down.
        c.putIfAbsent(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG, config.transactionalId());
        c.putIfAbsent(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG, "10000");
        c.putIfAbsent(ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG, "2000");
        // A read_committed fetch that finds nothing committed yet waits fetch.max.wait.ms (default 500 ms) even
        // when a commit lands meanwhile: measured, it set the pager's p50 at about 200 ms and its p99 near 1 s at
        // 100/s (scripts/bench --only notify). An empty fetch every 50 ms costs the broker next to nothing.
        c.putIfAbsent(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, "50");
        consumer = new KafkaConsumer<>(c, new ByteArrayDeserializer(), new ByteArrayDeserializer());
        consumer.subscribe(config.topics().inputs(), new ConsumerRebalanceListener() {
            // Running deliveries finish and are committed before partitions move, so the next owner finds
            // them in the ledger; a crash (closing without a stop) leaves them to the next owner's recovery.
            @Override
            public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
                if (!closing) {
                    drain(true);
                }
                partitions.forEach(tp -> owned.remove(tp.toString()));
                partitions.forEach(fence::remove);
            }

            @Override
            public void onPartitionsLost(Collection<TopicPartition> partitions) {
                fence.clear(); // no longer a member: offsets cannot be committed, outcomes still can
                if (!closing) {
                    drain(false);
                }
                partitions.forEach(tp -> owned.remove(tp.toString()));
            }

            @Override
            public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
                if (!closing) {
                    drain(true);
                }
                partitions.forEach(tp -> owned.add(tp.toString()));
                partitions.forEach(tp -> fence.put(tp, new OffsetAndMetadata(consumer.position(tp))));
                loadLedger();
                recoverPending = true;
            }
        });
        LOG.info("notifier started: group {}, {} channels, {} routes", config.groupId(), config.channels().size(),
                rules.routes().size());
    }

    private Properties base() {
        Properties p = new Properties();
        p.putAll(config.kafka());
        p.put("bootstrap.servers", config.bootstrapServers());
        return p;
    }

    private void ensureTopics() {
        try (Admin admin = Admin.create(base())) {
            List<NewTopic> topics = List.of(
                    new NewTopic(config.topics().ledger(), config.ledgerPartitions(), config.replicationFactor())
                            .configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT)),
                    new NewTopic(config.topics().dlq(), 1, config.replicationFactor()));
            for (NewTopic t : topics) {
                try {
                    admin.createTopics(List.of(t)).all().get();
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        throw new IllegalStateException("cannot create topic " + t.name() + ": " + e.getCause().getMessage());
                    }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted creating topics");
        }
    }

    /** Reads the whole ledger (committed records only) into memory. */
    private void loadLedger() {
        ledger.clear();
        Properties c = base();
        c.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        c.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        try (KafkaConsumer<byte[], byte[]> r = new KafkaConsumer<>(c, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> parts = r.partitionsFor(config.topics().ledger()).stream()
                    .map(pi -> new TopicPartition(pi.topic(), pi.partition())).toList();
            r.assign(parts);
            r.seekToBeginning(parts);
            Map<TopicPartition, Long> end = highWatermarks(parts);
            while (parts.stream().anyMatch(tp -> r.position(tp) < end.get(tp))) {
                for (ConsumerRecord<byte[], byte[]> rec : r.poll(Duration.ofMillis(200))) {
                    if (rec.value() == null) {
                        continue;
                    }
                    try {
                        ledger.apply(NotifyJson.MAPPER.readValue(rec.value(), LedgerEntry.class));
                    } catch (java.io.IOException e) {
                        LOG.warn("ledger record at {}-{}@{} unreadable, skipped", rec.topic(), rec.partition(), rec.offset());
                    }
                }
            }
        }
        LOG.info("ledger loaded: {} deliveries", ledger.size());
    }

    /**
     * The ledger's end including open transactions. A read_committed consumer's endOffsets is the last stable
     * offset: another instance's open transaction would hide every entry committed after it began, and the
     * ledger would end at an older HELD state of a delivery already made (a second post). Reading up to the
     * high watermark waits for the transactions open now (each is one poll; at most the transaction timeout).
     */
    private Map<TopicPartition, Long> highWatermarks(List<TopicPartition> parts) {
        try (Admin admin = Admin.create(base())) {
            Map<TopicPartition, org.apache.kafka.clients.admin.OffsetSpec> latest = new HashMap<>();
            parts.forEach(tp -> latest.put(tp, org.apache.kafka.clients.admin.OffsetSpec.latest()));
            Map<TopicPartition, Long> out = new HashMap<>();
            admin.listOffsets(latest, new org.apache.kafka.clients.admin.ListOffsetsOptions(
                    org.apache.kafka.common.IsolationLevel.READ_UNCOMMITTED)).all().get()
                    .forEach((tp, info) -> out.put(tp, info.offset()));
            return out;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted reading the ledger's end");
        } catch (ExecutionException e) {
            throw new IllegalStateException("cannot read the ledger's end: " + e.getCause().getMessage(), e.getCause());
        }
    }

    // ---- one step of the loop ----

    /** A delivery to make now: one notice, or a digest of several, to one channel. */
    private record Job(ChannelSpec channel, List<LedgerEntry> entries, String digestKey, String title) {
    }

    private final class Batch {
        final List<Job> jobs = new ArrayList<>();
        final List<LedgerEntry> held = new ArrayList<>();
        final List<ProducerRecord<byte[], byte[]>> deadLetters = new ArrayList<>();
        // key -> entry, deliveries decided in this batch, in decision order (a later trigger after an earlier resolve)
        final Map<String, LedgerEntry> planned = new LinkedHashMap<>();

        /** Decided in this batch, or being sent (not in the ledger yet). */
        boolean isDecided(String key) {
            return planned.containsKey(key) || flights.isSending(key);
        }
    }

    /**
     * One poll: decide the deliveries of the new records and of held ones now due; start the idempotent ones
     * at once; commit, in one transaction, the outcomes of deliveries that have ended, held entries, dead
     * letters, the SENDING entries of Slack and Teams deliveries, and the offsets of polls whose deliveries
     * all ended; then start the Slack and Teams ones.
     */
    void step() {
        ConsumerRecords<byte[], byte[]> records = poll();
        Instant now = clock.instant();
        Batch batch = new Batch();
        if (recoverPending) {
            recover(batch, now);
            recoverPending = false;
        }
        for (ConsumerRecord<byte[], byte[]> rec : records) {
            intake(rec, batch, now);
        }
        releaseDue(batch, now);
        oneUncertainPerChannel(batch, now);
        // Gathered before this poll's sends start, so this poll's offsets are never committed in its own
        // transaction while a send it started runs: a crash then re-reads them (tested).
        List<LedgerEntry> outcomes = flights.gather();
        List<Job> uncertain = new ArrayList<>();
        for (Job j : batch.jobs) {
            if (j.channel().resendUncertain()) {
                launch(j, true); // PagerDuty's dedup_key, webhooks' delivery id: a re-send after a crash is harmless
            } else {
                uncertain.add(j);
            }
        }
        flights.endPoll(records.isEmpty() ? null : offsets(records));
        Map<TopicPartition, OffsetAndMetadata> offsets = flights.committableOffsets();
        if (outcomes.isEmpty() && batch.held.isEmpty() && batch.deadLetters.isEmpty() && uncertain.isEmpty()
                && offsets == null) {
            return;
        }
        if (!outcomes.isEmpty()) {
            beforeOutcomeCommit.run();
        }
        List<LedgerEntry> entries = new ArrayList<>(outcomes);
        entries.addAll(batch.held);
        uncertain.forEach(j -> j.entries().forEach(e -> entries.add(e.with(LedgerEntry.Status.SENDING, e.attempts(), null, null, now))));
        commit(entries, withDeadLetters(batch.deadLetters, entries), offsets);
        flights.committed(outcomes);
        uncertain.forEach(j -> launch(j, false)); // their SENDING entries are committed: a crash now is "outcome unknown"
    }

    private ConsumerRecords<byte[], byte[]> poll() {
        try {
            return consumer.poll(flights.isEmpty() ? POLL : FLIGHT_POLL);
        } catch (WakeupException e) {
            if (stopping.get()) {
                throw e;
            }
            return ConsumerRecords.empty(); // a Slack or Teams delivery ended: its channel's next one can go
        }
    }

    private List<ProducerRecord<byte[], byte[]>> withDeadLetters(List<ProducerRecord<byte[], byte[]>> unreadable,
                                                                  List<LedgerEntry> entries) {
        List<ProducerRecord<byte[], byte[]>> dlq = new ArrayList<>(unreadable);
        for (LedgerEntry e : entries) {
            if (e.status() == LedgerEntry.Status.DEAD) {
                dlq.add(deadLetter(e));
            }
        }
        return dlq;
    }

    /** Waits for the running deliveries and commits their outcomes (and, if allowed, the offsets they held). */
    private void drain(boolean withOffsets) {
        flights.awaitAll();
        List<LedgerEntry> outcomes = flights.gather();
        Map<TopicPartition, OffsetAndMetadata> offsets = withOffsets ? flights.committableOffsets() : null;
        if (!withOffsets) {
            flights.dropPendingOffsets();
        }
        if (outcomes.isEmpty() && offsets == null) {
            return;
        }
        commit(outcomes, withDeadLetters(List.of(), outcomes), offsets);
        flights.committed(outcomes);
    }

    /**
     * A channel without an idempotency key (Slack, Teams) has one delivery running at a time: a crash between
     * its request and the outcome's commit then leaves at most one "outcome unknown" per such channel, not a
     * whole batch of SENDING entries most of which were never sent. The rest wait as HELD entries due now,
     * released by the step after that delivery ends (its end wakes the loop); Slack's own limit is about one
     * message per second per channel, so this costs nothing a real channel could use.
     */
    private void oneUncertainPerChannel(Batch batch, Instant now) {
        Map<String, Job> first = new HashMap<>(); // per channel the oldest delivery: deferred ones never starve
        for (Job j : batch.jobs) {
            if (j.channel().resendUncertain() || flights.busy(j.channel().name())) {
                continue; // a busy channel's next delivery waits for the running one to end
            }
            first.merge(j.channel().name(), j, (a, b) -> b.entries().get(0).updatedAt()
                    .isBefore(a.entries().get(0).updatedAt()) ? b : a);
        }
        List<Job> kept = new ArrayList<>();
        for (Job j : batch.jobs) {
            if (j.channel().resendUncertain() || first.get(j.channel().name()) == j) {
                kept.add(j);
                continue;
            }
            for (LedgerEntry e : j.entries()) {
                if (e.status() == LedgerEntry.Status.HELD) {
                    batch.planned.remove(e.key()); // already held in the ledger: released again next step
                } else {
                    LedgerEntry held = new LedgerEntry(e.noticeId(), e.channel(), LedgerEntry.Status.HELD, e.attempts(),
                            null, null, now, now, e.digestKey(), e.action(), e.dedupKey(), e.ticketId(),
                            e.sourcePartition(), e.notice());
                    batch.planned.put(e.key(), held);
                    batch.held.add(held);
                }
            }
        }
        batch.jobs.clear();
        batch.jobs.addAll(kept);
    }

    private void intake(ConsumerRecord<byte[], byte[]> rec, Batch batch, Instant now) {
        String source = rec.topic() + "-" + rec.partition();
        try {
            if (rec.value() == null) {
                return; // nothing to tell
            }
            String topic = rec.topic();
            NotifyConfig.Topics t = config.topics();
            if (topic.equals(t.escalations())) {
                Escalation e = escalations.decode(rec.value());
                plan(Notices.fromEscalation(e, contexts.get(e.getTicketId())), source, batch, now);
            } else if (topic.equals(t.atRisk())) {
                plan(Notices.fromAtRisk(atRisk.decode(rec.value())), source, batch, now);
            } else if (topic.equals(t.routed())) {
                RoutedTicket r = routed.decode(rec.value());
                contexts.put(r.getTicketId(), TicketContext.of(r));
                Notice n = Notices.fromRouted(r);
                if (n != null) {
                    plan(n, source, batch, now);
                }
                if (r.getStatus() == TicketStatus.SOLVED || r.getStatus() == TicketStatus.CLOSED) {
                    resolveAll(openAlerts(batch, a -> r.getTicketId().equals(a.ticketId())),
                            "ticket " + r.getTicketId() + " " + r.getStatus().name().toLowerCase(), source, batch, now);
                }
            } else if (topic.equals(t.slaEvents())) {
                SlaEvent s = slaEvents.decode(rec.value());
                if (s.getState() == SlaState.MET) {
                    String key = Notices.slaDedupKey(s.getTicketId(), s.getMetric().name());
                    resolveAll(openAlerts(batch, a -> key.equals(a.dedupKey())),
                            s.getMetric() + " SLA met on " + s.getTicketId(), source, batch, now);
                }
            }
        } catch (RuntimeException e) {
            // Bad input never stops the notifier and is never dropped silently. The reason is the
            // error's first line (codec errors name the field, never the value).
            ObjectNode v = NotifyJson.object().put("source_topic", rec.topic()).put("partition", rec.partition())
                    .put("offset", rec.offset()).put("reason", PolicyLoader.firstLine(String.valueOf(e.getMessage())))
                    .put("error", e.getClass().getSimpleName()).put("at", now.toString());
            batch.deadLetters.add(new ProducerRecord<>(config.topics().dlq(), rec.key(), NotifyJson.bytes(v)));
            LOG.warn("unreadable record {}-{}@{} dead-lettered: {}", rec.topic(), rec.partition(), rec.offset(),
                    e.getClass().getSimpleName());
        }
    }

    /**
     * Open alerts from the ledger plus triggers being sent or decided earlier in this batch (a resolve is
     * sent after its trigger: same order key).
     */
    private List<Ledger.OpenAlert> openAlerts(Batch batch, java.util.function.Predicate<Ledger.OpenAlert> which) {
        Map<String, Ledger.OpenAlert> out = new LinkedHashMap<>();
        for (Ledger.OpenAlert a : ledger.openAlerts()) {
            if (which.test(a)) {
                out.put(a.dedupKey() + "|" + a.channel(), a);
            }
        }
        List<LedgerEntry> undecided = new ArrayList<>(flights.inFlight());
        undecided.addAll(batch.planned.values());
        for (LedgerEntry e : undecided) {
            if ("trigger".equals(e.action())) {
                Ledger.OpenAlert a = new Ledger.OpenAlert(e.noticeId(), e.channel(), e.dedupKey(), e.ticketId());
                if (which.test(a)) {
                    out.put(a.dedupKey() + "|" + a.channel(), a);
                }
            } else if ("resolve".equals(e.action())) {
                out.remove(e.dedupKey() + "|" + e.channel());
            }
        }
        return new ArrayList<>(out.values());
    }

    private void resolveAll(List<Ledger.OpenAlert> alerts, String why, String source, Batch batch, Instant now) {
        for (Ledger.OpenAlert a : alerts) {
            Notice n = Notices.resolve(a.triggerNoticeId(), a.dedupKey(), a.ticketId(), why, now);
            decide(n, new Plan(a.channel(), "resolve", null, null), source, batch, now);
        }
    }

    private void plan(Notice n, String source, Batch batch, Instant now) {
        for (Plan p : rules.plan(n, now)) {
            decide(n, p, source, batch, now);
        }
    }

    private void decide(Notice n, Plan p, String source, Batch batch, Instant now) {
        String key = LedgerEntry.key(n.id(), p.channel());
        if (ledger.get(n.id(), p.channel()) != null || batch.isDecided(key)) {
            return; // decided before: delivered, dead, held or being sent
        }
        ChannelSpec ch = config.channels().get(p.channel());
        String action = ch.type() != ChannelType.PAGERDUTY ? "message"
                : n.source() == Notice.Source.RESOLVE ? "resolve" : "trigger";
        LedgerEntry e = new LedgerEntry(n.id(), p.channel(), p.now() ? LedgerEntry.Status.SENDING : LedgerEntry.Status.HELD,
                0, null, null, now, p.releaseAt(), p.digestKey(), action,
                ch.type() == ChannelType.PAGERDUTY ? n.dedupKey() : null, n.ticketId(), source, n);
        batch.planned.put(key, e);
        if (p.now()) {
            batch.jobs.add(new Job(ch, List.of(e), null, null));
        } else {
            batch.held.add(e);
            LOG.info("held for {}: {} -> {} until {}", p.route(), n.label(), p.channel(), p.releaseAt());
        }
    }

    /** Held deliveries whose time has come: digests grouped into one message each. */
    private void releaseDue(Batch batch, Instant now) {
        Map<String, List<LedgerEntry>> digests = new LinkedHashMap<>();
        // A channel without an idempotency key has one delivery running at a time (oneUncertainPerChannel): release
        // only its oldest, so a backlog on Slack costs one comparison per entry, not a job per entry per step.
        Map<String, LedgerEntry> oldestUncertain = new LinkedHashMap<>();
        for (LedgerEntry e : ledger.pending(owned)) {
            if (e.status() != LedgerEntry.Status.HELD || e.releaseAt() == null || e.releaseAt().isAfter(now)
                    || batch.isDecided(e.key())) {
                continue;
            }
            ChannelSpec ch = config.channels().get(e.channel());
            if (ch == null) {
                batch.held.add(e.with(LedgerEntry.Status.DEAD, e.attempts(), null, "channel no longer configured", now));
                continue;
            }
            if (e.digestKey() != null) {
                batch.planned.put(e.key(), e);
                digests.computeIfAbsent(e.digestKey(), k -> new ArrayList<>()).add(e);
            } else if (!ch.resendUncertain()) {
                oldestUncertain.merge(e.channel(), e, (a, b) -> b.updatedAt().isBefore(a.updatedAt()) ? b : a);
            } else {
                batch.planned.put(e.key(), e);
                batch.jobs.add(new Job(ch, List.of(e), null, null));
            }
        }
        oldestUncertain.values().forEach(e -> {
            batch.planned.put(e.key(), e);
            batch.jobs.add(new Job(config.channels().get(e.channel()), List.of(e), null, null));
        });
        digests.forEach((key, entries) -> {
            entries.sort((a, b) -> a.notice().occurredAt().compareTo(b.notice().occurredAt()));
            batch.jobs.add(new Job(config.channels().get(entries.get(0).channel()), entries, key, digestTitle(key)));
        });
    }

    private static String digestTitle(String digestKey) {
        String[] parts = digestKey.split("/", 4); // channel/route/hour|day/window
        return parts.length == 4 ? "viplane digest · " + parts[1] + " · " + parts[3] : "viplane digest";
    }

    /** Deliveries a previous run left SENDING: re-sent where that is safe, otherwise dead-lettered. */
    private void recover(Batch batch, Instant now) {
        for (LedgerEntry e : ledger.pending(owned)) {
            if (e.status() != LedgerEntry.Status.SENDING || batch.isDecided(e.key())) {
                continue;
            }
            ChannelSpec ch = config.channels().get(e.channel());
            batch.planned.put(e.key(), e);
            if (ch != null && ch.resendUncertain() && e.notice() != null) {
                LOG.info("re-sending {} -> {} (outcome unknown after a restart; the channel is idempotent)",
                        e.noticeId(), e.channel());
                batch.jobs.add(new Job(ch, List.of(e), null, null));
            } else {
                batch.held.add(e.with(LedgerEntry.Status.DEAD, e.attempts(), null,
                        "outcome unknown: the notifier stopped during delivery; not re-sent to avoid a duplicate post", now));
            }
        }
    }

    /**
     * Starts one job in the background: channels in parallel, and within a channel one ticket's jobs in order
     * (a resolve after its trigger) but different tickets side by side, up to {@link #PARALLEL_PER_CHANNEL}:
     * one request at a time per channel caps a provider 100 ms away at 10 notices a second. A paced channel
     * ({@code min_interval_ms}) keeps one request at a time. The end of a Slack or Teams delivery wakes the
     * loop, which then starts that channel's next one.
     */
    private void launch(Job j, boolean holdsOffsets) {
        boolean wakes = !j.channel().resendUncertain();
        flights.launch(j.channel().name(), orderKey(j), j.entries(), () -> {
            try {
                return sendOne(j);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while delivering");
            }
        }, worker(j.channel().name()), holdsOffsets, () -> {
            KafkaConsumer<byte[], byte[]> c = consumer;
            if (wakes && c != null) {
                c.wakeup();
            }
        });
    }

    /** Jobs with the same key are sent in order, one after another. */
    private static String orderKey(Job j) {
        ChannelSpec ch = j.channel();
        if ((ch.minInterval() != null && !ch.minInterval().isZero()) || j.digestKey() != null) {
            return "";
        }
        LedgerEntry e = j.entries().get(0);
        return e.ticketId() != null ? e.ticketId() : e.noticeId();
    }

    private ExecutorService worker(String channel) {
        return workers.computeIfAbsent(channel, c -> Executors.newFixedThreadPool(PARALLEL_PER_CHANNEL, r -> {
            Thread t = new Thread(r, "notify-" + c);
            t.setDaemon(true);
            return t;
        }));
    }

    private List<LedgerEntry> sendOne(Job j) throws InterruptedException {
        Instant now = clock.instant();
        List<Notice> notices = j.entries().stream().map(LedgerEntry::notice).toList();
        byte[] body;
        String deliveryId;
        try {
            if (j.digestKey() == null) {
                body = Bodies.single(j.channel(), notices.get(0), config.links(), now);
                deliveryId = Bodies.deliveryId(notices.get(0), j.channel());
            } else {
                body = Bodies.digest(j.channel(), j.title(), j.digestKey(), notices, config.links());
                deliveryId = j.digestKey();
            }
        } catch (RuntimeException e) {
            return j.entries().stream().map(x -> x.with(LedgerEntry.Status.DEAD, 0, null,
                    "cannot build payload: " + e.getClass().getSimpleName(), now)).toList();
        }
        ChannelClient.Result r = client.send(j.channel(), body, deliveryId);
        Instant done = clock.instant();
        boolean ok = r.outcome().status() == Outcome.Status.DELIVERED;
        String what = j.digestKey() == null ? notices.get(0).label() : "digest of " + notices.size();
        if (ok) {
            LOG.info("{} <- {}{}", j.channel(), j.channel().type() == ChannelType.PAGERDUTY
                    ? (notices.get(0).source() == Notice.Source.RESOLVE ? "resolve: " : "trigger: ") : "", what);
        } else {
            LOG.warn("{} dead-lettered {}: {}", j.channel(), what, r.outcome().reason());
        }
        return j.entries().stream().map(x -> ok
                ? x.with(LedgerEntry.Status.DELIVERED, x.attempts() + r.attempts(), r.outcome().providerId(), null, done)
                : x.with(LedgerEntry.Status.DEAD, x.attempts() + r.attempts(), null, r.outcome().reason(), done)).toList();
    }

    private ProducerRecord<byte[], byte[]> deadLetter(LedgerEntry e) {
        ObjectNode v = NotifyJson.object().put("notice_id", e.noticeId()).put("channel", e.channel())
                .put("reason", e.reason()).put("attempts", e.attempts()).put("at", String.valueOf(e.updatedAt()));
        LedgerEntry pending = ledgerOrPlanned(e);
        if (pending != null && pending.notice() != null) {
            v.set("notice", NotifyJson.MAPPER.valueToTree(pending.notice()));
        }
        return new ProducerRecord<>(config.topics().dlq(), e.key().getBytes(java.nio.charset.StandardCharsets.UTF_8),
                NotifyJson.bytes(v));
    }

    private LedgerEntry ledgerOrPlanned(LedgerEntry e) {
        LedgerEntry l = ledger.get(e.noticeId(), e.channel());
        return l != null && l.notice() != null ? l : null;
    }

    private Map<TopicPartition, OffsetAndMetadata> offsets(ConsumerRecords<byte[], byte[]> records) {
        Map<TopicPartition, OffsetAndMetadata> out = new HashMap<>();
        for (TopicPartition tp : records.partitions()) {
            List<ConsumerRecord<byte[], byte[]>> list = records.records(tp);
            out.put(tp, new OffsetAndMetadata(list.get(list.size() - 1).offset() + 1));
        }
        return out;
    }

    /** Ledger entries, dead letters and input offsets (new ones, or for a SENDING entry the owned partitions' last: see fence) in one transaction. */
    private void commit(List<LedgerEntry> entries, List<ProducerRecord<byte[], byte[]>> dlq,
                        Map<TopicPartition, OffsetAndMetadata> offsets) {
        producer.beginTransaction();
        try {
            for (LedgerEntry e : entries) {
                producer.send(new ProducerRecord<>(config.topics().ledger(),
                        e.key().getBytes(java.nio.charset.StandardCharsets.UTF_8), NotifyJson.bytes(e)));
            }
            dlq.forEach(producer::send);
            // New offsets carry the generation check themselves. Without them, only a SENDING entry needs it (a
            // Slack or Teams request follows its commit): the unchanged offsets go along then, and only then, as
            // each costs two more round trips on the loop (measured: the page's p50 doubled when every commit did).
            boolean sending = entries.stream().anyMatch(e -> e.status() == LedgerEntry.Status.SENDING);
            Map<TopicPartition, OffsetAndMetadata> checked = offsets != null ? offsets : sending ? fence : Map.of();
            if (!checked.isEmpty()) {
                producer.sendOffsetsToTransaction(checked, consumer.groupMetadata());
            }
            producer.commitTransaction();
        } catch (RuntimeException e) {
            // Fenced or failed: the transaction is lost; stop so a restart re-reads from the ledger.
            stopping.set(true);
            throw e;
        }
        entries.forEach(ledger::apply);
        if (offsets != null) {
            offsets.forEach((tp, o) -> fence.computeIfPresent(tp, (k, old) -> o));
        }
    }

    @Override
    public void close() {
        closing = true;
        workers.values().forEach(ExecutorService::shutdownNow);
        workers.clear();
        if (consumer != null) {
            try {
                consumer.close(Duration.ofSeconds(5));
            } catch (RuntimeException ignored) {
                // closing after a failure
            }
            consumer = null;
        }
        if (producer != null) {
            try {
                producer.close(Duration.ofSeconds(5));
            } catch (RuntimeException ignored) {
                // closing after a failure
            }
            producer = null;
        }
    }
}
