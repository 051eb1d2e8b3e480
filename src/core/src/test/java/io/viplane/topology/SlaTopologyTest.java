package io.viplane.topology;

import static io.viplane.testing.Json.account;
import static io.viplane.testing.Json.created;
import static io.viplane.testing.Json.ticket;
import static io.viplane.testing.PipelineDriver.at;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.viplane.policy.PolicyLoader;
import io.viplane.testing.PipelineDriver;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * SLA clocks driven by the wall clock: warnings and breaches fire on time with no further input,
 * pauses move the deadline, next-reply semantics, dynamic targets, exactly once per metric and cycle.
 * The driver's wall clock starts at {@link PipelineDriver#START}; tickets are created then.
 */
class SlaTopologyTest {
    private static final String T0 = PipelineDriver.START.toString();
    private PipelineDriver p = new PipelineDriver();

    @AfterEach
    void close() {
        p.close();
    }

    private List<String> sla(String metric) {
        return p.read(Names.SLA_EVENTS).stream().filter(e -> e.get("metric").asText().equals(metric))
                .map(e -> e.get("state").asText() + "@" + e.get("occurred_at").asText()).toList();
    }

    private List<JsonNode> slaAll() {
        return p.read(Names.SLA_EVENTS);
    }

    private static List<String> states(List<JsonNode> events, String metric) {
        return events.stream().filter(e -> e.get("metric").asText().equals(metric))
                .map(e -> e.get("state").asText()).collect(Collectors.toList());
    }

    @Test
    void t1FirstResponseWarnsAt75PercentAndBreachesAt15MinutesWithNoFurtherInput() {
        p.account(account("acc-1", 600_000));
        p.ticket(created("e1", "t1", "acc-1", T0, "NORMAL"));
        p.ticket(ticket("e2", "t1", "acc-1", "ASSIGNED", at(1)).put("assignee_id", "a-1"));
        assertEquals(List.of("STARTED"), states(slaAll(), "FIRST_RESPONSE"));

        // 75% of 15 minutes is 11.25; SLA arithmetic counts whole minutes, so the warning is due at 12:00.
        p.advance(Duration.ofSeconds(11 * 60 + 50));
        assertEquals(List.of(), states(slaAll(), "FIRST_RESPONSE"), "nothing before the 12th minute");
        p.advance(Duration.ofSeconds(20));
        List<JsonNode> warning = slaAll();
        assertEquals(List.of("WARNING"), states(warning, "FIRST_RESPONSE"));
        assertEquals(at(15), warning.get(0).get("due_at").asText());
        assertTrue(p.read(Names.ESCALATIONS).stream().anyMatch(e -> e.get("kind").asText().equals("SLA_WARNING")));

        p.advance(Duration.ofMinutes(3));
        List<JsonNode> breach = slaAll();
        assertEquals(List.of("BREACHED"), states(breach, "FIRST_RESPONSE"));
        assertEquals(at(15), breach.get(0).get("occurred_at").asText(), "the breach is stamped with its due time");
        assertEquals(15, breach.get(0).get("target_minutes").asInt());
        List<JsonNode> escalations = p.read(Names.ESCALATIONS);
        JsonNode esc = escalations.stream().filter(e -> e.get("kind").asText().equals("SLA_BREACH")).findFirst()
                .orElseThrow(() -> new AssertionError("no SLA_BREACH escalation in " + escalations));
        assertEquals("SUPPORT_VP", esc.get("target").asText(), "T1 ladder: support VP (seed 000)");
        assertEquals(15, esc.get("respond_within_minutes").asInt());

        p.advance(Duration.ofMinutes(30));
        p.ticket(ticket("e3", "t1", "acc-1", "INTERNAL_NOTE", at(50)));
        assertEquals(List.of(), states(slaAll(), "FIRST_RESPONSE"), "a breach is published once");
        assertTrue(p.read(Names.ESCALATIONS).stream().noneMatch(e -> e.get("kind").asText().equals("SLA_BREACH")));
    }

    @Test
    void aReplyBeforeTheDeadlineMeetsTheClockAndNothingFiresLater() {
        p.account(account("acc-1", 600_000));
        p.ticket(created("e1", "t1", "acc-1", T0, "NORMAL"));
        p.ticket(ticket("e2", "t1", "acc-1", "ASSIGNED", at(3)).put("assignee_id", "a-1"));
        p.ticket(ticket("e3", "t1", "acc-1", "AGENT_REPLY", at(4)));
        assertEquals(List.of("STARTED", "MET"), states(slaAll(), "FIRST_RESPONSE"));
        p.advance(Duration.ofMinutes(60));
        List<JsonNode> later = slaAll();
        assertEquals(List.of(), states(later, "FIRST_RESPONSE"));
        assertTrue(p.read(Names.ESCALATIONS).stream().noneMatch(e -> e.get("kind").asText().startsWith("SLA_")));
    }

