package io.viplane.notify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.viplane.codec.Codecs;
import io.viplane.model.AtRiskAccount;
import io.viplane.model.Escalation;
import io.viplane.model.EscalationKind;
import io.viplane.model.EscalationTarget;
import io.viplane.model.RiskLevel;
import io.viplane.model.SlaEvent;
import io.viplane.model.SlaMetric;
import io.viplane.model.SlaState;
import io.viplane.model.Tier;
import io.viplane.notify.channel.ChannelClient;
import io.viplane.testing.BrokerIo;
import io.viplane.testing.EmbeddedKafka;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The notifier on the real broker against loopback fakes of Slack, PagerDuty, Teams and a signed
 * webhook, with the shipped routes (topology/notify/white-glove.yaml) and calendar.
 */
class NotifyIntegrationTest {
    private static final Instant WED_OPEN = Instant.parse("2026-01-14T15:00:00Z"); // Wed 10:00 New York
    private final String prefix = "nt-" + UUID.randomUUID().toString().substring(0, 8) + "-";
    private final FakeEndpoints fakes = new FakeEndpoints("whsec-test");
    private final List<Thread> threads = new ArrayList<>();
    private final List<NotifyService> services = new ArrayList<>();

    NotifyIntegrationTest() throws Exception {
    }

    @AfterEach
    void tearDown() throws Exception {
        services.forEach(NotifyService::stop);
        for (Thread t : threads) {
            t.join(20_000);
        }
        fakes.close();
    }

    /** A clock the test moves. */
    static final class TestClock extends Clock {
        volatile Instant now;

        TestClock(Instant now) {
            this.now = now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    private NotifyConfig config() throws Exception {
        String yaml = """
                bootstrap_servers: %s
                group_id: %sgroup
                transactional_id: %snotifier
                routes: topology/notify/white-glove.yaml
                policy: white-glove
                ticket_url: https://desk.example.com/tickets/{ticket_id}
                account_url: https://crm.example.com/accounts/{account_id}
                retry: {max_attempts: 5, initial_backoff_ms: 50, max_backoff_ms: 200, max_retry_after_ms: 5000, request_timeout_ms: 5000}
                topics: {escalations: %sesc, at_risk: %srisk, sla_events: %ssla, routed: %srouted, ledger: %sledger, dlq: %sdlq}
                channels:
                  vip-pool: {type: slack_webhook, url: "%s", min_interval_ms: 0}
                  support-managers: {type: slack_api, url: "%s", token: env:TEST_SLACK_TOKEN, channel: CMGR, min_interval_ms: 0}
                  team-leads: {type: slack_api, url: "%s", token: env:TEST_SLACK_TOKEN, channel: CLEAD, min_interval_ms: 0}
                  support-vp-pager: {type: pagerduty, url: "%s", routing_key: env:TEST_PD_KEY, min_interval_ms: 0}
                  csm-teams: {type: teams, url: "%s"}
                  crm-webhook: {type: webhook, url: "%s", secret: env:TEST_HOOK_SECRET}
                """.formatted(EmbeddedKafka.bootstrapServers(), prefix, prefix, prefix, prefix, prefix, prefix, prefix, prefix,
                fakes.url("/slack/vip"), fakes.url("/api-mgr/chat.postMessage"), fakes.url("/api/chat.postMessage"),
                fakes.url("/pd/enqueue"), fakes.url("/teams/csm"), fakes.url("/hook/crm"));
        JsonNode root = new YAMLMapper().readTree(yaml);
        return NotifyConfig.parse(root, "test.yaml", Map.of("TEST_SLACK_TOKEN", "xoxb-test",
                "TEST_PD_KEY", "pd-routing-key-0123456789abcdef", "TEST_HOOK_SECRET", "whsec-test"), null);
    }

    private void createTopics() throws Exception {
        try (Admin admin = Admin.create(EmbeddedKafka.clientProps())) {
            List<NewTopic> t = new ArrayList<>();
            for (String s : List.of("esc", "risk", "sla", "routed")) {
                t.add(new NewTopic(prefix + s, 3, (short) 1));
            }
            admin.createTopics(t).all().get();
        }
    }

    private NotifyService start(NotifyConfig cfg, Clock clock, Runnable hook) {
        NotifyService s = new NotifyService(cfg, NotifyService.rules(cfg), new ChannelClient(cfg.retry()), clock);
        if (hook != null) {
            s.onBeforeOutcomeCommit(hook);
        }
        Thread t = new Thread(() -> {
            try {
                s.runUntilStopped();
            } catch (RuntimeException e) {
                // a simulated crash ends the thread, as kill -9 would end the process
            }
        }, "notifier-" + services.size());
        services.add(s);
        threads.add(t);
        t.start();
        return s;
    }

    private void stop(NotifyService s) throws InterruptedException {
        s.stop();
        threads.get(services.indexOf(s)).join(30_000);
    }

    private void publish(String topic, String key, byte[] value) {
        Properties p = EmbeddedKafka.clientProps();
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(p, new ByteArraySerializer(), new ByteArraySerializer())) {
            producer.send(new ProducerRecord<>(topic, key.getBytes(StandardCharsets.UTF_8), value));
        }
    }

