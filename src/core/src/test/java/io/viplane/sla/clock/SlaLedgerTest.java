package io.viplane.sla.clock;

import static io.viplane.sla.clock.Fixtures.SLA;
import static io.viplane.sla.clock.Fixtures.at;
import static io.viplane.sla.clock.Fixtures.ticket;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.viplane.model.SlaMetric;
import io.viplane.model.SlaState;
import io.viplane.model.TicketStatus;
import io.viplane.model.Tier;
import io.viplane.sla.SlaTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SlaLedgerTest {
    private static final SlaTime H24 = SlaTime.AROUND_THE_CLOCK;

    /** Evaluates and updates, keeping only one metric's transitions. */
    private static List<SlaTransition> step(SlaClocks clocks, SlaLedger ledger, SlaTicket t, Instant now, SlaMetric metric) {
        return ledger.update(clocks.evaluate(t, H24, now), now).stream().filter(x -> x.metric() == metric).toList();
    }

    private static List<SlaTransition> step(SlaLedger ledger, SlaTicket t, Instant now) {
        return step(new SlaClocks(SLA), ledger, t, now, SlaMetric.FIRST_RESPONSE);
    }

    private static List<SlaState> states(List<SlaTransition> ts) {
        return ts.stream().map(SlaTransition::state).toList();
    }

    @Test
    void startedThenWarningAt75PercentThenBreachExactlyOnce() {
        SlaLedger ledger = new SlaLedger();
        SlaTicket t = ticket(Tier.T1, "10:00").build();

        assertEquals(List.of(SlaState.STARTED), states(step(ledger, t, at("10:11"))));
        assertEquals(at("10:12"), ledger.nextWakeUp());

        List<SlaTransition> warn = step(ledger, t, at("10:12"));
        assertEquals(List.of(SlaState.WARNING), states(warn));
        assertEquals(at("10:12"), warn.get(0).occurredAt());
        assertEquals(12, warn.get(0).elapsedMinutes());
        assertEquals(0.75, warn.get(0).warningFraction());
        assertEquals(at("10:15"), ledger.nextWakeUp());

        List<SlaTransition> breach = step(ledger, t, at("10:17"));
        assertEquals(List.of(SlaState.BREACHED), states(breach));
        assertEquals(at("10:15"), breach.get(0).occurredAt(), "the due instant, not the moment it was noticed");
        assertEquals(15, breach.get(0).elapsedMinutes());
        assertEquals(15, breach.get(0).targetMinutes());
        assertNull(ledger.nextWakeUp());

        for (int m = 18; m < 60; m++) {
            assertTrue(step(ledger, t, at("10:" + m)).isEmpty());
        }
    }

    @Test
    void breachIsNotRepeatedAfterARestartAndALateReplyIsMetWithItsTrueTime() {
        SlaLedger ledger = new SlaLedger();
        step(ledger, ticket(Tier.T1, "10:00").build(), at("10:11"));
        assertEquals(List.of(SlaState.WARNING, SlaState.BREACHED),
                states(step(ledger, ticket(Tier.T1, "10:00").build(), at("10:20"))));

        SlaLedger restored = Fixtures.cbor(ledger, SlaLedger.class);
        assertTrue(step(restored, ticket(Tier.T1, "10:00").build(), at("10:40")).isEmpty());

        // The reply happened at 10:14, in time, but reached the pipeline after the breach was published.
        List<SlaTransition> late = step(restored, ticket(Tier.T1, "10:00").reply("10:14").build(), at("10:41"));
        assertEquals(List.of(SlaState.MET), states(late));
        assertEquals(at("10:14"), late.get(0).occurredAt());
        assertEquals(14, late.get(0).elapsedMinutes());
        assertTrue(late.get(0).afterBreach(), "counts as breached: the breach stands");
        assertTrue(step(restored, ticket(Tier.T1, "10:00").reply("10:14").build(), at("11:00")).isEmpty());
    }

    @Test
    void firstSeenLateStillPublishesEveryStepInEventTimeOrder() {
        SlaLedger ledger = new SlaLedger();
        List<SlaTransition> ts = step(ledger, ticket(Tier.T1, "10:00").reply("10:20").build(), at("10:30"));
        assertEquals(List.of(SlaState.STARTED, SlaState.WARNING, SlaState.BREACHED, SlaState.MET), states(ts));
        assertEquals(List.of(at("10:00"), at("10:12"), at("10:15"), at("10:20")),
                ts.stream().map(SlaTransition::occurredAt).toList());
        assertEquals(20, ts.get(3).elapsedMinutes());
    }

    @Test
    void metInTimePublishesNoWarningOrBreach() {
        SlaLedger ledger = new SlaLedger();
        step(ledger, ticket(Tier.T1, "10:00").build(), at("10:01"));
        List<SlaTransition> ts = step(ledger, ticket(Tier.T1, "10:00").reply("10:15").build(), at("10:30"));
        assertEquals(List.of(SlaState.WARNING, SlaState.MET), states(ts),
                "the warning was reached at 10:12 while open; a reply at exactly the due time is in time");
        assertFalse(ts.get(1).afterBreach());
    }

    @Test
    void policyMaySuppressMetAfterBreach() {
        var sla = Fixtures.shippedSla();
        sla.put("met_after_breach", "SUPPRESS");
        SlaClocks clocks = new SlaClocks(SlaPolicy.fromPolicy(Fixtures.withSlaNode(sla)));
        SlaLedger ledger = new SlaLedger();
        step(clocks, ledger, ticket(Tier.T1, "10:00").build(), at("10:20"), SlaMetric.FIRST_RESPONSE);
        assertTrue(step(clocks, ledger, ticket(Tier.T1, "10:00").reply("10:25").build(), at("10:30"),
                SlaMetric.FIRST_RESPONSE).isEmpty());
    }

    @Test
    void pausedAndResumedOncePerPause() {
        SlaLedger ledger = new SlaLedger();
        SlaTicket t = ticket(Tier.T1, "10:00").status("10:05", TicketStatus.PENDING).build();
        assertEquals(List.of(SlaState.STARTED, SlaState.PAUSED), states(step(ledger, t, at("10:06"))));
        assertNull(ledger.nextWakeUp(), "a paused clock has nothing to wake up for");
        assertTrue(step(ledger, t, at("10:20")).isEmpty());

        SlaTicket resumed = ticket(Tier.T1, "10:00").status("10:05", TicketStatus.PENDING)
                .status("10:25", TicketStatus.OPEN).build();
        List<SlaTransition> ts = step(ledger, resumed, at("10:26"));
        assertEquals(List.of(SlaState.RESUMED), states(ts));
        assertEquals(at("10:25"), ts.get(0).occurredAt());
        assertEquals(5, ts.get(0).elapsedMinutes());
        assertEquals(at("10:35"), ts.get(0).dueAt());
        assertEquals(at("10:32"), ledger.nextWakeUp());
        assertTrue(step(ledger, resumed, at("10:27")).isEmpty());
    }

    @Test
    void targetChangeMovesTheDueTimeWithoutANewStart() {
        SlaLedger ledger = new SlaLedger();
        assertEquals(List.of(SlaState.STARTED), states(step(ledger, ticket(Tier.T1, "10:00").build(), at("10:01"))));
        assertEquals(at("10:04"), ledger.nextWakeUp(), "the earliest of all clocks: ASSIGNMENT warns at 75% of 5 min");

        // Renewal within 30 days: the routing rules tighten the target to 10 minutes.
        SlaTicket tighter = ticket(Tier.T1, "10:00").frTarget(10).build();
        List<SlaTransition> ts = step(ledger, tighter, at("10:08"));
        assertEquals(List.of(SlaState.WARNING), states(ts), "75% of 10 min = 7.5 -> 8 min, already passed");
        assertEquals(at("10:08"), ts.get(0).occurredAt());
        assertEquals(at("10:10"), ts.get(0).dueAt());
        assertEquals(at("10:10"), ledger.nextWakeUp());
        assertEquals(List.of(SlaState.BREACHED), states(step(ledger, tighter, at("10:10"))));
    }

    @Test
    void replayAtAnyCadenceGivesTheSameEvents() {
        SlaTicket t = ticket(Tier.T1, "10:00").message("10:01").reply("10:20").message("10:25")
                .status("10:30", TicketStatus.PENDING).status("10:40", TicketStatus.OPEN).reply("11:30").build();
        SlaClocks clocks = new SlaClocks(SLA);
        SlaLedger everyMinute = new SlaLedger();
        List<SlaTransition> fine = new ArrayList<>();
        for (Instant now = at("10:00"); !now.isAfter(at("12:00")); now = now.plus(Duration.ofMinutes(1))) {
            fine.addAll(everyMinute.update(clocks.evaluate(t, H24, now), now));
        }
        SlaLedger once = new SlaLedger();
        List<SlaTransition> coarse = once.update(clocks.evaluate(t, H24, at("12:00")), at("12:00"));

        // due_at of a published event is "as known then"; every other field is identical.
        assertEquals(withoutDue(coarse), withoutDue(fine.stream()
                .sorted(java.util.Comparator.comparing(SlaTransition::occurredAt)).toList()));
        // NEXT_REPLY: 10:25 + 30 min + 10 min pause = 11:05 due; the 11:30 reply is late.
        assertEquals(List.of(SlaState.STARTED, SlaState.PAUSED, SlaState.RESUMED, SlaState.WARNING,
                SlaState.BREACHED, SlaState.MET), states(coarse.stream().filter(x -> x.metric() == SlaMetric.NEXT_REPLY).toList()));
    }

    private static List<String> withoutDue(List<SlaTransition> ts) {
        return ts.stream().map(x -> x.metric() + " " + x.cycleStart() + " " + x.state() + " " + x.occurredAt() + " "
                + x.elapsedMinutes() + " " + x.targetMinutes() + " " + x.warningFraction() + " " + x.afterBreach()).toList();
    }

    @Test
    void ledgerIsBoundedAndTrimmedCyclesAreNotAnnouncedAgain() {
        Fixtures.Ticket b = ticket(Tier.T1, "10:00").reply("10:01");
        for (int i = 0; i < 20; i++) {
            b.message(String.format("%02d:%02d", 11 + i / 6, (i % 6) * 10)).reply(String.format("%02d:%02d", 11 + i / 6, (i % 6) * 10 + 5));
        }
        SlaTicket t = b.build();
        SlaClocks clocks = new SlaClocks(SLA);
        SlaLedger ledger = new SlaLedger();
        List<SlaTransition> first = step(clocks, ledger, t, at("15:00"), SlaMetric.NEXT_REPLY);
        assertEquals(40, first.size(), "20 cycles, each STARTED and MET");
        assertTrue(ledger.cycles.stream().filter(c -> c.metric == SlaMetric.NEXT_REPLY).count()
                <= SlaLedger.MAX_CYCLES_PER_METRIC);
        assertTrue(step(clocks, Fixtures.cbor(ledger, SlaLedger.class), t, at("15:01"), SlaMetric.NEXT_REPLY).isEmpty());
        assertTrue(step(clocks, ledger, t, at("15:02"), SlaMetric.NEXT_REPLY).isEmpty());
    }

    @Test
    void survivesCborRoundTrip() {
        SlaLedger ledger = new SlaLedger();
        SlaTicket t = ticket(Tier.T1, "10:00").status("10:05", TicketStatus.PENDING).build();
        step(ledger, t, at("10:06"));
        SlaLedger back = Fixtures.cbor(ledger, SlaLedger.class);
        assertEquals(ledger.cycles.size(), back.cycles.size());
        SlaLedger.Cycle c = back.cycles.stream().filter(x -> x.metric == SlaMetric.FIRST_RESPONSE).findFirst().orElseThrow();
        assertEquals(at("10:00"), c.start);
        assertTrue(c.started);
        assertEquals(at("10:05"), c.pausedUpTo);
        assertTrue(step(back, t, at("10:07")).isEmpty());
    }
}