    @Test
    void pendingPausesTheClockAndTheDeadlineMovesByThePause() {
        p.account(account("acc-1", 600_000));
        p.ticket(created("e1", "t1", "acc-1", T0, "NORMAL"));
        p.ticket(ticket("e2", "t1", "acc-1", "STATUS_CHANGED", at(5)).put("status", "PENDING"));
        List<String> paused = states(slaAll(), "FIRST_RESPONSE");
        assertEquals(List.of("STARTED", "PAUSED"), paused);

        p.advance(Duration.ofMinutes(25));
        assertEquals(List.of(), states(slaAll(), "FIRST_RESPONSE"), "no warning or breach while paused");

        p.ticket(ticket("e3", "t1", "acc-1", "STATUS_CHANGED", at(25)).put("status", "OPEN"));
        List<JsonNode> resumed = slaAll();
        assertEquals(List.of("RESUMED"), states(resumed, "FIRST_RESPONSE"));
        JsonNode r = resumed.stream().filter(e -> e.get("metric").asText().equals("FIRST_RESPONSE")).findFirst().get();
        assertEquals(at(35), r.get("due_at").asText(), "10 minutes were left at the pause");
        assertEquals(5, r.get("elapsed_minutes").asInt());

        p.advance(Duration.ofMinutes(6));
        assertEquals(List.of(), states(slaAll(), "FIRST_RESPONSE"), "31 min: not yet");
        p.advance(Duration.ofMinutes(1));
        assertEquals(List.of("WARNING"), states(slaAll(), "FIRST_RESPONSE"), "warning at minute 12 of 15: 7 min after resuming");
        p.advance(Duration.ofMinutes(4));
        assertEquals(List.of("BREACHED"), states(slaAll(), "FIRST_RESPONSE"));
    }

    @Test
    void nextReplyRunsFromTheOldestUnansweredMessageAndLaterMessagesDoNotMoveIt() {
        p.account(account("acc-1", 600_000));
        p.ticket(created("e1", "t1", "acc-1", T0, "NORMAL"));
        p.ticket(ticket("e2", "t1", "acc-1", "AGENT_REPLY", at(2)));
        p.ticket(ticket("e3", "t1", "acc-1", "CUSTOMER_MESSAGE", at(3)).put("body", "It still fails."));
        p.ticket(ticket("e4", "t1", "acc-1", "CUSTOMER_MESSAGE", at(10)).put("body", "Any news?"));
        List<JsonNode> events = slaAll();
        List<JsonNode> next = events.stream().filter(e -> e.get("metric").asText().equals("NEXT_REPLY")).toList();
        assertEquals(1, next.size(), "one cycle for the run of unanswered messages: " + next);
        assertEquals("STARTED", next.get(0).get("state").asText());
        assertEquals(at(33), next.get(0).get("due_at").asText(), "VIP next reply: 30 min from the oldest message");

        p.advance(Duration.ofMinutes(34));
        assertEquals(List.of("WARNING", "BREACHED"), states(slaAll(), "NEXT_REPLY"));
    }

    @Test
    void aLateReplyAfterTheBreachIsMetLateWithoutASecondBreach() {
        p.account(account("acc-1", 600_000));
        p.ticket(created("e1", "t1", "acc-1", T0, "NORMAL"));
        p.advance(Duration.ofMinutes(20));
        assertTrue(states(slaAll(), "FIRST_RESPONSE").contains("BREACHED"));
        // The help desk publishes the reply it sent at minute 12 only now (out of order).
        p.ticket(ticket("e2", "t1", "acc-1", "AGENT_REPLY", at(12)));
        List<JsonNode> after = slaAll();
        assertEquals(List.of("MET"), states(after, "FIRST_RESPONSE"));
        p.advance(Duration.ofMinutes(20));
        assertEquals(List.of(), states(slaAll(), "FIRST_RESPONSE"));
    }

