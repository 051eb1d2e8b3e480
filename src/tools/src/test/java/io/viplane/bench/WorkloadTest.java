package io.viplane.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.viplane.codec.Codecs;
import io.viplane.model.TicketEvent;
import io.viplane.model.TicketEventType;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class WorkloadTest {
    private static final List<Workload.Requester> REQUESTERS = List.of(
            new Workload.Requester("A1", "C1"), new Workload.Requester("A1", "C2"), new Workload.Requester("A2", "C3"));

    @Test
    void followUpsOnlyTouchTicketsCreatedBeforeThemBySameRequester() {
        List<Workload.Planned> events = Workload.generate(1, 5_000, REQUESTERS, Workload.Mix.DEFAULT, "x-");
        assertEquals(5_000, events.size());
        assertEquals(TicketEventType.CREATED, events.get(0).type());
        Map<String, Workload.Requester> created = new HashMap<>();
        Set<String> eventIds = new HashSet<>();
        for (Workload.Planned e : events) {
            assertTrue(eventIds.add(e.eventId()), "event ids are unique");
            if (e.isCreated()) {
                assertEquals(null, created.put(e.ticketId(), e.requester()), "a ticket is created once");
                assertNotNull(e.priority());
            } else {
                assertEquals(created.get(e.ticketId()), e.requester(), e.eventId());
                assertEquals(null, e.priority());
            }
        }
        assertEquals(created.size(), Workload.createdCount(events));
    }

    @Test
    void mixFollowsTheShares() {
        List<Workload.Planned> events = Workload.generate(2, 20_000, REQUESTERS, Workload.Mix.DEFAULT, "x-");
        Map<TicketEventType, Integer> counts = new HashMap<>();
        events.forEach(e -> counts.merge(e.type(), 1, Integer::sum));
        // 40 / 35 / 25 %: the binomial standard deviation at n = 20,000 is ~0.35 %, so 1.5 % is > 4 sigma.
        assertEquals(0.40, counts.get(TicketEventType.CREATED) / 20_000.0, 0.015);
        assertEquals(0.35, counts.get(TicketEventType.CUSTOMER_MESSAGE) / 20_000.0, 0.015);
        assertEquals(0.25, counts.get(TicketEventType.AGENT_REPLY) / 20_000.0, 0.015);
    }

    @Test
    void sameSeedSamePlanDifferentSeedDifferentPlan() {
        assertEquals(Workload.generate(3, 500, REQUESTERS, Workload.Mix.DEFAULT, "x-"),
                Workload.generate(3, 500, REQUESTERS, Workload.Mix.DEFAULT, "x-"));
        assertNotEquals(Workload.generate(3, 500, REQUESTERS, Workload.Mix.DEFAULT, "x-"),
                Workload.generate(4, 500, REQUESTERS, Workload.Mix.DEFAULT, "x-"));
    }

    @Test
    void eventIsAValidContractRecordHappeningWhenSent() {
        Workload.Planned p = Workload.generate(5, 1, REQUESTERS, Workload.Mix.DEFAULT, "x-").get(0);
        Instant at = Instant.parse("2026-03-01T10:15:30.123Z");
        TicketEvent back = Codecs.json(TicketEvent.class).decode(p.toJson(at));
        assertEquals(at, back.getOccurredAt());
        assertEquals(p.eventId(), back.getEventId());
        assertEquals(p.ticketId(), back.getTicketId());
        assertEquals(p.requester().accountId(), back.getAccountId());
        assertEquals(TicketEventType.CREATED, back.getType());
    }

    @Test
    void mixMustAddUpToHundredWithSomeCreated() {
        assertThrows(IllegalArgumentException.class, () -> new Workload.Mix(40, 40, 40));
        assertThrows(IllegalArgumentException.class, () -> new Workload.Mix(0, 50, 50));
    }
}
