package io.viplane.codec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.viplane.codec.ContractSamples.Sample;
import io.viplane.model.Account;
import io.viplane.model.RoutedTicket;
import io.viplane.model.TicketEvent;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.avro.JsonProperties;
import org.apache.avro.Schema;
import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The JSON on the edge topics looks exactly as CONTRACT.md says, and reading it is as tolerant as it promises. */
class JsonEdgeFormTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern SNAKE_CASE = Pattern.compile("[a-z][a-z0-9]*(_[a-z0-9]+)*");

    static Stream<Sample> samples() {
        return ContractSamples.all().stream();
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static JsonCodec<SpecificRecord> codec(Sample s) {
        return (JsonCodec) Codecs.json((Class) s.type());
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void encodesAFullValueAsTheContractSays(Sample s) throws IOException {
        JsonNode written = JSON.readTree(codec(s).encode(s.full()));
        assertEquals(JSON.readTree(s.fullJson()), written);
        assertSnakeCase(written, s.toString());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void writesAbsentOptionalFieldsAsNullAndDefaultsAsTheSchemaSays(Sample s) throws IOException {
        ObjectNode expected = (ObjectNode) JSON.readTree(s.minimalJson());
        for (Schema.Field f : s.full().getSchema().getFields()) {
            if (!expected.has(f.name())) {
                Object d = f.defaultVal();
                expected.set(f.name(), d == JsonProperties.NULL_VALUE ? NullNode.getInstance() : JSON.valueToTree(d));
            }
        }
        JsonNode written = JSON.readTree(codec(s).encode(s.minimal()));
        // 200 and 200.0 are the same JSON number; the node classes differ.
        assertTrue(expected.equals(NUMERIC, written), "expected " + expected + " but was " + written);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void acceptsExplicitNullForEveryOptionalField(Sample s) throws IOException {
        ObjectNode withNulls = (ObjectNode) JSON.readTree(s.minimalJson());
        for (Schema.Field f : s.full().getSchema().getFields()) {
            if (!withNulls.has(f.name())) {
                withNulls.putNull(f.name());
            }
        }
        assertEquals(s.minimal(), codec(s).decode(JSON.writeValueAsBytes(withNulls)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void ignoresUnknownFieldsOfAnyShape(Sample s) throws IOException {
        ObjectNode extended = (ObjectNode) JSON.readTree(s.fullJson());
        extended.put("added_in_v2", "x");
        extended.putObject("nested_v2").put("deep", 1).putArray("list").add(true);
        extended.putNull("gone_field");
        assertEquals(s.full(), codec(s).decode(JSON.writeValueAsBytes(extended)));
    }

    @Test
    void ignoresUnknownFieldsInsideNestedRecords() throws IOException {
        Sample s = ContractSamples.routedTicket();
        ObjectNode json = (ObjectNode) JSON.readTree(s.fullJson());
        ((ObjectNode) json.get("account_context")).put("segment", "ENTERPRISE");
        assertEquals(s.full(), codec(s).decode(JSON.writeValueAsBytes(json)));
    }

    @Test
    void nullForAFieldWithADefaultTakesTheDefault() {
        Account a = Codecs.json(Account.class).decode(utf8(
                "{\"account_id\":\"a\",\"name\":\"n\",\"arr\":1,\"currency\":null,\"flags\":null}"));
        assertEquals("USD", a.getCurrency());
        assertEquals(List.of(), a.getFlags());
    }

    @Test
    void instantsAndDatesAreIsoStrings() throws IOException {
        TicketEvent e = TicketEvent.newBuilder((TicketEvent) ContractSamples.ticketEvent().minimal())
                .setOccurredAt(Instant.parse("2026-03-08T07:05:09.123Z")).build();
        JsonNode tree = JSON.readTree(Codecs.json(TicketEvent.class).encode(e));
        assertEquals("2026-03-08T07:05:09.123Z", tree.get("occurred_at").textValue());

        JsonNode account = JSON.readTree(Codecs.json(Account.class).encode((Account) ContractSamples.account().full()));
        assertEquals("2026-09-30", account.get("renewal_date").textValue());
        assertEquals("2023-04-01", account.get("created_at").textValue());
        assertEquals("STRATEGIC_PARTNER", account.get("flags").get(0).textValue());
    }

    @Test
    void anInstantWithAnOffsetIsTheSameInstant() {
        // ISO-8601 allows an offset; the contract's examples use Z, a help desk may not.
        TicketEvent e = Codecs.json(TicketEvent.class).decode(utf8(
                "{\"event_id\":\"e\",\"ticket_id\":\"t\",\"type\":\"CREATED\",\"occurred_at\":\"2026-01-16T11:47:00-05:00\"}"));
        assertEquals(ContractSamples.AT, e.getOccurredAt());
    }

    @Test
    void wholeNumbersAreAcceptedForDoubleFields() {
        RoutedTicket r = Codecs.json(RoutedTicket.class).decode(utf8(ContractSamples.routedTicket().minimalJson()));
        assertEquals(200.0, r.getPriorityScore());
        assertNull(r.getAccountContext());
    }

    @Test
    void textIsUtf8() {
        TicketEvent e = (TicketEvent) ContractSamples.ticketEvent().full();
        byte[] bytes = Codecs.json(TicketEvent.class).encode(e);
        assertTrue(new String(bytes, StandardCharsets.UTF_8).contains("多谢 — thanks!"));
        assertEquals("多谢 — thanks!", Codecs.json(TicketEvent.class).decode(bytes).getBody());
    }

    private static final Comparator<JsonNode> NUMERIC = (a, b) -> a.isNumber() && b.isNumber()
            ? Double.compare(a.doubleValue(), b.doubleValue()) : a.equals(b) ? 0 : 1;

    private static void assertSnakeCase(JsonNode node, String where) {
        if (node.isObject()) {
            Iterator<Map.Entry<String, JsonNode>> it = node.fields();
            while (it.hasNext()) {
                Map.Entry<String, JsonNode> e = it.next();
                assertTrue(SNAKE_CASE.matcher(e.getKey()).matches(), where + "." + e.getKey() + " is not snake_case");
                assertSnakeCase(e.getValue(), where + "." + e.getKey());
            }
        } else if (node.isArray()) {
            node.forEach(item -> assertSnakeCase(item, where + "[]"));
        }
    }
}