    @Test
    void aTierChangeMovesTheTargetAndReEmitsTheRoutedTicket() {
        p.ticket(created("e1", "t1", "acc-late", T0, "NORMAL"));
        JsonNode first = p.read(Names.ROUTED).get(0);
        assertEquals("STANDARD", first.get("tier").asText());

        p.account(account("acc-late", 600_000).put("updated_at", at(1)));
        List<JsonNode> rerouted = p.read(Names.ROUTED);
        assertEquals(1, rerouted.size());
        assertEquals("T1", rerouted.get(0).get("tier").asText());
        assertEquals(at(15), rerouted.get(0).get("first_response_due").asText());

        p.advance(Duration.ofMinutes(16));
        List<JsonNode> events = slaAll();
        JsonNode breach = events.stream().filter(e -> e.get("metric").asText().equals("FIRST_RESPONSE")
                && e.get("state").asText().equals("BREACHED")).findFirst()
                .orElseThrow(() -> new AssertionError("the T1 target applies: " + events));
        assertEquals("T1", breach.get("tier").asText());
        assertEquals(at(15), breach.get("due_at").asText());
    }

    @Test
    void unassignedVipTicketEscalatesWhenTheAssignmentTimerRunsOut() {
        p.account(account("acc-1", 600_000));
        p.ticket(created("e1", "t1", "acc-1", T0, "NORMAL"));
        p.advance(Duration.ofMinutes(6));
        List<JsonNode> esc = p.read(Names.ESCALATIONS);
        JsonNode unassigned = esc.stream().filter(e -> e.get("kind").asText().equals("UNASSIGNED")).findFirst()
                .orElseThrow(() -> new AssertionError("no UNASSIGNED in " + esc));
        assertEquals("t1", unassigned.get("ticket_id").asText());
        assertEquals("SUPPORT_VP", unassigned.get("target").asText(), "up the T1 ladder");
    }

    @Test
    void streamTimeModeReplaysHistoryWithTheBreachesLiveProcessingWouldHaveHad() {
        p.close();
        p = new PipelineDriver(PolicyLoader.load("white-glove").policy(),
                TopologyOptions.defaults().withClock(ClockMode.STREAM_TIME));
        String day = "2026-01-05T09:00:00Z";
        Instant t0 = Instant.parse(day);
        p.account(account("acc-1", 600_000).put("updated_at", "2026-01-01T00:00:00Z"));
        p.ticket(created("e1", "t1", "acc-1", day, "NORMAL"));
        p.ticket(ticket("e2", "t1", "acc-1", "ASSIGNED", t0.plusSeconds(60).toString()).put("assignee_id", "a-1"));
        assertEquals(List.of(), states(slaAll(), "FIRST_RESPONSE"), "held until the watermark passes them");
        // Another ticket's event 50 minutes later moves the watermark (less 30 min of allowed lateness) past
        // t1's deadline.
        p.ticket(created("e3", "t2", "acc-1", t0.plusSeconds(50 * 60).toString(), "LOW"));
        List<JsonNode> events = slaAll();
        List<JsonNode> t1 = events.stream().filter(e -> e.get("ticket_id").asText().equals("t1")
                && e.get("metric").asText().equals("FIRST_RESPONSE")).toList();
        assertEquals(List.of("STARTED", "WARNING", "BREACHED"), t1.stream().map(e -> e.get("state").asText()).toList());
        assertEquals(t0.plusSeconds(15 * 60).toString(), t1.get(2).get("occurred_at").asText());
    }

    @Test
    void hourlyAndDailyMetricsPerTierCountTicketsBreachesAndEscalations() {
        p.account(account("acc-1", 600_000));
        p.account(account("acc-s", 1_000));
        p.ticket(created("e1", "t1", "acc-1", T0, "NORMAL"));
        p.advance(Duration.ofMinutes(20));
        // Standard counts New York business hours (from 14:00Z in January): created 14:30Z, answered 15:10Z.
        p.ticket(created("e2", "t2", "acc-s", at(150), "NORMAL"));
        p.ticket(ticket("e3", "t2", "acc-s", "AGENT_REPLY", at(190)));
        List<JsonNode> metrics = p.read(Names.SLA_METRICS);
        JsonNode t1Hour = metrics.stream().filter(m -> m.get("tier").asText().equals("T1")
                && m.get("window").asText().equals("HOUR")).reduce((a, b) -> b).orElseThrow();
        assertEquals(1, t1Hour.get("tickets").asInt());
        assertEquals(2, t1Hour.get("breaches").asInt(), "first response and assignment: " + t1Hour);
        assertTrue(t1Hour.get("escalations").asInt() >= 2, t1Hour.toString());
        assertEquals(0.0, t1Hour.get("attainment_pct").asDouble());
        JsonNode stdDay = metrics.stream().filter(m -> m.get("tier").asText().equals("STANDARD")
                && m.get("window").asText().equals("DAY")).reduce((a, b) -> b).orElseThrow();
        assertEquals(40.0, stdDay.get("first_response_avg_minutes").asDouble());
        assertEquals(100.0, stdDay.get("attainment_pct").asDouble());
        var store = p.driver().getWindowStore(Names.SLA_METRICS_HOURLY_STORE);
        assertTrue(store.fetchAll(PipelineDriver.START.minusSeconds(1), PipelineDriver.START.plusSeconds(3600)).hasNext(),
                "queryable from the window store");
    }