    private void publish(Escalation e) {
        publish(prefix + "esc", e.getTicketId(), Codecs.json(Escalation.class).encode(e));
    }

    private static Escalation esc(String id, String ticket, Tier tier, EscalationKind kind, EscalationTarget target, String... evidence) {
        return Samples.escalation(id, ticket, tier, kind, target, List.of(evidence), WED_OPEN);
    }

    private static AtRiskAccount risk(String account, RiskLevel level) {
        return AtRiskAccount.newBuilder().setAccountId(account).setRiskLevel(level).setRiskScore(55)
                .setSignals(List.of("CHURN_DIRECT +30: evaluating alternatives")).setRecommendedAction("CSM call")
                .setArr(250000.0).setDaysToRenewal(45).setCsmId("csm-1").setOccurredAt(WED_OPEN).build();
    }

    private int count(String path, String needle) {
        return (int) fakes.accepted(path).stream().filter(h -> h.body().toString().contains(needle)).count();
    }


    private List<JsonNode> deadLetters() throws Exception {
        List<JsonNode> out = new ArrayList<>();
        for (ConsumerRecord<String, byte[]> r : BrokerIo.readAll(prefix + "dlq", r -> true)) {
            out.add(NotifyJson.MAPPER.readTree(r.value()));
        }
        return out;
    }

