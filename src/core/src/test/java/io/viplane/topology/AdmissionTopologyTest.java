package io.viplane.topology;

import static io.viplane.testing.Json.account;
import static io.viplane.testing.Json.agent;
import static io.viplane.testing.Json.created;
import static io.viplane.testing.Json.sentiment;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.viplane.admission.DeadLetter;
import io.viplane.policy.PolicyLoader;
import io.viplane.testing.PipelineDriver;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** What every input refuses (dead letters with the reason) and that good records keep flowing after it. */
class AdmissionTopologyTest {
    // The shipped 15-minute limit (a new Duration, so PipelineDriver does not widen it); the driver's clock is START.
    private final PipelineDriver p = new PipelineDriver(PolicyLoader.load("white-glove").policy(),
            TopologyOptions.defaults().withAgentRefresh(Duration.ZERO).withMaxFutureSkew(Duration.ofMinutes(15)));

    @AfterEach
    void close() {
        p.close();
    }

    private static String reason(TestRecord<String, byte[]> r) {
        return PipelineDriver.header(r.headers(), "__streams.errors.message");
    }

    private static List<String> texts(JsonNode array) {
        List<String> out = new java.util.ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }

    private List<TestRecord<String, byte[]>> dlq() {
        return p.readRecords(Names.DLQ);
    }

    @Test
    void aTicketWithoutKeyIsADeadLetter() {
        p.account(account("acc-1", 600_000));
        p.send(Names.TICKETS, null, created("e1", "t1", "acc-1", PipelineDriver.at(1), "NORMAL"));
        assertTrue(p.read(Names.ROUTED).isEmpty());
        assertEquals("field 'ticket_id': record key is missing (records are keyed by ticket_id)", reason(dlq().get(0)));
        p.ticket(created("e2", "t2", "acc-1", PipelineDriver.at(2), "NORMAL"));
        assertEquals("t2", p.read(Names.ROUTED).get(0).get("ticket_id").asText());
    }

    @Test
    void aSentimentEventWithoutKeyOrWithAnotherTicketsKeyIsADeadLetter() {
        p.send(Names.SENTIMENT, null, sentiment("s1", "t1", "acc-1", -0.9, PipelineDriver.at(1)));
        p.send(Names.SENTIMENT, "t-other", sentiment("s2", "t1", "acc-1", -0.9, PipelineDriver.at(1)));
        List<TestRecord<String, byte[]>> dead = dlq();
        assertEquals(2, dead.size());
        assertTrue(reason(dead.get(0)).contains("record key is missing"), reason(dead.get(0)));
        assertEquals("field 'ticket_id': does not match the record key", reason(dead.get(1)));
    }

    @Test
    void timesTheBrokerOrKafkaStreamsCannotTakeAreDeadLettersWithTheirReason() {
        p.account(account("acc-1", 600_000));
        p.ticket(created("e1", "t-overflow", "acc-1", "+1000000000-01-01T00:00:00Z", "NORMAL"));
        p.ticket(created("e2", "t-1900", "acc-1", "1900-01-01T00:00:00Z", "NORMAL"));
        p.ticket(created("e3", "t-1969", "acc-1", "1969-12-31T23:59:59Z", "NORMAL"));
        // 2 h ahead: inside the old 24 h limit, but its repartition record would be refused by the broker (1 h).
        p.ticket(created("e4", "t-2h", "acc-1", PipelineDriver.START.plus(Duration.ofHours(2)).toString(), "NORMAL"));
        List<TestRecord<String, byte[]>> dead = dlq();
        assertEquals(4, dead.size());
        assertEquals("field 'occurred_at': outside the range of Kafka timestamps (epoch milliseconds overflow)", reason(dead.get(0)));
        assertEquals("t-1900", dead.get(1).key());
        assertTrue(reason(dead.get(1)).contains("before 1970-01-01T00:00:00Z"), reason(dead.get(1)));
        assertTrue(reason(dead.get(2)).contains("before 1970-01-01T00:00:00Z"), reason(dead.get(2)));
        assertTrue(reason(dead.get(3)).startsWith("field 'occurred_at': more than PT15M ahead"), reason(dead.get(3)));
        assertTrue(p.read(Names.ROUTED).isEmpty());

        p.ticket(created("e5", "t-ok", "acc-1", PipelineDriver.START.plus(Duration.ofMinutes(10)).toString(), "NORMAL"));
        List<JsonNode> routed = p.read(Names.ROUTED);
        assertEquals(1, routed.size());
        assertEquals("T1", routed.get(0).get("tier").asText(), "the account was loaded: " + routed.get(0));
    }

    @Test
    void crmRecordsDatedBefore1970OrFarAheadAreDeadLettersAndTheOldStateStays() {
        p.account(account("acc-1", 600_000).put("updated_at", PipelineDriver.at(-60)));
        p.account(account("acc-1", 1_000).put("updated_at", "1900-01-01T00:00:00Z"));
        p.account(account("acc-1", 1_000).put("updated_at", PipelineDriver.START.plus(Duration.ofHours(3)).toString()));
        p.send(Names.CONTACTS, "c-1", io.viplane.testing.Json.contact("c-1", "acc-1", "END_USER")
                .put("updated_at", "+1000000000-01-01T00:00:00Z"));
        List<TestRecord<String, byte[]>> dead = dlq();
        assertEquals(3, dead.size());
        assertTrue(reason(dead.get(0)).startsWith("field 'updated_at': before 1970"), reason(dead.get(0)));
        assertTrue(reason(dead.get(1)).startsWith("field 'updated_at': more than PT15M ahead"), reason(dead.get(1)));
        assertEquals(Names.CONTACTS, PipelineDriver.header(dead.get(2).headers(), "__streams.errors.topic"));
        p.ticket(created("e1", "t1", "acc-1", PipelineDriver.at(1), "NORMAL"));
        assertEquals("T1", p.read(Names.ROUTED).get(0).get("tier").asText(), "the 600K account is still the account");
    }

