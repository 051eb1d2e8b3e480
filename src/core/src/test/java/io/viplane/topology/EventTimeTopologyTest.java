package io.viplane.topology;

import static io.viplane.testing.Json.account;
import static io.viplane.testing.Json.created;
import static io.viplane.testing.Json.ticket;
import static io.viplane.testing.PipelineDriver.at;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.viplane.policy.PolicyLoader;
import io.viplane.testing.PipelineDriver;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The clocks run on the ticket sources' watermark: the minimum over every {@code support.tickets}
 * partition, never the largest time one task has seen. The driver has one partition; the second source
 * is played by marks piped straight into the repartition topic, as its task would send them.
 */
class EventTimeTopologyTest {
    private static final String REPARTITION = "viplane-test-" + Names.TICKETS_BY_ACCOUNT + "-repartition";
    private static final Instant T0 = PipelineDriver.START;
    /** 13.5 min: a T1 reply 90 s before its 15-minute first-response due time. */
    private static final String AT_13_30 = T0.plus(Duration.ofSeconds(13 * 60 + 30)).toString();
    private PipelineDriver p;

    @AfterEach
    void close() {
        p.close();
    }

    /** The watermark's mechanics with no allowed lateness (lateness has its own test below). */
    private void replay(int ticketPartitions) {
        replay(ticketPartitions, Duration.ZERO);
    }

    private void replay(int ticketPartitions, Duration lateness) {
        TopologyOptions d = TopologyOptions.defaults();
        p = new PipelineDriver(PolicyLoader.load("white-glove").policy(), d.withClock(ClockMode.STREAM_TIME)
                .withEventTime(d.eventTime().withTicketPartitions(ticketPartitions).withLateness(lateness)));
    }

    @Test
    void aTicketsOwnLaterEventDoesNotFireItsClockAheadOfAnOlderOneStillOnItsWay() {
        // The demo's tkt-48177: the help desk published the priority change of 20 min before the reply of 13.5.
        replay(1, EventTimeOptions.DEFAULT_LATENESS);
        p.account(account("acc-1", 600_000));
        p.ticket(created("e1", "t1", "acc-1", at(0), "NORMAL"));
        p.ticket(ticket("e2", "t1", "acc-1", "PRIORITY_CHANGED", at(20)).put("priority", "HIGH"));
        assertEquals(List.of(), firstResponse("t1"), "20 min read, less 30 of lateness: held, nothing passed yet");
        p.ticket(ticket("e3", "t1", "acc-1", "AGENT_REPLY", AT_13_30));
        p.ticket(created("e4", "t2", "acc-1", at(120), "LOW"));
        assertEquals(List.of("STARTED", "WARNING", "MET"), firstResponse("t1"), "warned at 12 min, met at 13.5: no breach");

        // A reply after the due time still breaches first, once "now" gets there: the lateness delays the
        // breach, it never swallows it.
        p.ticket(created("e5", "t3", "acc-1", at(130), "NORMAL"));
        p.ticket(ticket("e6", "t3", "acc-1", "AGENT_REPLY", at(150)));
        assertEquals(List.of(), firstResponse("t3"));
        p.ticket(created("e7", "t4", "acc-1", at(200), "LOW"));
        assertEquals(List.of("STARTED", "WARNING", "BREACHED", "MET"), firstResponse("t3"));
    }

    @Test
    void aReplyPublishedLateButWithinTheAllowedLatenessIsCountedBeforeItsClockFires() {
        replay(1, EventTimeOptions.DEFAULT_LATENESS);
        p.account(account("acc-1", 600_000));
        p.ticket(created("e1", "t1", "acc-1", at(0), "NORMAL")); // T1: first response due at 15 min
        p.ticket(created("e2", "t2", "acc-1", at(44), "LOW"));
        assertEquals(List.of("STARTED", "WARNING"), firstResponse("t1"),
                "44 min read, less 30 of lateness: 14 min (the 12-minute warning, not the breach)");
        // The help desk publishes t1's reply of 13.5 min after t2's event of 44 min.
        p.ticket(ticket("e3", "t1", "acc-1", "AGENT_REPLY", AT_13_30));
        p.ticket(created("e4", "t3", "acc-1", at(120), "LOW"));
        assertEquals(List.of("MET"), firstResponse("t1"), "met in time: no false breach before it");

        // Later than the lateness, the clock has decided without it: the breach stands, then the late reply
        // meets the clock (the report counts such a pair as a false breach).
        p.ticket(created("e5", "t4", "acc-1", at(130), "NORMAL"));
        p.ticket(created("e6", "t5", "acc-1", at(180), "LOW"));
        p.ticket(ticket("e7", "t4", "acc-1", "AGENT_REPLY", at(140)));
        assertEquals(List.of("STARTED", "WARNING", "BREACHED", "MET"), firstResponse("t4"));
    }

    private void markFromPartition1(int minutes, boolean caughtUp) {
        p.sendRaw(REPARTITION, WatermarkEmitter.KEY,
                new Watermark(1, T0.plus(Duration.ofMinutes(minutes)).toEpochMilli(), caughtUp).encode());
    }

    private List<String> firstResponse(String ticketId) {
        return p.read(Names.SLA_EVENTS).stream().filter(e -> e.get("ticket_id").asText().equals(ticketId)
                && e.get("metric").asText().equals("FIRST_RESPONSE")).map(e -> e.get("state").asText()).toList();
    }

