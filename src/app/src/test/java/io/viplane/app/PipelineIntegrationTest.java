package io.viplane.app;

import io.viplane.topology.StreamsSettings;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.viplane.policy.PolicyLoader;
import io.viplane.testing.EmbeddedKafka;
import io.viplane.testing.Json;
import io.viplane.topology.Names;
import io.viplane.topology.TopologyOptions;
import io.viplane.topology.ViplaneTopology;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The pipeline on a real broker: exactly-once output across a restart, and bad input. */
class PipelineIntegrationTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static String bootstrap;

    @BeforeAll
    static void topics() {
        bootstrap = EmbeddedKafka.bootstrapServers();
        assertEquals(0, Main.run(new String[] {"topics", "--bootstrap-server", bootstrap, "--partitions", "2"}));
        // Idempotent: a second run only reports what exists.
        assertEquals(0, Main.run(new String[] {"topics", "--bootstrap-server", bootstrap, "--partitions", "2"}));
    }

    @Test
    void exactlyOnceOutputAcrossARestartWithDuplicatesReplayed() throws Exception {
        String appId = "viplane-it-eos-" + UUID.randomUUID();
        String stateDir = Files.createTempDirectory("viplane-it").toString();
        send(Names.ACCOUNTS, "eos-acc", Json.account("eos-acc", 200_000).put("updated_at", "2026-01-01T00:00:00Z"));
        for (int i = 0; i < 20; i++) {
            send(Names.TICKETS, "eos-t" + i, Json.created("eos-e" + i, "eos-t" + i, "eos-acc",
                    "2026-01-16T16:" + String.format("%02d", i) + ":00Z", "NORMAL"));
        }
        KafkaStreams first = start(appId, stateDir);
        // The account reaches the account partition through its own repartition topic: a ticket processed
        // before it (a cold start with both in the backlog) is routed UNKNOWN_ACCOUNT first, then re-routed.
        Map<String, String> phase1 = new HashMap<>();
        awaitRouted(k -> k.startsWith("eos-t"), r -> {
            phase1.put(r.get("ticket_id").asText(), r.get("tier").asText());
            return phase1.size() == 20 && phase1.values().stream().allMatch("T2"::equals);
        });
        first.close(Duration.ofSeconds(30));
        assertTrue(phase1.size() == 20 && phase1.values().stream().allMatch("T2"::equals), phase1.toString());

        // While the pipeline is down: every event again (duplicates), ten new tickets, an upgrade to T1.
        for (int i = 0; i < 20; i++) {
            send(Names.TICKETS, "eos-t" + i, Json.created("eos-e" + i, "eos-t" + i, "eos-acc",
                    "2026-01-16T16:" + String.format("%02d", i) + ":00Z", "NORMAL"));
        }
        for (int i = 20; i < 30; i++) {
            send(Names.TICKETS, "eos-t" + i, Json.created("eos-e" + i, "eos-t" + i, "eos-acc",
                    "2026-01-16T16:" + String.format("%02d", i) + ":00Z", "NORMAL"));
        }
        send(Names.ACCOUNTS, "eos-acc", Json.account("eos-acc", 650_000).put("updated_at", "2026-01-16T17:00:00Z"));
        KafkaStreams second = start(appId, stateDir);
        try {
            Map<String, List<String>> tiers = new HashMap<>();
            awaitRouted(k -> k.startsWith("eos-t"), r -> {
                tiers.computeIfAbsent(r.get("ticket_id").asText(), t -> new ArrayList<>()).add(r.get("tier").asText());
                return tiers.size() == 30 && tiers.values().stream().allMatch(l -> l.get(l.size() - 1).equals("T1"));
            });
            Thread.sleep(1500); // anything extra (a duplicate) would show up now
            tiers.clear();
            readRouted(k -> k.startsWith("eos-t"), r -> {
                tiers.computeIfAbsent(r.get("ticket_id").asText(), t -> new ArrayList<>()).add(r.get("tier").asText());
                return false;
            }, true);
            for (int i = 0; i < 20; i++) {
                List<String> l = tiers.get("eos-t" + i);
                List<String> known = l.get(0).equals("STANDARD") ? l.subList(1, l.size()) : l; // UNKNOWN_ACCOUNT first
                assertEquals(List.of("T2", "T1"), known, "ticket eos-t" + i + ": " + l);
            }
            for (int i = 20; i < 30; i++) {
                List<String> l = tiers.get("eos-t" + i);
                assertTrue(l.equals(List.of("T1")) || l.equals(List.of("T2", "T1")), "ticket eos-t" + i + ": " + l);
            }
        } finally {
            second.close(Duration.ofSeconds(30));
        }
    }

    @Test
    void slaBreachesAndEscalationsAreEmittedOnceAcrossARestart() throws Exception {
        String appId = "viplane-it-sla-" + UUID.randomUUID();
        String stateDir = Files.createTempDirectory("viplane-it").toString();
        java.time.Instant now = java.time.Instant.now();
        // An old updated_at, like the other tests' accounts: the tests share the broker's topics, and a
        // record time far ahead would hold back the next test's accounts behind it (lowest timestamp first).
        send(Names.ACCOUNTS, "sla-acc", Json.account("sla-acc", 600_000).put("updated_at", "2026-01-01T00:00:00Z"));
        // Created 14 min 52 s ago: the 15-minute T1 first response falls due a few seconds after start-up,
        // with no other event to trigger it (the assignment clock has already run out).
        var created = Json.created("sla-e1", "sla-t1", "sla-acc", now.minusSeconds(14 * 60 + 52).toString(), "NORMAL");
        send(Names.TICKETS, "sla-t1", created);

        KafkaStreams first = start(appId, stateDir);
        try {
            consume(Names.SLA_EVENTS, r -> "sla-t1".equals(r.key()),
                    r -> new String(r.value(), StandardCharsets.UTF_8).contains("\"FIRST_RESPONSE\",\"state\":\"BREACHED\""),
                    false);
        } finally {
            first.close(Duration.ofSeconds(30));
        }
        // Replayed while down; then a late reply (after the breach) and a restart with the timer running again.
        send(Names.TICKETS, "sla-t1", created);
        send(Names.TICKETS, "sla-t1", Json.ticket("sla-e2", "sla-t1", "sla-acc", "AGENT_REPLY",
                java.time.Instant.now().toString()));
        KafkaStreams second = start(appId, stateDir);
        try {
            consume(Names.SLA_EVENTS, r -> "sla-t1".equals(r.key()),
                    r -> new String(r.value(), StandardCharsets.UTF_8).contains("\"FIRST_RESPONSE\",\"state\":\"MET\""),
                    false);
            Thread.sleep(3000); // several timer runs after the restart: anything repeated would show up now
            Map<String, Integer> states = new HashMap<>();
            consume(Names.SLA_EVENTS, r -> "sla-t1".equals(r.key()), r -> {
                JsonNode e = json(r);
                states.merge(e.get("metric").asText() + "/" + e.get("state").asText(), 1, Integer::sum);
                return false;
            }, true);
            assertEquals(1, states.get("FIRST_RESPONSE/BREACHED"), states.toString());
            assertEquals(1, states.get("FIRST_RESPONSE/MET"), "the late reply is recorded: " + states);
            assertEquals(1, states.get("ASSIGNMENT/BREACHED"), states.toString());
            assertTrue(states.values().stream().allMatch(n -> n == 1), "every transition once: " + states);

            List<String> ids = new ArrayList<>();
            List<String> kinds = new ArrayList<>();
            consume(Names.ESCALATIONS, r -> "sla-t1".equals(r.key()), r -> {
                JsonNode e = json(r);
                ids.add(e.get("escalation_id").asText());
                kinds.add(e.get("kind").asText());
                return false;
            }, true);
            assertTrue(kinds.contains("SLA_BREACH") && kinds.contains("UNASSIGNED"), kinds.toString());
            assertEquals(ids.size(), new java.util.HashSet<>(ids).size(), "no escalation twice: " + kinds);
        } finally {
            second.close(Duration.ofSeconds(30));
        }
    }

    private static JsonNode json(ConsumerRecord<String, byte[]> r) {
        try {
            return JSON.readTree(r.value());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void badInputGoesToTheDeadLetterQueueAndProcessingContinues() throws Exception {
        KafkaStreams streams = start("viplane-it-dlq-" + UUID.randomUUID(), Files.createTempDirectory("viplane-it").toString());
        try {
            sendRaw(Names.TICKETS, "dlq-bad", "not json at all".getBytes(StandardCharsets.UTF_8));
            var missing = Json.created("dlq-e1", "dlq-missing", "dlq-acc", "2026-01-16T16:00:00Z", "NORMAL");
            missing.remove("occurred_at");
            send(Names.TICKETS, "dlq-missing", missing);
            send(Names.TICKETS, "dlq-good", Json.created("dlq-e2", "dlq-good", "dlq-acc", "2026-01-16T16:01:00Z", "HIGH"));

            assertEquals("dlq-good", awaitRouted(k -> k.startsWith("dlq-"), 1).get(0).get("ticket_id").asText());
            List<ConsumerRecord<String, byte[]>> dead = new ArrayList<>();
            consume(Names.DLQ, r -> r.key() != null && r.key().startsWith("dlq-"), r -> {
                dead.add(r);
                return dead.size() == 2;
            }, false);
            dead.sort(java.util.Comparator.comparing(ConsumerRecord::key)); // two partitions: no order between them
            assertEquals("dlq-bad", dead.get(0).key());
            assertEquals("not json at all", new String(dead.get(0).value(), StandardCharsets.UTF_8));
            assertEquals(Names.TICKETS, header(dead.get(0), "__streams.errors.topic"));
            assertTrue(header(dead.get(0), "__streams.errors.message").startsWith("malformed JSON"));
            assertEquals("field 'occurred_at': required field is missing", header(dead.get(1), "__streams.errors.message"));
            assertTrue(header(dead.get(1), "__streams.errors.offset").matches("\\d+"));
        } finally {
            streams.close(Duration.ofSeconds(30));
        }
    }

    private static KafkaStreams start(String appId, String stateDir) {
        Properties props = StreamsSettings.base(appId, bootstrap, stateDir);
        KafkaStreams streams = new KafkaStreams(ViplaneTopology.build(PolicyLoader.load("white-glove").policy(),
                TopologyOptions.defaults().withPartitions(2)), props);
        streams.start();
        return streams;
    }

    private static void send(String topic, String key, JsonNode value) {
        sendRaw(topic, key, value.toString().getBytes(StandardCharsets.UTF_8));
    }

    private static void sendRaw(String topic, String key, byte[] value) {
        try (KafkaProducer<String, byte[]> p = new KafkaProducer<>(EmbeddedKafka.clientProps(), new StringSerializer(),
                new ByteArraySerializer())) {
            p.send(new ProducerRecord<>(topic, key, value)).get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<JsonNode> awaitRouted(Predicate<String> keys, int count) {
        List<JsonNode> out = new ArrayList<>();
        awaitRouted(keys, r -> {
            out.add(r);
            return out.size() >= count;
        });
        assertEquals(count, out.size());
        return out;
    }

    /** Reads the routed topic from the start (read_committed) until {@code done} says so or 60 s pass. */
    private static void awaitRouted(Predicate<String> keys, Predicate<JsonNode> done) {
        readRouted(keys, done, false);
    }

    private static void readRouted(Predicate<String> keys, Predicate<JsonNode> done, boolean toEnd) {
        consume(Names.ROUTED, r -> r.key() != null && keys.test(r.key()), r -> {
            try {
                return done.test(JSON.readTree(r.value()));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }, toEnd);
    }

    /**
     * Reads from the start (read_committed) until {@code done} says so, or, with {@code toEnd},
     * until every partition's last committed offset has been read; at most 60 s.
     */
    private static void consume(String topic, Predicate<ConsumerRecord<String, byte[]>> filter,
                                Predicate<ConsumerRecord<String, byte[]>> done, boolean toEnd) {
        Properties p = EmbeddedKafka.clientProps();
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        long deadline = System.currentTimeMillis() + 60_000;
        try (KafkaConsumer<String, byte[]> c = new KafkaConsumer<>(p, new StringDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> parts = c.partitionsFor(topic).stream()
                    .map(i -> new TopicPartition(topic, i.partition())).toList();
            c.assign(parts);
            c.seekToBeginning(parts);
            Map<TopicPartition, Long> end = c.endOffsets(parts);
            while (System.currentTimeMillis() < deadline) {
                for (ConsumerRecord<String, byte[]> r : c.poll(Duration.ofMillis(200))) {
                    if (filter.test(r) && done.test(r)) {
                        return;
                    }
                }
                if (toEnd && parts.stream().allMatch(tp -> c.position(tp) >= end.get(tp))) {
                    return;
                }
            }
        }
    }

    private static String header(ConsumerRecord<String, byte[]> r, String name) {
        var h = r.headers().lastHeader(name);
        return h == null ? null : new String(h.value(), StandardCharsets.UTF_8);
    }
}
