package io.viplane.app;

import io.viplane.topology.StreamsSettings;
import static io.viplane.testing.BrokerIo.header;
import static io.viplane.testing.BrokerIo.text;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.viplane.policy.PolicyLoader;
import io.viplane.testing.BrokerIo;
import io.viplane.testing.EmbeddedKafka;
import io.viplane.testing.Json;
import io.viplane.topology.Names;
import io.viplane.topology.TopologyOptions;
import io.viplane.topology.ViplaneTopology;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.streams.KafkaStreams;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Fault injection on the real broker: the poison battery on every input topic (unreadable bytes, null keys,
 * keys naming another entity, instants that overflow, dates before 1970, clocks hours fast, tombstones for
 * bad keys, a megabyte of churn words), then good records, then a restart and more good records. The
 * pipeline never stops, each poison record is a dead letter with its reason, and the good records are
 * routed every time. Each case here crashed or silenced the pipeline before (issue 17).
 */
class PoisonBatteryIntegrationTest {
    private static String bootstrap;
    private final String run = "pb" + UUID.randomUUID().toString().substring(0, 8) + "-";

    @BeforeAll
    static void topics() {
        bootstrap = EmbeddedKafka.bootstrapServers();
        assertEquals(0, Main.run(new String[] {"topics", "--bootstrap-server", bootstrap, "--partitions", "2"}));
    }

    private String k(String s) {
        return run + s;
    }

    @Test
    void poisonOnEveryInputThenGoodRecordsThenARestart() throws Exception {
        String appId = "viplane-it-poison-" + run;
        String stateDir = Files.createTempDirectory("viplane-it-poison").toString();
        Instant now = Instant.now();
        String twoHoursAhead = now.plus(Duration.ofHours(2)).toString();
        String overflow = "+1000000000-01-01T00:00:00Z";
        Map<String, String> expected = new TreeMap<>(); // DLQ key -> start of the reason
        try (BrokerIo io = new BrokerIo()) {
            AtomicReference<Throwable> crashed = new AtomicReference<>();
            KafkaStreams first = start(appId, stateDir, crashed);

            // support.agents: the global thread used to crash on the first of these.
            io.send(Names.AGENTS, k("a-junk"), "not json at all");
            expected.put(k("a-junk"), "malformed JSON");
            io.send(Names.AGENTS, k("a-other"), Json.agent(k("a-x"), "L3", "AVAILABLE", 0, 0, "TIER1_SENIOR").toString());
            expected.put(k("a-other"), "field 'agent_id': does not match the record key");
            io.send(Names.AGENTS, k("a-future"), Json.agent(k("a-future"), "L3", "AVAILABLE", 0, 0, "TIER1_SENIOR")
                    .put("updated_at", overflow).toString());
            expected.put(k("a-future"), "field 'updated_at': outside the range");
            io.send(Names.AGENTS, k("a-junk"), null); // a tombstone for the bad key

            // crm.accounts
            io.send(Names.ACCOUNTS, k("acc-junk"), "{\"account_id\": ");
            expected.put(k("acc-junk"), "malformed JSON");
            io.send(Names.ACCOUNTS, k("acc-1900"), Json.account(k("acc-1900"), 900_000).put("updated_at", "1900-01-01T00:00:00Z").toString());
            expected.put(k("acc-1900"), "field 'updated_at': before 1970");
            io.send(Names.ACCOUNTS, k("acc-fast"), Json.account(k("acc-fast"), 900_000).put("updated_at", twoHoursAhead).toString());
            expected.put(k("acc-fast"), "field 'updated_at': more than PT15M ahead");
            io.send(Names.ACCOUNTS, k("acc-junk"), null);

            // crm.contacts
            io.send(Names.CONTACTS, k("c-junk"), "[1, 2, 3]");
            expected.put(k("c-junk"), "");
            io.send(Names.CONTACTS, k("c-overflow"), Json.contact(k("c-overflow"), k("acc"), "VP").put("updated_at", overflow).toString());
            expected.put(k("c-overflow"), "field 'updated_at': outside the range");

            // support.tickets
            io.send(Names.TICKETS, k("t-junk"), "\u0000\u0001binary");
            expected.put(k("t-junk"), "malformed JSON");
            io.send(Names.TICKETS, null, Json.created(k("e-nokey"), k("t-nokey"), k("acc"), now.toString(), "HIGH").toString());
            io.send(Names.TICKETS, k("t-wrongkey"), Json.created(k("e-wk"), k("t-other"), k("acc"), now.toString(), "HIGH").toString());
            expected.put(k("t-wrongkey"), "field 'ticket_id': does not match the record key");
            io.send(Names.TICKETS, k("t-overflow"), Json.created(k("e-of"), k("t-overflow"), k("acc"), overflow, "HIGH").toString());
            expected.put(k("t-overflow"), "field 'occurred_at': outside the range");
            io.send(Names.TICKETS, k("t-1969"), Json.created(k("e-69"), k("t-1969"), k("acc"), "1969-07-20T20:17:00Z", "HIGH").toString());
            expected.put(k("t-1969"), "field 'occurred_at': before 1970");
            io.send(Names.TICKETS, k("t-fast"), Json.created(k("e-fast"), k("t-fast"), k("acc"), twoHoursAhead, "HIGH").toString());
            expected.put(k("t-fast"), "field 'occurred_at': more than PT15M ahead");
            io.send(Names.TICKETS, k("t-deleted"), null);
            expected.put(k("t-deleted"), "null value");

            // support.sentiment
            io.send(Names.SENTIMENT, k("t-s-junk"), "{}}");
            expected.put(k("t-s-junk"), "malformed JSON");
            io.send(Names.SENTIMENT, null, Json.sentiment(k("s-nokey"), k("t-1"), k("acc"), -0.9, now.toString()).toString());
            io.send(Names.SENTIMENT, k("t-s-fast"), Json.sentiment(k("s-fast"), k("t-s-fast"), k("acc"), -0.9, twoHoursAhead).toString());
            expected.put(k("t-s-fast"), "field 'occurred_at': more than PT15M ahead");

            // Good records after the poison: an account, an agent, tickets (one with ~900 KB of churn words).
            io.send(Names.ACCOUNTS, k("acc"), Json.account(k("acc"), 900_000).put("updated_at", now.minusSeconds(60).toString()).toString());
            io.send(Names.AGENTS, k("a-good"), Json.agent(k("a-good"), "L3", "AVAILABLE", 0, 0, "TIER1_SENIOR").toString());
            Thread.sleep(1000); // the roster and the account are read before the tickets (different topics)
            io.send(Names.TICKETS, k("t-1"), Json.created(k("e-1"), k("t-1"), k("acc"), now.toString(), "HIGH").toString());
            io.send(Names.TICKETS, k("t-big"), Json.created(k("e-big"), k("t-big"), k("acc"), now.toString(), "NORMAL")
                    .put("body", "we will cancel and switch to a competitor. ".repeat(21_000)).toString());

            Map<String, JsonNode> routed = awaitRouted(Set.of(k("t-1"), k("t-big")));
            assertEquals("T1", routed.get(k("t-1")).get("tier").asText(), routed.toString());
            assertEquals(k("a-good"), routed.get(k("t-1")).get("suggested_agent_id").asText(), "only the valid agent: " + routed);

            List<ConsumerRecord<String, byte[]>> dead = BrokerIo.await(Names.DLQ, r -> fromThisRun(r),
                    l -> keys(l).containsAll(expected.keySet()) && l.size() >= expected.size() + 2, Duration.ofSeconds(60));
            assertTrue(keys(dead).containsAll(expected.keySet()), "missing: " + missing(expected, dead));
            for (ConsumerRecord<String, byte[]> r : dead) {
                if (r.key() != null && expected.containsKey(r.key())) {
                    String reason = header(r, "__streams.errors.message");
                    assertTrue(reason != null && reason.startsWith(expected.get(r.key())), r.key() + ": " + reason);
                    assertTrue(header(r, "__streams.errors.offset").matches("\\d+"), r.key());
                }
            }
            long nullKeys = dead.stream().filter(r -> r.key() == null).count();
            assertEquals(2, nullKeys, "the ticket and the sentiment event without a key");
            assertEquals(KafkaStreams.State.RUNNING, first.state(), "still running: " + crashed.get());
            first.close(Duration.ofSeconds(30));

            // Restart (the agents store is restored through its validating processor): more good records.
            KafkaStreams second = start(appId, stateDir, crashed);
            try {
                io.send(Names.TICKETS, k("t-2"), Json.created(k("e-2"), k("t-2"), k("acc"), Instant.now().toString(), "NORMAL").toString());
                io.send(Names.TICKETS, k("t-junk2"), "still not json");
                Map<String, JsonNode> after = awaitRouted(Set.of(k("t-2")));
                assertEquals("T1", after.get(k("t-2")).get("tier").asText());
                assertEquals(k("a-good"), after.get(k("t-2")).get("suggested_agent_id").asText(), after.toString());
                assertEquals(KafkaStreams.State.RUNNING, second.state(), "still running: " + crashed.get());
                assertTrue(BrokerIo.await(Names.DLQ, r -> k("t-junk2").equals(r.key()), l -> !l.isEmpty(),
                        Duration.ofSeconds(30)).size() == 1);
            } finally {
                second.close(Duration.ofSeconds(30));
            }
        }
    }