    @Test
    void everyChannelGetsEachNoticeExactlyOnceAcrossRetriesRestartsAndACrash() throws Exception {
        createTopics();
        NotifyConfig cfg = config();
        Clock clock = new TestClock(WED_OPEN);
        fakes.script("/slack/vip", 429, 1);
        fakes.script("/pd/enqueue", 500, -1);
        fakes.script("/teams/csm", 500, -1);
        fakes.script("/api-mgr/chat.postMessage", 400, -1); // the managers' channel refuses: a dead letter

        List<Escalation> first = List.of(
                esc("e1", "tkt-A", Tier.T1, EscalationKind.SLA_BREACH, EscalationTarget.SUPPORT_VP,
                        "sla_metric=FIRST_RESPONSE", "due_at=2026-01-14T14:59:00Z"),
                esc("e2", "tkt-B", Tier.T2, EscalationKind.CSM_ALERT, EscalationTarget.CSM),
                esc("e3", "tkt-C", Tier.T3, EscalationKind.NEGATIVE_SENTIMENT, EscalationTarget.TEAM_LEAD),
                esc("e4", "tkt-D", Tier.T2, EscalationKind.EXECUTIVE_ESCALATION, EscalationTarget.SUPPORT_MANAGER));
        first.forEach(this::publish);
        publish(prefix + "risk", "acc-Z", Codecs.json(AtRiskAccount.class).encode(risk("acc-Z", RiskLevel.HIGH)));

        NotifyService a = start(cfg, clock, null);
        BrokerIo.until(Duration.ofSeconds(90), "first deliveries", () -> count("/slack/vip", "escalation e") == 4 && count("/pd/enqueue", "e1") == 1
                && count("/hook/crm", "\"id\"") == 5 && count("/teams/csm", "acc-Z") == 1 && count("/teams/csm", "tkt-B") == 1
                && count("/api/chat.postMessage", "tkt-C") == 1);
        stop(a);

        // A replay of the same records (same ids) and one new escalation, read by a new instance.
        first.forEach(this::publish);
        publish(esc("e5", "tkt-E", Tier.T1, EscalationKind.UNASSIGNED, EscalationTarget.SUPPORT_VP, "sla_metric=ASSIGNMENT"));
        NotifyService b = start(cfg, clock, null);
        BrokerIo.until(Duration.ofSeconds(90), "e5", () -> count("/pd/enqueue", "\"e5\"") == 1 && count("/slack/vip", "escalation e5") == 1
                && count("/hook/crm", "\"e5\"") == 1);
        // The breached clock is met: PagerDuty resolves the alert e1 opened.
        publish(prefix + "sla", "tkt-A", Codecs.json(SlaEvent.class).encode(SlaEvent.newBuilder().setTicketId("tkt-A")
                .setAccountId("acc-tkt-A").setTier(Tier.T1).setMetric(SlaMetric.FIRST_RESPONSE).setState(SlaState.MET)
                .setDueAt(WED_OPEN).setOccurredAt(WED_OPEN.plusSeconds(120)).setElapsedMinutes(17).setTargetMinutes(15).build()));
        BrokerIo.until(Duration.ofSeconds(90), "resolve", () -> fakes.accepted("/pd/enqueue").stream().anyMatch(h -> h.body().path("event_action").asText()
                .equals("resolve") && h.body().path("dedup_key").asText().equals("viplane/tkt-A/sla/FIRST_RESPONSE")));
        stop(b);

        // A crash after the requests went out and before their outcome was committed.
        AtomicBoolean crashed = new AtomicBoolean();
        NotifyService c = start(cfg, clock, () -> {
            if (!crashed.get() && count("/slack/vip", "escalation e6") == 1) {
                crashed.set(true);
                throw new IllegalStateException("simulated crash");
            }
        });
        publish(esc("e6", "tkt-F", Tier.T1, EscalationKind.EXECUTIVE_ESCALATION, EscalationTarget.SUPPORT_VP));
        BrokerIo.until(Duration.ofSeconds(90), "crash", crashed::get);
        threads.get(services.indexOf(c)).join(30_000);
        start(cfg, clock, null);
        BrokerIo.until(Duration.ofSeconds(90), "recovery re-sends to the idempotent channels", () -> count("/hook/crm", "\"e6\"") == 2);
        Thread.sleep(1500); // anything a wrong recovery would send more has time to arrive

        // Slack and Teams: each notice once. PagerDuty: one trigger per notice; the crash's re-sent
        // trigger carries the same dedup key, so PagerDuty opened one alert for it.
        for (String id : List.of("e1", "e2", "e3", "e4", "e5", "e6")) {
            assertEquals(1, count("/slack/vip", "escalation " + id + "\""), "vip-pool " + id);
        }
        assertEquals(1, count("/api/chat.postMessage", "tkt-C"));
        assertEquals(0, count("/api-mgr/chat.postMessage", "tkt-D"), "refused with 400");
        assertEquals(1, count("/teams/csm", "tkt-B"));
        assertEquals(1, count("/teams/csm", "acc-Z"));
        List<String> triggers = fakes.accepted("/pd/enqueue").stream()
                .filter(h -> h.body().path("event_action").asText().equals("trigger"))
                .map(h -> h.body().at("/payload/custom_details/notice_id").asText()).toList();
        assertEquals(List.of("e1", "e5", "e6", "e6"), triggers.stream().sorted().toList());
        assertEquals(3, fakes.pagerDutyAlertsOpened());
        // The webhook: one delivery id per notice; the crash's re-send reuses its id for the receiver to drop.
        Set<String> ids = new HashSet<>();
        fakes.accepted("/hook/crm").forEach(h -> ids.add(h.headers().get("x-viplane-delivery")));
        assertEquals(7, ids.size(), ids.toString()); // e1..e6 and the at-risk account
        assertEquals(8, fakes.accepted("/hook/crm").size());
        assertEquals(List.of(), fakes.rejected().stream().filter(r -> !r.contains("scripted")).toList(),
                "every payload passed the fakes' validation");

        List<JsonNode> dlq = deadLetters();
        assertTrue(dlq.stream().anyMatch(d -> d.path("notice_id").asText().equals("e4")
                && d.path("channel").asText().equals("support-managers") && d.path("reason").asText().startsWith("HTTP 400")), dlq.toString());
        assertTrue(dlq.stream().anyMatch(d -> d.path("notice_id").asText().equals("e6") && d.path("channel").asText().equals("vip-pool")
                && d.path("reason").asText().startsWith("outcome unknown")), dlq.toString());
        String all = dlq.toString();
        assertTrue(!all.contains("xoxb-test") && !all.contains("pd-routing-key") && !all.contains("127.0.0.1"), "no secrets in dead letters");
    }

