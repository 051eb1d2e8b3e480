package io.viplane.app;

import io.viplane.topology.StreamsSettings;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.viplane.codec.ConfluentFrame;
import io.viplane.codec.EdgeSerdes;
import io.viplane.codec.Format;
import io.viplane.codec.SchemaVariants;
import io.viplane.codec.registry.RegistryClient;
import io.viplane.codec.registry.RegistryException;
import io.viplane.codec.registry.RegistrySettings;
import io.viplane.model.Account;
import io.viplane.model.RoutedTicket;
import io.viplane.model.TicketEvent;
import io.viplane.model.TicketEventType;
import io.viplane.model.TicketPriority;
import io.viplane.model.Tier;
import io.viplane.policy.PolicyLoader;
import io.viplane.testing.EmbeddedKafka;
import io.viplane.testing.EmbeddedSchemaRegistry;
import io.viplane.testing.JavaScriptJudge;
import io.viplane.topology.Names;
import io.viplane.topology.TopologyOptions;
import io.viplane.topology.ViplaneTopology;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.function.Predicate;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code --format avro-registry} on a real broker with a real Confluent-compatible registry
 * (Apicurio Registry's ccompat API, BACKWARD compatibility): routing, outputs readable through the
 * registry, dead letters for unknown and incompatible schema ids, compatible and refused evolution.
 */
class RegistryPipelineIntegrationTest {
    private static EmbeddedSchemaRegistry registry;
    private static KafkaStreams pipeline;
    private static String bootstrap;
    /** What a producer and a consumer of the contract use: their own client, not the pipeline's. */
    private static EdgeSerdes outside;

    @BeforeAll
    static void start() throws Exception {
        long t0 = System.nanoTime();
        registry = EmbeddedSchemaRegistry.start();
        System.out.printf("Apicurio Registry ready in %d ms%n", (System.nanoTime() - t0) / 1_000_000);
        bootstrap = EmbeddedKafka.bootstrapServers();
        // `topics` with avro-registry also registers every contract schema under <topic>-value.
        assertEquals(0, Main.run(new String[] {"topics", "--bootstrap-server", bootstrap, "--partitions", "2",
                "--format", "avro-registry", "--schema-registry-url", registry.url()}));
        RegistrySettings settings = RegistrySettings.of(registry.url());
        outside = EdgeSerdes.of(Format.AVRO_REGISTRY, settings);
        Properties props = StreamsSettings.base("viplane-it-registry-" + UUID.randomUUID(), bootstrap,
                Files.createTempDirectory("viplane-it").toString());
        pipeline = new KafkaStreams(ViplaneTopology.build(PolicyLoader.load("white-glove").policy(),
                TopologyOptions.defaults().withPartitions(2).withFormat(Format.AVRO_REGISTRY).withRegistry(settings)), props);
        pipeline.start();
    }

    @AfterAll
    static void stop() {
        if (pipeline != null) {
            pipeline.close(Duration.ofSeconds(30));
        }
        if (registry != null) {
            registry.close();
        }
    }

    @Test
    void aTicketIsRoutedAndTheOutputDecodesThroughTheRegistry() throws Exception {
        Account acc = Account.newBuilder().setAccountId("reg-acc-1").setName("Registry Co").setArr(650_000.0)
                .setUpdatedAt(Instant.parse("2026-01-01T00:00:00Z")).build();
        send(Names.ACCOUNTS, "reg-acc-1", outside.serde(Account.class).serializer().serialize(Names.ACCOUNTS, acc));
        send(Names.TICKETS, "reg-t1", ticketBytes(ticket("reg-e1", "reg-t1", "reg-acc-1")));

        ConsumerRecord<String, byte[]> out = await(Names.ROUTED, k -> k.equals("reg-t1"));
        assertEquals(0, out.value()[0], "Confluent magic byte");
        RegistryClient fresh = new RegistryClient(RegistrySettings.of(registry.url()));
        RegistryClient.Registered latest = fresh.latest(Names.ROUTED + "-value");
        assertEquals(latest.id(), ByteBuffer.wrap(out.value(), 1, 4).getInt(), "framed with the id of support.tickets.routed-value");
        assertEquals(RoutedTicket.getClassSchema(), latest.schema(), "the contract schema was registered as it is");
        assertEquals(1, latest.version(), "registered once, by `viplane topics`");
        // Decoded by a reader that knows only the registry: writer schema fetched by id.
        RoutedTicket routed = EdgeSerdes.of(Format.AVRO_REGISTRY, fresh).serde(RoutedTicket.class).deserializer()
                .deserialize(Names.ROUTED, out.value());
        assertEquals(Tier.T1, routed.getTier());
        assertEquals("reg-acc-1", routed.getAccountId());
        assertEquals("reg-e1", routed.getSourceEventId());
    }

    @Test
    void aRecordWithAnUnknownSchemaIdIsDeadLetteredWithTheReason() {
        byte[] bytes = ConfluentFrame.frame(987_654, new byte[] {2, 'x'});
        send(Names.TICKETS, "reg-unknown", bytes);
        ConsumerRecord<String, byte[]> dead = await(Names.DLQ, k -> k.equals("reg-unknown"));
        assertEquals("unknown schema id 987654: the registry has no such schema", header(dead, "__streams.errors.message"));
        assertEquals(Names.TICKETS, header(dead, "__streams.errors.topic"));
        assertEquals(java.util.Arrays.toString(bytes), java.util.Arrays.toString(dead.value()), "original bytes kept");
    }

    @Test
    void aRecordWhoseWriterSchemaIsIncompatibleIsDeadLetteredWithTheReason() throws Exception {
        // Another producer registered its own TicketEvent (no event_id) under a record-name subject.
        Schema theirs = SchemaVariants.without(TicketEvent.getClassSchema(), "event_id");
        RegistryClient client = new RegistryClient(RegistrySettings.of(registry.url()));
        int id = client.register("io.viplane.model.TicketEvent", theirs);
        GenericRecord r = asSchema(ticket("reg-e-bad", "reg-incompatible", "reg-acc-1"), theirs);
        send(Names.TICKETS, "reg-incompatible", ConfluentFrame.frame(id, body(theirs, r)));
        ConsumerRecord<String, byte[]> dead = await(Names.DLQ, k -> k.equals("reg-incompatible"));
        String reason = header(dead, "__streams.errors.message");
        assertTrue(reason.startsWith("writer schema id " + id + " (io.viplane.model.TicketEvent) is incompatible with "
                + "io.viplane.model.TicketEvent: READER_FIELD_MISSING_DEFAULT_VALUE"), reason);
        assertTrue(reason.contains("event_id"), reason);
    }

    @Test
    void aCompatibleEvolutionIsAcceptedByTheRegistryAndRoutedByThePipeline() throws Exception {
        RegistryClient client = new RegistryClient(RegistrySettings.of(registry.url()));
        client.register(Names.TICKETS + "-value", TicketEvent.getClassSchema());
        Schema newer = SchemaVariants.withOptionalString(TicketEvent.getClassSchema(), "language");
        int id = client.register(Names.TICKETS + "-value", newer); // BACKWARD: an added optional field is fine
        GenericRecord r = asSchema(ticket("reg-e2", "reg-t2", "reg-acc-2"), newer);
        r.put("language", "de");
        send(Names.TICKETS, "reg-t2", ConfluentFrame.frame(id, body(newer, r)));
        ConsumerRecord<String, byte[]> out = await(Names.ROUTED, k -> k.equals("reg-t2"));
        RoutedTicket routed = outside.serde(RoutedTicket.class).deserializer().deserialize(Names.ROUTED, out.value());
        assertEquals("reg-e2", routed.getSourceEventId());
        assertEquals(Tier.STANDARD, routed.getTier(), "unknown account: standard");
    }

    @Test
    void aBackwardIncompatibleChangeIsRefusedByTheRegistryWithAClearError() {
        RegistryClient client = new RegistryClient(RegistrySettings.of(registry.url()));
        client.register(Names.ESCALATIONS + "-value", io.viplane.model.Escalation.getClassSchema());
        Schema breaking = SchemaVariants.withRequiredString(io.viplane.model.Escalation.getClassSchema(), "region");
        RegistryException e = assertThrows(RegistryException.class, () -> client.register(Names.ESCALATIONS + "-value", breaking));
        assertEquals(409, e.status());
        assertTrue(e.getMessage().startsWith("schema registry refused POST /subjects/support.escalations-value/versions:"
                + " HTTP 409"), e.getMessage());
        assertTrue(e.getMessage().contains("region"), e.getMessage());

        // Our own serializer reports the same refusal in its own words when a subject's history forbids our schema.
        String topic = "reg.evolve." + UUID.randomUUID();
        client.register(topic + "-value", SchemaVariants.without(TicketEvent.getClassSchema(), "event_id"));
        IllegalStateException refused = assertThrows(IllegalStateException.class, () -> EdgeSerdes.of(Format.AVRO_REGISTRY,
                RegistrySettings.of(registry.url())).serde(TicketEvent.class).serializer()
                .serialize(topic, ticket("reg-e3", "reg-t3", "reg-acc-3")));
        assertTrue(refused.getMessage().startsWith("the registry refused TicketEvent under subject " + topic
                + "-value as incompatible with its earlier versions"), refused.getMessage());
    }

    @Test
    void confluentsJavaScriptClientWritesWhatThePipelineReadsAndReadsWhatItWrites() throws Exception {
        assumeTrue(JavaScriptJudge.available(), "node and npm are not installed");
        // The JS producer writes with the subject's latest schema (registered by `viplane topics`).
        Account acc = Account.newBuilder().setAccountId("reg-acc-js").setName("Node Co").setArr(250_000.0)
                .setUpdatedAt(Instant.parse("2026-01-01T00:00:00Z")).build();
        send(Names.ACCOUNTS, "reg-acc-js", outside.serde(Account.class).serializer().serialize(Names.ACCOUNTS, acc));
        var mapper = new com.fasterxml.jackson.databind.ObjectMapper();
        var request = mapper.createObjectNode();
        var value = request.putArray("write").addObject().put("topic", Names.TICKETS).putObject("value");
        value.put("event_id", "reg-js-e1").put("ticket_id", "reg-js-t1").put("account_id", "reg-acc-js")
                .put("type", "CREATED").put("occurred_at", Instant.now().minusSeconds(30).toEpochMilli())
                .put("priority", "URGENT").put("subject", "checkout down").putArray("tags").add("billing");
        byte[] fromJs = java.util.Base64.getDecoder().decode(
                JavaScriptJudge.run(registry.url(), request).get("written").get(0).asText());
        send(Names.TICKETS, "reg-js-t1", fromJs);

        ConsumerRecord<String, byte[]> out = await(Names.ROUTED, k -> k.equals("reg-js-t1"));
        var read = mapper.createObjectNode();
        read.putArray("read").addObject().put("topic", Names.ROUTED)
                .put("base64", java.util.Base64.getEncoder().encodeToString(out.value()));
        var routed = JavaScriptJudge.run(registry.url(), read).get("read").get(0);
        assertEquals("reg-js-t1", routed.get("ticket_id").asText());
        assertEquals("reg-js-e1", routed.get("source_event_id").asText());
        assertEquals("T2", routed.get("tier").asText());
        assertEquals("P1", routed.get("priority").asText());
        assertEquals("Node Co", routed.get("account_context").get("name").asText());
    }

    @Test
    void replayWritesTheConfluentFormatAndThePipelineRoutesIt() throws Exception {
        var file = Files.createTempFile("replay", ".jsonl");
        Files.writeString(file, "{\"topic\":\"support.tickets\",\"value\":{\"event_id\":\"reg-cli-e1\","
                + "\"ticket_id\":\"reg-cli-t1\",\"type\":\"CREATED\",\"occurred_at\":\""
                + Instant.now().minusSeconds(30) + "\",\"priority\":\"HIGH\"}}\n");
        assertEquals(0, Main.run(new String[] {"replay", file.toString(), "--bootstrap-server", bootstrap,
                "--format", "avro-registry", "--schema-registry-url", registry.url()}));
        RoutedTicket routed = outside.serde(RoutedTicket.class).deserializer()
                .deserialize(Names.ROUTED, await(Names.ROUTED, k -> k.equals("reg-cli-t1")).value());
        assertEquals("reg-cli-e1", routed.getSourceEventId());
        assertEquals(2, Main.run(new String[] {"replay", file.toString(), "--bootstrap-server", bootstrap,
                "--format", "avro-registry"}), "no registry URL: a usage error");
    }

    private static TicketEvent ticket(String eventId, String ticketId, String accountId) {
        return TicketEvent.newBuilder().setEventId(eventId).setTicketId(ticketId).setAccountId(accountId)
                .setType(TicketEventType.CREATED).setOccurredAt(Instant.now().minusSeconds(60))
                .setPriority(TicketPriority.NORMAL).setSubject("printer on fire").build();
    }

    private static byte[] ticketBytes(TicketEvent t) {
        return outside.serde(TicketEvent.class).serializer().serialize(Names.TICKETS, t);
    }

    private static GenericRecord asSchema(TicketEvent t, Schema target) throws Exception {
        byte[] ours = body(TicketEvent.getClassSchema(), t);
        return new GenericDatumReader<GenericRecord>(TicketEvent.getClassSchema(), target)
                .read(null, DecoderFactory.get().binaryDecoder(ours, null));
    }

    private static byte[] body(Schema s, Object r) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        BinaryEncoder enc = EncoderFactory.get().binaryEncoder(out, null);
        new GenericDatumWriter<Object>(s, org.apache.avro.specific.SpecificData.getForClass(TicketEvent.class)).write(r, enc);
        enc.flush();
        return out.toByteArray();
    }

    private static void send(String topic, String key, byte[] value) {
        try (KafkaProducer<String, byte[]> p = new KafkaProducer<>(EmbeddedKafka.clientProps(), new StringSerializer(),
                new ByteArraySerializer())) {
            p.send(new ProducerRecord<>(topic, key, value)).get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** The first committed record of {@code topic} whose key matches, within 60 s. */
    private static ConsumerRecord<String, byte[]> await(String topic, Predicate<String> key) {
        Properties p = EmbeddedKafka.clientProps();
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        long deadline = System.currentTimeMillis() + 60_000;
        try (KafkaConsumer<String, byte[]> c = new KafkaConsumer<>(p, new StringDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> parts = c.partitionsFor(topic).stream()
                    .map(i -> new TopicPartition(topic, i.partition())).toList();
            c.assign(parts);
            c.seekToBeginning(parts);
            while (System.currentTimeMillis() < deadline) {
                for (ConsumerRecord<String, byte[]> r : c.poll(Duration.ofMillis(200))) {
                    if (r.key() != null && key.test(r.key())) {
                        return r;
                    }
                }
            }
        }
        throw new AssertionError("no record keyed as expected on " + topic + " within 60 s");
    }

    private static String header(ConsumerRecord<String, byte[]> r, String name) {
        var h = r.headers().lastHeader(name);
        assertNotNull(h, name);
        return new String(h.value(), StandardCharsets.UTF_8);
    }
}