    @Test
    void aFastPartitionDoesNotFireTheClocksOfASlowOne() {
        replay(2);
        p.account(account("acc-1", 600_000));
        p.ticket(created("e1", "t1", "acc-1", at(0), "NORMAL"));
        markFromPartition1(60, false); // the other partition is an hour ahead
        p.ticket(created("e2", "t2", "acc-1", at(14), "LOW"));
        assertEquals(List.of("STARTED", "WARNING"), firstResponse("t1"),
                "the watermark is partition 0's 14 min (the 12-minute warning is due), not 60 (the breach)");
        // The reply, 90 s before its due time, reaches the slow partition after the fast one raced on.
        p.ticket(ticket("e3", "t1", "acc-1", "AGENT_REPLY", AT_13_30));
        p.ticket(created("e4", "t3", "acc-1", at(40), "LOW"));
        assertEquals(List.of("MET"), firstResponse("t1"), "met in time: no false breach before it");
    }

    @Test
    void theClocksWaitForEveryPartitionAndMoveWithTheSlowest() {
        replay(2);
        p.account(account("acc-1", 600_000));
        p.ticket(created("e1", "t1", "acc-1", at(0), "NORMAL"));
        p.ticket(created("e2", "t2", "acc-1", at(30), "LOW"));
        assertEquals(List.of(), firstResponse("t1"), "partition 1 has not reported yet: held");
        markFromPartition1(10, false);
        assertEquals(List.of("STARTED"), firstResponse("t1"), "10 min: taken in, not due");
        markFromPartition1(16, false);
        assertEquals(List.of("WARNING", "BREACHED"), firstResponse("t1"));
    }

    @Test
    void aCaughtUpPartitionStillHoldsTheClocksInAReplay() {
        replay(2);
        p.account(account("acc-1", 600_000));
        markFromPartition1(1, true); // nothing to read there right now
        p.ticket(created("e1", "t1", "acc-1", at(0), "NORMAL"));
        p.ticket(created("e2", "t2", "acc-1", at(20), "LOW"));
        p.advance(Duration.ofSeconds(1));
        assertEquals(List.of("STARTED"), firstResponse("t1"), "partition 1 may still get older history");
        markFromPartition1(16, true);
        assertEquals(List.of("WARNING", "BREACHED"), firstResponse("t1"));
    }

    @Test
    void aSentimentScoreAheadOfTheTicketsOwnEventsMovesNoClock() {
        // Scores travel their own hop: one stamped 20 min can arrive before the reply of 13.5 min
        // (the demo's "breached at 09:30, met at 07:30" tickets).
        replay(1);
        p.account(account("acc-1", 600_000));
        p.ticket(created("e1", "t1", "acc-1", at(0), "NORMAL"));
        p.sentiment(io.viplane.testing.Json.sentiment("s1", "t1", "acc-1", -0.2, at(20)));
        assertEquals(List.of("STARTED"), firstResponse("t1"), "a score is not the ticket's history");
        p.ticket(ticket("e2", "t1", "acc-1", "AGENT_REPLY", AT_13_30));
        assertEquals(List.of("WARNING", "MET"), firstResponse("t1"), "warned at 12 min, met in time: no false breach");
    }

    @Test
    void aCrmRecordFromTheFutureMovesNoClock() {
        replay(1);
        p.account(account("acc-1", 600_000));
        p.ticket(created("e1", "t1", "acc-1", at(0), "NORMAL"));
        p.account(account("acc-1", 700_000).put("updated_at", T0.plus(Duration.ofDays(2)).toString()));
        p.contact(io.viplane.testing.Json.contact("c-1", "acc-1", "END_USER")
                .put("updated_at", T0.plus(Duration.ofDays(3)).toString()));
        assertEquals(List.of("STARTED"), firstResponse("t1"), "CRM records are state, not time");
        p.ticket(ticket("e2", "t1", "acc-1", "AGENT_REPLY", at(5)));
        assertEquals(List.of("MET"), firstResponse("t1"));
    }

    @Test
    void theRoutedDueTimeIsTheDueTimeTheClockEnforcesThroughAPause() {
        p = new PipelineDriver();
        p.account(account("acc-1", 600_000));
        p.ticket(created("e1", "t1", "acc-1", at(0), "NORMAL"));
        assertEquals(at(15), last(p.read(Names.ROUTED)).get("first_response_due").asText());
        p.ticket(ticket("e2", "t1", "acc-1", "STATUS_CHANGED", at(5)).put("status", "PENDING"));
        assertTrue(last(p.read(Names.ROUTED)).get("first_response_due").isNull(), "no due time while paused");
        p.ticket(ticket("e3", "t1", "acc-1", "STATUS_CHANGED", at(25)).put("status", "OPEN"));
        JsonNode resumed = last(p.read(Names.ROUTED));
        List<JsonNode> sla = p.read(Names.SLA_EVENTS);
        JsonNode clock = sla.stream().filter(e -> e.get("state").asText().equals("RESUMED")).findFirst().orElseThrow();
        assertEquals(clock.get("due_at").asText(), resumed.get("first_response_due").asText());
        assertEquals(at(35), resumed.get("first_response_due").asText(), "10 minutes were left at the pause");
    }

    private static JsonNode last(List<JsonNode> l) {
        assertTrue(!l.isEmpty(), "nothing routed");
        return l.get(l.size() - 1);
    }
}