    @Test
    void nonUrgentNoticesWaitForBusinessHoursAndMediumRiskArrivesAsOneDigest() throws Exception {
        createTopics();
        NotifyConfig cfg = config();
        TestClock clock = new TestClock(Instant.parse("2026-01-17T15:00:00Z")); // Saturday 10:00 New York
        publish(esc("h1", "tkt-H", Tier.T3, EscalationKind.NEGATIVE_SENTIMENT, EscalationTarget.TEAM_LEAD));
        publish(esc("h2", "tkt-I", Tier.T1, EscalationKind.SLA_BREACH, EscalationTarget.SUPPORT_VP, "sla_metric=FIRST_RESPONSE"));
        publish(prefix + "risk", "acc-M1", Codecs.json(AtRiskAccount.class).encode(risk("acc-M1", RiskLevel.MEDIUM)));
        publish(prefix + "risk", "acc-M2", Codecs.json(AtRiskAccount.class).encode(risk("acc-M2", RiskLevel.MEDIUM)));

        NotifyService a = start(cfg, clock, null);
        BrokerIo.until(Duration.ofSeconds(90), "immediate ones", () -> count("/hook/crm", "\"id\"") == 4 && count("/pd/enqueue", "h2") == 1
                && count("/slack/vip", "escalation h2") == 1);
        Thread.sleep(1500);
        assertEquals(0, count("/api/chat.postMessage", "tkt-H"), "T3 waits for Monday");
        assertEquals(0, count("/slack/vip", "escalation h1"));
        assertEquals(0, fakes.accepted("/teams/csm").size(), "MEDIUM risk waits for the digest");
        stop(a); // held notices survive a restart: they are in the ledger

        clock.now = Instant.parse("2026-01-19T14:01:00Z"); // Monday 09:01 New York
        start(cfg, clock, null);
        BrokerIo.until(Duration.ofSeconds(90), "released", () -> count("/api/chat.postMessage", "tkt-H") == 1 && count("/slack/vip", "escalation h1") == 1
                && fakes.accepted("/teams/csm").size() == 1);
        Thread.sleep(1500);
        assertEquals(1, fakes.accepted("/teams/csm").size(), "one digest");
        String digest = fakes.accepted("/teams/csm").get(0).body().toString();
        assertTrue(digest.contains("acc-M1") && digest.contains("acc-M2") && digest.contains("digest"), digest);
        assertEquals(1, count("/api/chat.postMessage", "tkt-H"));
    }

    @Test
    void aHangingSlackNeverHoldsUpAPageAndItsPostsFollowOnceItRecovers() throws Exception {
        createTopics();
        NotifyConfig cfg = config();
        Runnable slackRecovers = fakes.hold("/slack/vip");
        NotifyService a = start(cfg, new TestClock(WED_OPEN), null);
        publish(esc("s1", "tkt-S1", Tier.T1, EscalationKind.EXECUTIVE_ESCALATION, EscalationTarget.SUPPORT_VP));
        BrokerIo.until(Duration.ofSeconds(60), "the first Slack post hangs", () -> fakes.waiting("/slack/vip") == 1);

        // While the VIP pool's Slack post hangs, two more T1 escalations arrive: both pages go out.
        publish(esc("s2", "tkt-S2", Tier.T1, EscalationKind.EXECUTIVE_ESCALATION, EscalationTarget.SUPPORT_VP));
        publish(esc("s3", "tkt-S3", Tier.T1, EscalationKind.SLA_BREACH, EscalationTarget.SUPPORT_VP, "sla_metric=FIRST_RESPONSE"));
        BrokerIo.until(Duration.ofSeconds(60), "pages while Slack hangs", () -> count("/pd/enqueue", "\"s2\"") == 1
                && count("/pd/enqueue", "\"s3\"") == 1 && count("/hook/crm", "\"s3\"") == 1);
        assertEquals(1, fakes.waiting("/slack/vip"), "one Slack post at a time: the others wait in the ledger");
        assertEquals(0, fakes.accepted("/slack/vip").size());

        slackRecovers.run();
        BrokerIo.until(Duration.ofSeconds(60), "Slack catches up", () -> fakes.accepted("/slack/vip").size() == 3);
        stop(a); // a stop commits what was sent: the next instance sends nothing again
        start(cfg, new TestClock(WED_OPEN), null);
        publish(esc("s4", "tkt-S4", Tier.T1, EscalationKind.EXECUTIVE_ESCALATION, EscalationTarget.SUPPORT_VP));
        BrokerIo.until(Duration.ofSeconds(60), "s4", () -> count("/slack/vip", "escalation s4") == 1 && count("/hook/crm", "\"s4\"") == 1);
        Thread.sleep(1500); // anything sent twice has time to arrive
        assertEquals(List.of("s1", "s2", "s3", "s4"), fakes.accepted("/slack/vip").stream()
                .map(h -> h.body().toString().replaceAll(".*escalation (s\\d).*", "$1")).sorted().toList(), "Slack: once each");
        for (String id : List.of("s1", "s2", "s3", "s4")) {
            assertEquals(1, count("/pd/enqueue", "\"" + id + "\""), "one page for " + id);
            assertEquals(1, count("/hook/crm", "\"" + id + "\""), "one webhook delivery for " + id);
        }
    }