    @Test
    void badAgentRecordsAreDeadLettersNeverInTheRosterAndTheirTombstonesWork() {
        p.account(account("acc-1", 600_000));
        p.sendRaw(Names.AGENTS, "a-bad", "not json at all".getBytes(StandardCharsets.UTF_8));
        p.send(Names.AGENTS, "a-other", agent("a-2", "L3", "AVAILABLE", 0, 0, "TIER1_SENIOR"));
        p.send(Names.AGENTS, null, agent("a-3", "L3", "AVAILABLE", 0, 0, "TIER1_SENIOR"));
        p.send(Names.AGENTS, "a-4", agent("a-4", "L3", "AVAILABLE", 0, 0, "TIER1_SENIOR")
                .put("updated_at", "+1000000000-01-01T00:00:00Z"));
        p.send(Names.AGENTS, "a-1", agent("a-1", "L3", "AVAILABLE", 3, 1, "TIER1_SENIOR"));

        List<DeadLetter> dead = p.agentDeadLetters();
        assertEquals(4, dead.size(), dead.toString());
        assertEquals("a-bad", new String(dead.get(0).key(), StandardCharsets.UTF_8));
        assertEquals("not json at all", new String(dead.get(0).value(), StandardCharsets.UTF_8));
        assertEquals(Names.AGENTS, dead.get(0).topic());
        assertTrue(dead.get(0).message().startsWith("malformed JSON"), dead.get(0).message());
        assertEquals("field 'agent_id': does not match the record key", dead.get(1).message());
        assertTrue(dead.get(2).message().contains("record key is missing"), dead.get(2).message());
        assertTrue(dead.get(3).message().startsWith("field 'updated_at': outside the range"), dead.get(3).message());

        p.ticket(created("e1", "t1", "acc-1", PipelineDriver.at(1), "NORMAL"));
        JsonNode routed = p.read(Names.ROUTED).get(0);
        assertEquals("a-1", routed.get("suggested_agent_id").asText(), "only the valid agent is in the roster: " + routed);
        assertTrue(dlq().isEmpty(), "tickets are not dead-lettered because of a bad agent record");

        p.send(Names.AGENTS, "a-bad", null); // a tombstone for the bad key
        p.send(Names.AGENTS, "a-1", null);
        p.ticket(created("e2", "t2", "acc-1", PipelineDriver.at(2), "NORMAL"));
        JsonNode second = p.read(Names.ROUTED).get(0);
        assertTrue(second.get("suggested_agent_id").isNull(), second.toString());
        assertEquals(4, p.agentDeadLetters().size(), "tombstones are not dead letters");
    }

    @Test
    void aBadUpdateOfAKnownAgentRemovesItSoTheLatestRecordDecidesAsAfterCompaction() {
        p.account(account("acc-1", 600_000));
        p.send(Names.AGENTS, "a-1", agent("a-1", "L3", "AVAILABLE", 3, 1, "TIER1_SENIOR"));
        p.sendRaw(Names.AGENTS, "a-1", "{\"agent_id\": \"a-1\"".getBytes(StandardCharsets.UTF_8));
        p.ticket(created("e1", "t1", "acc-1", PipelineDriver.at(1), "NORMAL"));
        assertNull(p.read(Names.ROUTED).get(0).get("suggested_agent_id").textValue());
        assertEquals(1, p.agentDeadLetters().size());
    }

    @Test
    void aMegabyteOfChurnWordsIsReadUpToTheCapAndTheTicketIsRouted() {
        p.account(account("acc-1", 600_000));
        var t = created("e1", "t1", "acc-1", PipelineDriver.at(1), "NORMAL");
        t.put("body", "we will cancel and switch to a competitor. ".repeat(24_000)); // ~1 MB
        p.ticket(t);
        List<JsonNode> routed = p.read(Names.ROUTED);
        assertEquals(1, routed.size());
        assertTrue(dlq().isEmpty());
        // The cut is visible to whoever reads the routing (how fast it is: scripts/bench, not a timed test).
        List<String> reasons = texts(routed.get(0).get("reasons"));
        int original = t.get("body").asText().length() + t.get("subject").asText().length();
        assertTrue(reasons.contains("TEXT_TRUNCATED: a text of " + original
                + " characters; the rules read the first " + io.viplane.admission.TextCap.DEFAULT_MAX_CHARS), reasons.toString());
        assertTrue(reasons.contains("SCORE +100: churn risk HIGH"), "the churn words inside the cap count: " + reasons);
    }

    @Test
    void aTextWithinTheCapCarriesNoTruncationReason() {
        p.account(account("acc-1", 600_000));
        var t = created("e1", "t1", "acc-1", PipelineDriver.at(1), "NORMAL");
        t.put("body", "x".repeat(io.viplane.admission.TextCap.DEFAULT_MAX_CHARS));
        p.ticket(t);
        List<String> reasons = texts(p.read(Names.ROUTED).get(0).get("reasons"));
        assertTrue(reasons.stream().noneMatch(r -> r.startsWith("TEXT_TRUNCATED")), reasons.toString());
    }
}