    private boolean fromThisRun(ConsumerRecord<String, byte[]> r) {
        return (r.key() != null && r.key().startsWith(run)) || (r.key() == null && text(r) != null && text(r).contains(run));
    }

    private static Set<String> keys(List<ConsumerRecord<String, byte[]>> l) {
        return l.stream().map(ConsumerRecord::key).filter(java.util.Objects::nonNull).collect(Collectors.toSet());
    }

    private static Set<String> missing(Map<String, String> expected, List<ConsumerRecord<String, byte[]>> dead) {
        Set<String> m = new java.util.TreeSet<>(expected.keySet());
        m.removeAll(keys(dead));
        return m;
    }

    private static Map<String, JsonNode> awaitRouted(Set<String> tickets) {
        Map<String, JsonNode> out = new HashMap<>();
        BrokerIo.await(Names.ROUTED, r -> tickets.contains(r.key()), l -> {
            l.forEach(r -> out.put(r.key(), Json.parse(text(r))));
            return out.keySet().containsAll(tickets);
        }, Duration.ofSeconds(90));
        assertEquals(tickets, out.keySet());
        return out;
    }

    private static KafkaStreams start(String appId, String stateDir, AtomicReference<Throwable> crashed) {
        KafkaStreams streams = new KafkaStreams(ViplaneTopology.build(PolicyLoader.load("white-glove").policy(),
                TopologyOptions.defaults().withPartitions(2)), StreamsSettings.base(appId, bootstrap, stateDir));
        streams.setUncaughtExceptionHandler(e -> {
            crashed.set(e);
            return org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse.SHUTDOWN_CLIENT;
        });
        streams.start();
        return streams;
    }
}