    private KafkaProducer<byte[], byte[]> transactional(String id) {
        Properties p = EmbeddedKafka.clientProps();
        p.put("transactional.id", prefix + id);
        KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(p, new ByteArraySerializer(), new ByteArraySerializer());
        producer.initTransactions();
        return producer;
    }

    private ProducerRecord<byte[], byte[]> ledgerRecord(io.viplane.notify.ledger.LedgerEntry e) {
        return new ProducerRecord<>(prefix + "ledger", e.key().getBytes(StandardCharsets.UTF_8), NotifyJson.bytes(e));
    }

    @Test
    void aLedgerReadWhileAnotherTransactionIsOpenWaitsForItAndPostsNothingTwice() throws Exception {
        createTopics();
        try (Admin admin = Admin.create(EmbeddedKafka.clientProps())) {
            admin.createTopics(List.of(new NewTopic(prefix + "ledger", 1, (short) 1)
                    .configs(Map.of("cleanup.policy", "compact")))).all().get();
        }
        // A Slack delivery held, then delivered; between the two another producer's transaction opened (another
        // notifier's poll), which hides the DELIVERED entry from a read that stops at the last stable offset.
        Notice n = Samples.breach("tkt-HELD", Tier.T1);
        var held = new io.viplane.notify.ledger.LedgerEntry(n.id(), "vip-pool", io.viplane.notify.ledger.LedgerEntry.Status.HELD,
                0, null, null, WED_OPEN, WED_OPEN, null, "message", null, "tkt-HELD", prefix + "esc-0", n);
        try (KafkaProducer<byte[], byte[]> mine = transactional("mine"); KafkaProducer<byte[], byte[]> other = transactional("other")) {
            mine.beginTransaction();
            mine.send(ledgerRecord(held));
            mine.commitTransaction();
            other.beginTransaction();
            other.send(ledgerRecord(new io.viplane.notify.ledger.LedgerEntry("other-notice", "vip-pool",
                    io.viplane.notify.ledger.LedgerEntry.Status.DELIVERED, 1, null, null, WED_OPEN, null, null, "message", null,
                    "tkt-O", prefix + "esc-1", null)));
            other.flush();
            mine.beginTransaction();
            mine.send(ledgerRecord(held.with(io.viplane.notify.ledger.LedgerEntry.Status.DELIVERED, 1, "ts-1", null, WED_OPEN)));
            mine.commitTransaction();

            start(config(), new TestClock(WED_OPEN), null);
            Thread.sleep(4000); // the notifier joins and reads its ledger while the other transaction is open
            other.commitTransaction();
        }
        publish(esc("l2", "tkt-L2", Tier.T1, EscalationKind.EXECUTIVE_ESCALATION, EscalationTarget.SUPPORT_VP));
        BrokerIo.until(Duration.ofSeconds(60), "the notifier runs", () -> count("/slack/vip", "escalation l2") == 1);
        assertEquals(0, count("/slack/vip", "tkt-HELD"), "delivered before: not posted again");
    }
}
