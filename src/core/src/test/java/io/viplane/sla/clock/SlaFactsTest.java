package io.viplane.sla.clock;

import static io.viplane.sla.clock.Fixtures.at;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.viplane.model.PriorityLevel;
import io.viplane.model.SlaMetric;
import io.viplane.model.TicketEventType;
import io.viplane.model.TicketStatus;
import io.viplane.model.Tier;
import io.viplane.sla.SlaTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class SlaFactsTest {
    private record Ev(TicketEventType type, TicketStatus status, String at) {
    }

    private static final List<Ev> HISTORY = List.of(
            new Ev(TicketEventType.CREATED, TicketStatus.NEW, "10:00"),
            new Ev(TicketEventType.ASSIGNED, TicketStatus.OPEN, "10:02"),
            new Ev(TicketEventType.AGENT_REPLY, TicketStatus.OPEN, "10:05"),
            new Ev(TicketEventType.CUSTOMER_MESSAGE, TicketStatus.OPEN, "10:10"),
            new Ev(TicketEventType.STATUS_CHANGED, TicketStatus.PENDING, "10:12"),
            new Ev(TicketEventType.CUSTOMER_MESSAGE, TicketStatus.OPEN, "10:20"),
            new Ev(TicketEventType.AGENT_REPLY, TicketStatus.SOLVED, "10:30"));

    private static SlaFacts fold(List<Ev> events) {
        SlaFacts f = new SlaFacts();
        events.forEach(e -> f.apply(e.type(), e.status(), at(e.at())));
        return f;
    }

    @Test
    void foldsTheFactsTheClocksNeed() {
        SlaTicket t = fold(HISTORY).toTicket(Tier.T1, PriorityLevel.P2, 15);
        assertEquals(at("10:00"), t.createdAt());
        assertEquals(at("10:02"), t.firstAssignedAt());
        assertEquals(at("10:05"), t.firstAgentReplyAt());
        assertEquals(List.of(at("10:05"), at("10:30")), t.agentReplies());
        assertEquals(List.of(at("10:10"), at("10:20")), t.customerMessages());
        assertEquals(List.of(TicketStatus.NEW, TicketStatus.OPEN, TicketStatus.OPEN, TicketStatus.OPEN,
                TicketStatus.PENDING, TicketStatus.OPEN, TicketStatus.SOLVED),
                t.statusChanges().stream().map(StatusChange::status).toList());
    }

    @Test
    void anyArrivalOrderGivesTheSameClocks() {
        SlaClocks clocks = new SlaClocks(Fixtures.SLA);
        List<MetricClock> expected = clocks.evaluate(fold(HISTORY).toTicket(Tier.T1, PriorityLevel.P2, 15),
                SlaTime.AROUND_THE_CLOCK, at("12:00"));
        MetricClock next = expected.stream().filter(c -> c.metric() == SlaMetric.NEXT_REPLY).findFirst().orElseThrow();
        assertEquals(12, next.elapsedMinutes(), "10:10-10:12, then paused until the 10:20 message reopened it");
        Random random = new Random(7);
        for (int i = 0; i < 20; i++) {
            List<Ev> shuffled = new ArrayList<>(HISTORY);
            Collections.shuffle(shuffled, random);
            SlaFacts f = fold(shuffled);
            assertEquals(expected, clocks.evaluate(f.toTicket(Tier.T1, PriorityLevel.P2, 15), SlaTime.AROUND_THE_CLOCK,
                    at("12:00")), shuffled::toString);
        }
    }

    @Test
    void staysBoundedAndKeepsTheOldestUnansweredMessage() {
        SlaFacts f = new SlaFacts();
        f.apply(TicketEventType.CREATED, TicketStatus.NEW, at("10:00"));
        f.apply(TicketEventType.AGENT_REPLY, null, at("10:01"));
        Instant first = at("10:02");
        for (int i = 0; i < 100; i++) {
            Instant t = first.plus(Duration.ofMinutes(i));
            f.apply(TicketEventType.CUSTOMER_MESSAGE, i % 2 == 0 ? TicketStatus.OPEN : TicketStatus.PENDING, t);
        }
        assertEquals(SlaFacts.MAX_ENTRIES, f.customerMessages.size());
        assertEquals(SlaFacts.MAX_ENTRIES, f.statusChanges.size());
        assertEquals(first, f.customerMessages.get(0), "the start of the unanswered run survives the trimming");
        assertEquals(first.plus(Duration.ofMinutes(99)), f.statusChanges.get(SlaFacts.MAX_ENTRIES - 1).at());
        MetricClock next = new SlaClocks(Fixtures.SLA).evaluate(f.toTicket(Tier.T1, PriorityLevel.P3, 15),
                SlaTime.AROUND_THE_CLOCK, at("12:00")).stream().filter(c -> c.metric() == SlaMetric.NEXT_REPLY)
                .findFirst().orElseThrow();
        assertEquals(first, next.cycleStart());
    }

    @Test
    void survivesCborRoundTrip() {
        SlaFacts f = fold(HISTORY);
        SlaFacts back = Fixtures.cbor(f, SlaFacts.class);
        assertEquals(f.toTicket(Tier.T2, PriorityLevel.P1, 30), back.toTicket(Tier.T2, PriorityLevel.P1, 30));
        assertTrue(back.createdSeen);
    }
}
