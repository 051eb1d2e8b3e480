package io.viplane.codec;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.viplane.codec.registry.RegistryClient;
import io.viplane.codec.registry.RegistrySettings;
import io.viplane.codec.registry.RegistryUnavailableException;
import io.viplane.model.Account;
import io.viplane.model.TicketEvent;
import java.io.ByteArrayOutputStream;
import java.net.ServerSocket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class RegistryAvroCodecTest {
    private static final String TOPIC = "support.tickets";
    private FakeRegistry registry;

    @BeforeEach
    void start() throws Exception {
        registry = new FakeRegistry();
    }

    @AfterEach
    void stop() {
        registry.close();
    }

    private EdgeSerdes serdes(Map<String, String> extra) {
        var config = new java.util.HashMap<String, String>(extra);
        config.put(RegistrySettings.URL, registry.url());
        return EdgeSerdes.of(Format.AVRO_REGISTRY, RegistrySettings.from(config));
    }

    static Stream<ContractSamples.Sample> samples() {
        return ContractSamples.all().stream();
    }

    @ParameterizedTest
    @MethodSource("samples")
    @SuppressWarnings({"unchecked", "rawtypes"})
    void everyContractTypeRoundTripsInTheConfluentFrame(ContractSamples.Sample sample) throws Exception {
        ContractSerde serde = serdes(Map.of()).serde((Class) sample.type());
        for (SpecificRecord value : new SpecificRecord[] {sample.full(), sample.minimal()}) {
            byte[] bytes = serde.serializer().serialize("some.topic", value);
            assertEquals(0, bytes[0], "magic byte");
            int id = ByteBuffer.wrap(bytes, 1, 4).getInt();
            assertEquals(id, registry.register("some.topic-value", value.getSchema()), "the id registered under <topic>-value");
            // The body is plain Avro binary of the writer schema: any Avro library reads it.
            GenericRecord plain = new GenericDatumReader<GenericRecord>(value.getSchema()).read(null,
                    DecoderFactory.get().binaryDecoder(bytes, 5, bytes.length - 5, null));
            assertEquals(value.getSchema().getFields().size(), plain.getSchema().getFields().size());
            assertEquals(value, serde.deserializer().deserialize("some.topic", bytes));
        }
    }

    @Test
    void idsAreCachedSoSteadyTrafficMakesNoRequests() {
        TicketEvent t = (TicketEvent) ContractSamples.ticketEvent().full();
        ContractSerde<TicketEvent> writer = serdes(Map.of()).serde(TicketEvent.class);
        byte[] first = writer.serializer().serialize(TOPIC, t);
        for (int i = 0; i < 50; i++) {
            assertArrayEquals(first, writer.serializer().serialize(TOPIC, t));
        }
        assertEquals(1, registry.requests.size(), "one registration for 51 records: " + registry.requests);

        EdgeSerdes reader = serdes(Map.of());
        for (int i = 0; i < 50; i++) {
            assertEquals(t, reader.serde(TicketEvent.class).deserializer().deserialize(TOPIC, first));
        }
        assertEquals(1, registry.count("GET", "/schemas/ids/"), "one schema fetch for 50 reads");
        assertEquals(2, registry.requests.size());
    }

    @Test
    void anUnknownSchemaIdIsAnInvalidRecordNamingTheId() {
        byte[] bytes = ConfluentFrame.frame(4242, "secret customer text".getBytes(StandardCharsets.UTF_8));
        InvalidRecordException e = assertThrows(InvalidRecordException.class,
                () -> serdes(Map.of()).serde(TicketEvent.class).deserializer().deserialize(TOPIC, bytes));
        assertEquals("unknown schema id 4242: the registry has no such schema", e.getMessage());
        // Not cached as unknown: the id is asked for again (it may have been registered since).
        assertThrows(InvalidRecordException.class,
                () -> serdes(Map.of()).serde(TicketEvent.class).deserializer().deserialize(TOPIC, bytes));
        assertEquals(2, registry.count("GET", "/schemas/ids/4242"));
    }

    @Test
    void aWriterSchemaThatCannotBeReadIsRefusedWithTheReason() throws Exception {
        Schema noEventId = SchemaVariants.without(TicketEvent.getClassSchema(), "event_id");
        int id = registry.register("io.viplane.model.TicketEvent", noEventId);
        GenericRecord r = fill(noEventId);
        byte[] bytes = ConfluentFrame.frame(id, body(noEventId, r));
        InvalidRecordException e = assertThrows(InvalidRecordException.class,
                () -> serdes(Map.of()).serde(TicketEvent.class).deserializer().deserialize(TOPIC, bytes));
        assertTrue(e.getMessage().startsWith("writer schema id " + id + " (io.viplane.model.TicketEvent) is incompatible"
                + " with io.viplane.model.TicketEvent: READER_FIELD_MISSING_DEFAULT_VALUE"), e.getMessage());
        assertTrue(e.getMessage().contains("event_id"), e.getMessage());
    }

    @Test
    void aCompatibleEvolutionIsReadWithTheExtraFieldIgnored() throws Exception {
        Schema newer = SchemaVariants.withOptionalString(TicketEvent.getClassSchema(), "language");
        int id = registry.register(TOPIC + "-value", newer);
        TicketEvent t = (TicketEvent) ContractSamples.ticketEvent().full();
        GenericRecord g = (GenericRecord) GenericData.get().deepCopy(newer, asGeneric(t, newer));
        g.put("language", "de");
        TicketEvent read = serdes(Map.of()).serde(TicketEvent.class).deserializer()
                .deserialize(TOPIC, ConfluentFrame.frame(id, body(newer, g)));
        assertEquals(t, read);
    }

    @Test
    void framesThatAreNotConfluentAreRefusedClearly() {
        var d = serdes(Map.of()).serde(TicketEvent.class).deserializer();
        assertEquals("not Confluent wire format: 3 bytes, shorter than the 5-byte header",
                assertThrows(InvalidRecordException.class, () -> d.deserialize(TOPIC, new byte[] {0, 0, 1})).getMessage());
        byte[] singleObject = Codecs.avro(TicketEvent.class).encode((TicketEvent) ContractSamples.ticketEvent().full());
        assertEquals("not Confluent wire format: magic byte 0xC3, expected 0x00",
                assertThrows(InvalidRecordException.class, () -> d.deserialize(TOPIC, singleObject)).getMessage());
        assertEquals(0, registry.requests.size());
    }

    @Test
    void aTruncatedBodyIsCorruptNotAnException() {
        var serde = serdes(Map.of()).serde(TicketEvent.class);
        byte[] bytes = serde.serializer().serialize(TOPIC, (TicketEvent) ContractSamples.ticketEvent().full());
        byte[] cut = Arrays.copyOf(bytes, 12);
        InvalidRecordException e = assertThrows(InvalidRecordException.class, () -> serde.deserializer().deserialize(TOPIC, cut));
        assertTrue(e.getMessage().startsWith("corrupt Avro body for TicketEvent (schema id "), e.getMessage());
    }

    @Test
    void rangesOfTheContractAreCheckedAfterDecoding() {
        var serde = serdes(Map.of()).serde(Account.class);
        Account a = Account.newBuilder().setAccountId("a").setName("n").setArr(1.0).setHealthScore(150).build();
        byte[] bytes = serde.serializer().serialize("crm.accounts", a);
        assertEquals("field 'health_score': above the maximum 100",
                assertThrows(InvalidRecordException.class, () -> serde.deserializer().deserialize("crm.accounts", bytes))
                        .getMessage());
    }

    @Test
    void basicAuthFromUserInfoIsSentOnEveryRequest() {
        var serde = serdes(Map.of(RegistrySettings.CREDENTIALS_SOURCE, "USER_INFO",
                RegistrySettings.USER_INFO, "svc-viplane:s3cret")).serde(TicketEvent.class);
        byte[] bytes = serde.serializer().serialize(TOPIC, (TicketEvent) ContractSamples.ticketEvent().full());
        serdes(Map.of(RegistrySettings.CREDENTIALS_SOURCE, "USER_INFO", RegistrySettings.USER_INFO, "svc-viplane:s3cret"))
                .serde(TicketEvent.class).deserializer().deserialize(TOPIC, bytes);
        String expected = "Basic " + Base64.getEncoder().encodeToString("svc-viplane:s3cret".getBytes(StandardCharsets.UTF_8));
        assertEquals(2, registry.requests.size());
        registry.requests.forEach(r -> assertEquals(expected, r.authorization(), r.toString()));
    }

    @Test
    void basicAuthFromTheUrlIsSentButNotLeftInTheUrl() {
        String url = registry.url().replace("http://", "http://u1:p%40ss@");
        RegistrySettings s = RegistrySettings.from(Map.of(RegistrySettings.URL, url));
        assertFalse(s.urls().get(0).toString().contains("u1"), s.urls().toString());
        assertFalse(s.toString().contains("p%40ss"), "no password in toString: " + s);
        new RegistryClient(s).register("x-value", TicketEvent.getClassSchema());
        // Percent-escapes in the URL's user info are decoded, as in any URL.
        assertEquals("Basic " + Base64.getEncoder().encodeToString("u1:p@ss".getBytes(StandardCharsets.UTF_8)),
                registry.requests.get(0).authorization());
    }

    @Test
    void withoutAuthNoHeaderIsSent() {
        new RegistryClient(RegistrySettings.of(registry.url())).register("x-value", TicketEvent.getClassSchema());
        assertNull(registry.requests.get(0).authorization());
    }

    @Test
    void withoutAutoRegisterTheSchemaIsLookedUpAndAMissingOneIsAClearError() {
        Map<String, String> noAuto = Map.of(RegistrySettings.AUTO_REGISTER, "false");
        TicketEvent t = (TicketEvent) ContractSamples.ticketEvent().full();
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> serdes(noAuto).serde(TicketEvent.class).serializer().serialize(TOPIC, t));
        assertTrue(e.getMessage().contains("TicketEvent is not registered under subject support.tickets-value and "
                + "auto.register.schemas is false"), e.getMessage());
        int id = registry.register(TOPIC + "-value", TicketEvent.getClassSchema());
        byte[] bytes = serdes(noAuto).serde(TicketEvent.class).serializer().serialize(TOPIC, t);
        assertEquals(id, ByteBuffer.wrap(bytes, 1, 4).getInt());
        assertEquals(0, registry.count("POST", "/versions"), "never registers: " + registry.requests);
        assertEquals(2, registry.count("POST", "/subjects/support.tickets-value"));
    }

    @Test
    void useLatestVersionWritesWithTheSubjectsLatestSchema() throws Exception {
        Schema newer = SchemaVariants.withOptionalString(TicketEvent.getClassSchema(), "language");
        registry.register(TOPIC + "-value", TicketEvent.getClassSchema());
        int latest = registry.register(TOPIC + "-value", newer);
        TicketEvent t = (TicketEvent) ContractSamples.ticketEvent().full();
        byte[] bytes = serdes(Map.of(RegistrySettings.USE_LATEST_VERSION, "true", RegistrySettings.AUTO_REGISTER, "false"))
                .serde(TicketEvent.class).serializer().serialize(TOPIC, t);
        assertEquals(latest, ByteBuffer.wrap(bytes, 1, 4).getInt());
        GenericRecord asLatest = new GenericDatumReader<GenericRecord>(newer).read(null,
                DecoderFactory.get().binaryDecoder(bytes, 5, bytes.length - 5, null));
        assertNull(asLatest.get("language"));
        assertEquals(t.getEventId(), asLatest.get("event_id").toString());
        assertEquals(t, serdes(Map.of()).serde(TicketEvent.class).deserializer().deserialize(TOPIC, bytes));
    }

    @Test
    void useLatestVersionRefusesALatestSchemaThatCannotHoldOurRecords() {
        registry.register(TOPIC + "-value", SchemaVariants.withRequiredString(TicketEvent.getClassSchema(), "region"));
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> serdes(Map.of(RegistrySettings.USE_LATEST_VERSION, "true")).serde(TicketEvent.class).serializer()
                        .serialize(TOPIC, (TicketEvent) ContractSamples.ticketEvent().full()));
        assertTrue(e.getMessage().contains("cannot represent TicketEvent: READER_FIELD_MISSING_DEFAULT_VALUE"), e.getMessage());
        assertTrue(e.getMessage().contains("region"), e.getMessage());
    }

    @Test
    void transientServerErrorsAreRetried() {
        registry.failNext.set(2);
        byte[] bytes = serdes(Map.of()).serde(TicketEvent.class).serializer()
                .serialize(TOPIC, (TicketEvent) ContractSamples.ticketEvent().full());
        assertEquals(0, bytes[0]);
        assertEquals(3, registry.requests.size());
    }

    @Test
    void anUnreachableRegistryIsUnavailableNotABadRecord() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        var serde = EdgeSerdes.of(Format.AVRO_REGISTRY, RegistrySettings.of("http://127.0.0.1:" + port))
                .serde(TicketEvent.class);
        RegistryUnavailableException e = assertThrows(RegistryUnavailableException.class,
                () -> serde.deserializer().deserialize(TOPIC, ConfluentFrame.frame(7, new byte[] {2, 0})));
        assertTrue(e.getMessage().contains("unavailable for GET /schemas/ids/7 after 3 attempts"), e.getMessage());
    }

    @Test
    void settingsNeedAUrlAndValidateTheirValues() {
        assertEquals("schema.registry.url is required for the avro-registry format",
                assertThrows(IllegalArgumentException.class, () -> RegistrySettings.from(Map.of())).getMessage());
        assertEquals("schema.registry.url must be an http:// or https:// URL",
                assertThrows(IllegalArgumentException.class, () -> RegistrySettings.of("localhost:8081")).getMessage());
        assertEquals("auto.register.schemas must be true or false", assertThrows(IllegalArgumentException.class,
                () -> RegistrySettings.from(Map.of(RegistrySettings.URL, "http://r", RegistrySettings.AUTO_REGISTER, "yes")))
                .getMessage());
        assertEquals("basic.auth.user.info must be user:password when basic.auth.credentials.source=USER_INFO",
                assertThrows(IllegalArgumentException.class, () -> RegistrySettings.from(Map.of(RegistrySettings.URL,
                        "http://r", RegistrySettings.CREDENTIALS_SOURCE, "USER_INFO"))).getMessage());
        RegistrySettings two = RegistrySettings.of("http://a:1, https://b:2/x");
        assertEquals(2, two.urls().size());
        assertTrue(two.autoRegister());
        assertFalse(two.useLatestVersion());
        assertThrows(IllegalArgumentException.class, () -> EdgeSerdes.of(Format.AVRO_REGISTRY, (RegistrySettings) null));
        assertThrows(IllegalArgumentException.class, () -> ContractSerde.of(TicketEvent.class, Format.AVRO_REGISTRY));
    }

    @Test
    void theNextUrlIsTriedWhenTheFirstIsDown() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        RegistryClient c = new RegistryClient(RegistrySettings.of("http://127.0.0.1:" + port + "," + registry.url()));
        assertEquals(registry.register("x-value", TicketEvent.getClassSchema()), c.register("x-value", TicketEvent.getClassSchema()));
    }

    private static GenericRecord fill(Schema s) {
        TicketEvent t = (TicketEvent) ContractSamples.ticketEvent().full();
        return asGeneric(t, s);
    }

    /** The sample re-read under another schema of the same record (Avro resolution fills or drops fields). */
    private static GenericRecord asGeneric(TicketEvent t, Schema s) {
        try {
            byte[] ours = body(TicketEvent.getClassSchema(), (GenericRecord) t);
            return new GenericDatumReader<GenericRecord>(TicketEvent.getClassSchema(), s).read(null,
                    DecoderFactory.get().binaryDecoder(ours, null));
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] body(Schema s, GenericRecord r) throws java.io.IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        BinaryEncoder enc = EncoderFactory.get().binaryEncoder(out, null);
        new GenericDatumWriter<GenericRecord>(s, SpecificData.get()).write(r, enc);
        enc.flush();
        return out.toByteArray();
    }
}
