package io.viplane.topology;

import static io.viplane.testing.Json.account;
import static io.viplane.testing.Json.created;
import static io.viplane.testing.Json.sentiment;
import static io.viplane.testing.Json.ticket;
import static io.viplane.testing.PipelineDriver.at;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.viplane.policy.PolicyLoader;
import io.viplane.testing.PipelineDriver;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * Replaying, the account partition takes ticket events and NLP scores in event-time order, whatever order
 * the two repartition topics deliver them in: the same history gives the same escalations and risk levels.
 */
class EventOrderTopologyTest {
    /** Words the built-in lexicon scores as extremely negative: the baseline alone escalates the ticket. */
    private static final String ANGRY = "This is terrible, awful, horrible. Disgusting, useless, the worst. I am furious.";

    private static List<String> run(List<Consumer<PipelineDriver>> inputs, String outputTopic) {
        TopologyOptions d = TopologyOptions.defaults();
        try (PipelineDriver p = new PipelineDriver(PolicyLoader.load("white-glove").policy(),
                d.withClock(ClockMode.STREAM_TIME).withEventTime(d.eventTime().withTicketPartitions(1)))) {
            p.account(account("acc-1", 600_000));
            p.account(account("acc-2", 190_000));
            inputs.forEach(i -> i.accept(p));
            p.ticket(created("e-late", "t-other", "acc-2", at(240), "LOW")); // moves the watermark past it all
            return p.read(outputTopic).stream().map(EventOrderTopologyTest::withoutWallClock).toList();
        }
    }

    /** decided_at is the wall clock of the decision, the one field no replay can repeat. */
    private static String withoutWallClock(JsonNode n) {
        ObjectNode c = n.deepCopy();
        c.remove("decided_at");
        return c.toString();
    }

    @Test
    void aScoreDeliveredAheadOfTheMessageItFollowsChangesNothing() {
        Consumer<PipelineDriver> message = p -> p.ticket(created("e1", "t1", "acc-1", at(0), "NORMAL").put("body", ANGRY));
        // The NLP service thinks better of it a minute later; scores win over the lexicon, but only from their time on.
        Consumer<PipelineDriver> score = p -> p.sentiment(sentiment("s1", "t1", "acc-1", 0.1, at(1)).put("source_event_id", "e1"));
        Consumer<PipelineDriver> reply = p -> p.ticket(ticket("e2", "t1", "acc-1", "AGENT_REPLY", at(5)));

        List<String> inOrder = run(List.of(message, score, reply), Names.ESCALATIONS);
        assertTrue(inOrder.stream().anyMatch(e -> e.contains("EXTREMELY_NEGATIVE")),
                "the message's own words escalate before the milder score comes: " + inOrder);
        assertEquals(inOrder, run(List.of(score, message, reply), Names.ESCALATIONS), "score delivered first");
        assertEquals(inOrder, run(List.of(message, reply, score), Names.ESCALATIONS), "score delivered last");
        assertEquals(run(List.of(message, score, reply), Names.ROUTED), run(List.of(score, reply, message), Names.ROUTED),
                "the same routing decisions");
    }

    @Test
    void twoTicketsOfOneAccountAreTakenInTheOrderOfTheirTimes() {
        Consumer<PipelineDriver> first = p -> p.ticket(created("e1", "t1", "acc-2", at(0), "HIGH").put("body", ANGRY));
        Consumer<PipelineDriver> second = p -> p.ticket(created("e2", "t2", "acc-2", at(3), "URGENT").put("body", ANGRY));
        Consumer<PipelineDriver> solved = p -> p.ticket(ticket("e3", "t1", "acc-2", "STATUS_CHANGED", at(2)).put("status", "SOLVED"));
        List<String> inOrder = run(List.of(first, solved, second), Names.ROUTED);
        assertEquals(inOrder, run(List.of(second, first, solved), Names.ROUTED));
        assertEquals(run(List.of(first, solved, second), Names.ESCALATIONS), run(List.of(second, solved, first), Names.ESCALATIONS));
    }

    @Test
    void aSourceThatNeverReportsHoldsRecordsBackNoLongerThanTheStall() {
        TopologyOptions d = TopologyOptions.defaults();
        try (PipelineDriver p = new PipelineDriver(PolicyLoader.load("white-glove").policy(),
                d.withClock(ClockMode.STREAM_TIME).withEventTime(d.eventTime().withTicketPartitions(2)))) {
            p.account(account("acc-1", 600_000));
            p.ticket(created("e2", "t2", "acc-1", at(600), "NORMAL"));
            p.ticket(created("e1", "t1", "acc-1", at(0), "NORMAL"));
            p.advance(EventOrder.STALL.minusSeconds(5));
            assertEquals(List.of(), p.read(Names.ROUTED), "partition 1 has not reported: both wait, 10 h apart or not");
            p.advance(java.time.Duration.ofSeconds(6));
            assertEquals(List.of("t1", "t2"), p.read(Names.ROUTED).stream().map(r -> r.get("ticket_id").asText()).toList(),
                    "the watermark stood still for a minute: they go on, oldest first");
        }
    }
}