    @Test
    void aCreatedEventThatArrivesLateMovesTheClockWithoutRepeatingWhatWasPublished() {
        p.account(account("acc-1", 600_000));
        // The help desk's first event to arrive is an update at minute 20; CREATED (minute 0) comes later.
        p.ticket(ticket("e2", "t1", "acc-1", "STATUS_CHANGED", at(20)).put("status", "OPEN"));
        p.advance(Duration.ofMinutes(36));
        List<String> before = states(slaAll(), "FIRST_RESPONSE");
        assertEquals(List.of("STARTED", "WARNING", "BREACHED"), before, "15 minutes from the first event seen");
        List<JsonNode> firstEscalations = p.read(Names.ESCALATIONS);
        p.ticket(created("e1", "t1", "acc-1", T0, "NORMAL"));
        p.advance(Duration.ofMinutes(5));
        assertEquals(List.of(), states(slaAll(), "FIRST_RESPONSE"), "the same cycle, moved: nothing again");
        List<JsonNode> again = p.read(Names.ESCALATIONS);
        assertTrue(again.stream().noneMatch(e -> e.get("kind").asText().equals("SLA_BREACH")),
                "no second breach escalation: " + again + " after " + firstEscalations);
    }

    @Test
    void aClosedTicketWithNothingPendingIsForgottenAfterTheRetention() {
        p.account(account("acc-s", 1_000));
        p.ticket(created("e1", "t1", "acc-s", T0, "NORMAL"));
        p.ticket(ticket("e2", "t1", "acc-s", "STATUS_CHANGED", at(30)).put("status", "SOLVED"));
        p.advance(Duration.ofDays(6));
        assertTrue(p.driver().getKeyValueStore(Names.TICKET_STORE).get("t1") != null, "kept while a reopen is likely");
        p.advance(Duration.ofDays(1).plusHours(1));
        assertEquals(null, p.driver().getKeyValueStore(Names.TICKET_STORE).get("t1"));
        assertTrue(!p.driver().getKeyValueStore(Names.DEADLINE_STORE).all().hasNext(), "and its index entry");
    }

    @Test
    void aVipRenewingWithin30DaysGetsA10MinuteFirstResponseUntilTheRenewalMovesOut() {
        p.close();
        p = new PipelineDriver(PolicyLoader.load("dynamic-sla").policy(), TopologyOptions.defaults());
        p.account(account("acc-1", 600_000).put("renewal_date", "2026-02-05").put("updated_at", at(-60)));
        p.ticket(created("e1", "t1", "acc-1", T0, "NORMAL"));
        JsonNode first = p.read(Names.ROUTED).get(0);
        assertEquals(at(10), first.get("first_response_due").asText(), "seed 001: 10-minute first reply near renewal");
        assertTrue(first.get("reasons").toString().contains("DYNAMIC_SLA"), first.get("reasons").toString());

        // The renewal is signed: next renewal a year out. The target goes back to the tier's 15 minutes.
        p.account(account("acc-1", 600_000).put("renewal_date", "2027-02-05").put("updated_at", at(1)));
        List<JsonNode> rerouted = p.read(Names.ROUTED);
        assertEquals(1, rerouted.size());
        assertEquals(at(15), rerouted.get(0).get("first_response_due").asText());
        p.advance(Duration.ofMinutes(11));
        assertFalse(states(slaAll(), "FIRST_RESPONSE").contains("BREACHED"), "the 10-minute target no longer applies");
        p.advance(Duration.ofMinutes(5));
        assertTrue(states(slaAll(), "FIRST_RESPONSE").contains("BREACHED"));
    }
}
