package io.viplane.sample;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.viplane.classification.TierClassifier;
import io.viplane.codec.InvalidRecordException;
import io.viplane.codec.JsonCodec;
import io.viplane.model.Account;
import io.viplane.model.Agent;
import io.viplane.model.Contact;
import io.viplane.model.SentimentEvent;
import io.viplane.model.TicketEvent;
import io.viplane.model.Tier;
import io.viplane.policy.PolicyLoader;
import io.viplane.topology.Names;
import java.io.IOException;
import java.io.StringWriter;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class SampleOrganizationTest {
    static final LocalDate DAY = LocalDate.of(2026, 1, 16); // a Friday, as in the seed's story
    static final Instant START = DAY.atStartOfDay(ZoneId.of("UTC")).toInstant();
    static final Instant END = START.plusSeconds(24 * 3600);

    static SampleOrganization sample;
    static List<ObjectNode> events;

    @BeforeAll
    static void generate() {
        sample = SampleOrganization.generate(42, DAY);
        events = sample.events();
    }

    static List<JsonNode> values(String topic) {
        return events.stream().filter(e -> e.get("topic").asText().equals(topic)).map(e -> e.get("value")).toList();
    }

    @Test
    void accountTiersAreExactUnderTheWhiteGlovePolicy() {
        TierClassifier classifier = new TierClassifier(PolicyLoader.load("white-glove").policy());
        JsonCodec<Account> codec = new JsonCodec<>(Account.class);
        Map<Tier, Integer> counts = new EnumMap<>(Tier.class);
        for (JsonNode v : values(Names.ACCOUNTS)) {
            counts.merge(classifier.classify(codec.fromTree(v), null).tier(), 1, Integer::sum);
        }
        assertEquals(23, counts.get(Tier.T1));
        assertEquals(67, counts.get(Tier.T2));
        assertEquals(145, counts.get(Tier.T3));
        assertEquals(2000 - 23 - 67 - 145, counts.get(Tier.STANDARD));
        assertEquals(Map.of("T1", 23, "T2", 67, "T3", 145, "STANDARD", 1765), sample.summary().accountsPerTier());
    }

    @Test
    void everyValueDecodesWithTheContractCodecAndMatchesItsKey() {
        Map<String, JsonCodec<? extends SpecificRecord>> codecs = Map.of(
                Names.ACCOUNTS, new JsonCodec<>(Account.class),
                Names.CONTACTS, new JsonCodec<>(Contact.class),
                Names.AGENTS, new JsonCodec<>(Agent.class),
                Names.TICKETS, new JsonCodec<>(TicketEvent.class),
                Names.SENTIMENT, new JsonCodec<>(SentimentEvent.class));
        Map<String, String> keyField = Map.of(Names.ACCOUNTS, "account_id", Names.CONTACTS, "contact_id",
                Names.AGENTS, "agent_id", Names.TICKETS, "ticket_id", Names.SENTIMENT, "ticket_id");
        for (ObjectNode line : events) {
            String topic = line.get("topic").asText();
            assertTrue(codecs.containsKey(topic), topic);
            assertNotNull(codecs.get(topic).fromTree(line.get("value")), line.toString());
            assertEquals(line.get("key").asText(), line.get("value").get(keyField.get(topic)).asText());
        }
    }

    @Test
    void eventIdsAreUniqueExceptTheIntendedExactDuplicates() {
        Map<String, List<JsonNode>> byId = new HashMap<>();
        for (String topic : List.of(Names.TICKETS, Names.SENTIMENT)) {
            for (JsonNode v : values(topic)) {
                byId.computeIfAbsent(v.get("event_id").asText(), k -> new ArrayList<>()).add(v);
            }
        }
        int duplicates = 0;
        for (List<JsonNode> same : byId.values()) {
            if (same.size() > 1) {
                assertEquals(2, same.size());
                assertEquals(same.get(0), same.get(1), "a duplicate must be an exact copy");
                assertTrue(same.get(0).has("type"), "only ticket events are redelivered");
                duplicates++;
            }
        }
        assertTrue(duplicates >= 3 && duplicates <= 5, "duplicates: " + duplicates);
        assertEquals(duplicates, sample.summary().duplicates());
    }

    @Test
    void sameSeedGivesIdenticalOutputAndAnotherSeedDoesNot() throws IOException {
        assertEquals(jsonl(SampleOrganization.generate(42, DAY)), jsonl(sample));
        assertNotEquals(jsonl(SampleOrganization.generate(43, DAY)), jsonl(sample));
    }

    @Test
    void otherSeedsAndDaysAlsoKeepTheExactCounts() {
        for (long seed : new long[] {1, 7, 2026}) {
            for (LocalDate day : List.of(DAY, LocalDate.of(2026, 7, 4), LocalDate.of(2026, 3, 29))) {
                Summary s = SampleOrganization.generate(seed, day).summary();
                assertEquals(Map.of("T1", 23, "T2", 67, "T3", 145, "STANDARD", 1765), s.accountsPerTier());
                assertEquals(250, s.tickets());
            }
        }
    }

    @Test
    void rosterHasExactlyFiveTier1SeniorAgents() {
        List<JsonNode> agents = values(Names.AGENTS);
        assertEquals(40, agents.size());
        assertEquals(5, count(agents, a -> has(a.get("pools"), "TIER1_SENIOR")));
        assertEquals(12, count(agents, a -> has(a.get("pools"), "L2_PLUS")));
        assertEquals(1, count(agents, a -> a.get("status").asText().equals("PTO")));
        for (JsonNode a : agents) {
            LocalDate hired = LocalDate.parse(a.get("hired_on").asText());
            if (has(a.get("pools"), "L1_TENURED")) {
                assertTrue(hired.plusMonths(6).isBefore(DAY), "L1_TENURED needs 6 months: " + a.get("agent_id"));
            }
            assertTrue(a.get("open_vip_tickets").asInt() <= a.get("open_tickets").asInt());
        }
        assertTrue(count(agents, a -> a.get("level").asText().equals("L1")
                && LocalDate.parse(a.get("hired_on").asText()).plusMonths(6).isAfter(DAY)) > 0);
    }

    @Test
    void referenceDataComesFirstExceptTheLateAccount() {
        String lateAccount = sample.stories().stream().filter(s -> s.key().equals(VipStories.LATE_ACCOUNT))
                .findFirst().orElseThrow().accountId();
        int firstTraffic = -1;
        int lateAccountAt = -1;
        int lateTicketAt = -1;
        for (int i = 0; i < events.size(); i++) {
            ObjectNode e = events.get(i);
            String topic = e.get("topic").asText();
            boolean traffic = topic.equals(Names.TICKETS) || topic.equals(Names.SENTIMENT);
            if (traffic && firstTraffic < 0) {
                firstTraffic = i;
            }
            if (topic.equals(Names.ACCOUNTS) && e.get("key").asText().equals(lateAccount)) {
                lateAccountAt = i;
            } else if (topic.equals(Names.ACCOUNTS) || topic.equals(Names.AGENTS)) {
                assertTrue(firstTraffic < 0, "reference data after traffic at line " + i);
            }
            if (topic.equals(Names.TICKETS) && lateTicketAt < 0 && lateAccount.equals(e.get("value").path("account_id").asText())) {
                lateTicketAt = i;
            }
        }
        assertTrue(lateTicketAt > 0 && lateAccountAt > lateTicketAt, "the late account must follow its first ticket");
        assertEquals(1, count(values(Names.ACCOUNTS), a -> a.get("account_id").asText().equals(lateAccount)));
    }

    @Test
    void theDayLooksLikeTheSeed() {
        Summary s = sample.summary();
        assertEquals(250, s.tickets());
        assertEquals(45, s.vipTicketsByAccount(), "18% of tickets are VIP");
        int ticketEvents = values(Names.TICKETS).size();
        assertTrue(ticketEvents >= 600 && ticketEvents <= 1000, "ticket events: " + ticketEvents);
        double scored = values(Names.SENTIMENT).size() / (double) s.customerMessages();
        assertTrue(scored > 0.3 && scored < 0.5, "share of customer messages scored: " + scored);
        for (JsonNode v : values(Names.TICKETS)) {
            Instant t = Instant.parse(v.get("occurred_at").asText());
            assertTrue(!t.isBefore(START) && t.isBefore(END), v.toString());
        }
        assertTrue(s.outOfOrder() >= 3 && s.sentimentFirst() >= 2);
        Set<String> types = new HashSet<>();
        values(Names.TICKETS).forEach(v -> types.add(v.get("type").asText()));
        assertEquals(11, types.size(), "every ticket event type occurs: " + types);
        assertTrue(values(Names.TICKETS).stream().anyMatch(v -> v.path("body").asText().contains("我们正在评估替代方案")));
    }

    @Test
    void ticketsReferToContactsOfTheirAccountAndAssigneesFromTheRoster() {
        Map<String, String> contactAccount = new HashMap<>();
        values(Names.CONTACTS).forEach(c -> contactAccount.put(c.get("contact_id").asText(), c.get("account_id").asText()));
        Set<String> agents = new HashSet<>();
        values(Names.AGENTS).forEach(a -> agents.add(a.get("agent_id").asText()));
        for (JsonNode v : values(Names.TICKETS)) {
            if (v.has("contact_id")) {
                assertEquals(contactAccount.get(v.get("contact_id").asText()), v.get("account_id").asText());
            }
            if (v.has("assignee_id")) {
                assertTrue(agents.contains(v.get("assignee_id").asText()));
            }
        }
    }

    @Test
    void sentimentScoresAgreeWithTheirLabelAndPointAtATicketEvent() {
        Map<String, JsonNode> ticketEvents = new HashMap<>();
        values(Names.TICKETS).forEach(v -> ticketEvents.put(v.get("event_id").asText(), v));
        for (JsonNode s : values(Names.SENTIMENT)) {
            JsonNode source = ticketEvents.get(s.get("source_event_id").asText());
            assertNotNull(source, s.toString());
            assertEquals(source.get("ticket_id"), s.get("ticket_id"));
            double score = s.get("score").asDouble();
            String label = score <= -0.3 ? "NEGATIVE" : score >= 0.3 ? "POSITIVE" : "NEUTRAL";
            assertEquals(label, s.get("label").asText());
            assertEquals("nlp-v3", s.get("model").asText());
        }
        String churn = sample.ticketOf(VipStories.CHURN_T1);
        assertTrue(values(Names.SENTIMENT).stream().anyMatch(s -> s.get("ticket_id").asText().equals(churn)
                && s.get("score").asDouble() < -0.5));
    }

    @Test
    void storiesCarryTheSeedsNumbers() {
        assertEquals(28, sample.stories().size());
        JsonNode billing = created(sample.ticketOf(VipStories.BILLING_12));
        assertEquals("2026-01-16T21:47:00Z", billing.get("occurred_at").asText(), "Friday 16:47 in New York");
        assertEquals("NORMAL", billing.get("priority").asText());
        JsonNode account = account(billing.get("account_id").asText());
        assertEquals(380_000, account.get("arr").asDouble());
        JsonNode churn = created(sample.ticketOf(VipStories.CHURN_T1));
        assertTrue(churn.get("body").asText().contains("We are evaluating alternatives"));
        assertEquals(540_000, account(churn.get("account_id").asText()).get("arr").asDouble());
        JsonNode stark = account(created(sample.ticketOf(VipStories.AT_RISK_USAGE)).get("account_id").asText());
        assertEquals(62, stark.get("health_score").asInt());
        assertEquals(-25.0, stark.get("usage_trend_pct").asDouble());
        JsonNode personal = created(sample.ticketOf(EdgeStories.EXEC_PERSONAL_EMAIL));
        assertFalse(personal.has("account_id"));
        String execName = personal.get("requester_name").asText();
        assertEquals(1, count(values(Names.CONTACTS), c -> c.get("name").asText().equals(execName)
                && c.get("role").asText().equals("C_LEVEL")
                && c.get("account_id").asText().equals(stark.get("account_id").asText())));
    }

    @Test
    void badRecordsAreKeptApartAndRejectedByTheCodec() {
        List<ObjectNode> bad = sample.badRecords();
        assertTrue(bad.size() >= 2 && bad.size() <= 3);
        JsonCodec<TicketEvent> codec = new JsonCodec<>(TicketEvent.class);
        for (ObjectNode b : bad) {
            byte[] raw = b.get("raw").asText().getBytes(java.nio.charset.StandardCharsets.UTF_8);
            assertThrows(InvalidRecordException.class, () -> codec.decode(raw));
            assertFalse(events.stream().anyMatch(e -> e.get("key").asText().equals(b.get("key").asText())));
        }
    }

    @Test
    void jsonLinesAreOneObjectPerLine() throws IOException {
        String text = jsonl(sample);
        String[] lines = text.split("\n");
        assertEquals(events.size(), lines.length);
        ObjectMapper m = new ObjectMapper();
        JsonNode first = m.readTree(lines[0]);
        assertEquals(Names.ACCOUNTS, first.get("topic").asText());
        assertTrue(sample.summary().format().contains("accounts per tier"));
    }

    private static JsonNode created(String ticketId) {
        return values(Names.TICKETS).stream()
                .filter(v -> v.get("ticket_id").asText().equals(ticketId) && v.get("type").asText().equals("CREATED"))
                .findFirst().orElseThrow();
    }

    private static JsonNode account(String accountId) {
        return values(Names.ACCOUNTS).stream().filter(a -> a.get("account_id").asText().equals(accountId))
                .findFirst().orElseThrow();
    }

    private static String jsonl(SampleOrganization s) throws IOException {
        StringWriter w = new StringWriter();
        s.writeJsonLines(w);
        return w.toString();
    }

    private static boolean has(JsonNode array, String value) {
        for (JsonNode n : array) {
            if (n.asText().equals(value)) {
                return true;
            }
        }
        return false;
    }

    private static long count(List<JsonNode> nodes, Function<JsonNode, Boolean> test) {
        return nodes.stream().filter(test::apply).count();
    }
}
