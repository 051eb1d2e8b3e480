package io.viplane.simulate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.viplane.model.AgentLevel;
import io.viplane.model.Tier;
import io.viplane.sample.SampleCustomers;
import io.viplane.topology.RunnablePolicy;
import java.io.StringWriter;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Short simulations through the real topology, against outcomes known in advance: nobody at work, everybody
 * at work and instant; and the same seed twice.
 */
class SimulationTest {
    private static final RunnablePolicy POLICY = RunnablePolicy.load("white-glove");
    private static final LocalDate MONDAY = LocalDate.parse("2026-01-05");
    /** About 20 tickets a weekday, no outage, nobody writes back. */
    private static final Volume QUIET = new Volume(480, 0.3, Map.of("T1", 1.0, "T2", 1.0, "T3", 1.0),
            Map.of("NORMAL", 1.0, "HIGH", 1.0), 0.3, 0.0, 0.0, new Volume.Outages(0, 0, 0));
    private static final Roster.Spread ONE_MINUTE = new Roster.Spread(1, 1);

    private static Roster roundTheClock(int count, Roster.Spread solve) {
        return new Roster(new Roster.Work(ONE_MINUTE, solve, new Roster.Spread(16, 16)),
                List.of(new Roster.Group("all", List.of("TIER1_SENIOR", "L2_PLUS", "L1_TENURED", "GENERAL"), AgentLevel.L3,
                        count, 60, "UTC", LocalTime.MIDNIGHT, LocalTime.MIDNIGHT, "ALL")), List.of());
    }

    @Test
    void withNobodyAtWorkEveryT1FirstResponseBreachesAndNothingIsAnswered() {
        Month month = Month.of(roundTheClock(0, ONE_MINUTE), QUIET, 3, MONDAY, 1);
        Figures f = Simulation.run(POLICY, month, Ordering.VIPLANE, null);
        Figures.TierFigures t1 = f.tiers().get(Tier.T1);
        assertTrue(t1.tickets() > 0, "the day has T1 tickets");
        assertEquals(t1.tickets(), t1.breached(), "T1's clock runs 24/7: 15 minutes, then a breach, for every one");
        assertEquals(0, t1.met());
        assertEquals(month.arrivals().size(), f.unanswered());
        assertTrue(f.escalations().getOrDefault("UNASSIGNED", 0) >= t1.tickets(), "each VIP ticket unassigned: " + f.escalations());
        assertEquals(0, f.deadLetters());
    }

    @Test
    void withAmpleInstantStaffEveryFirstResponseIsMetWithinTwoMinutes() {
        Month month = Month.of(roundTheClock(30, new Roster.Spread(3, 3)), QUIET, 3, MONDAY, 1);
        for (Ordering o : Ordering.values()) {
            Figures f = Simulation.run(POLICY, month, o, null);
            for (Tier tier : Tier.values()) {
                Figures.TierFigures t = f.tiers().get(tier);
                assertEquals(0, t.breached(), o + " " + tier);
                assertEquals(t.tickets(), t.met(), o + " " + tier + ": every ticket answered in time");
                assertTrue(t.p90Minutes() <= 2, o + " " + tier + " p90 " + t.p90Minutes());
            }
            assertEquals(0, f.unanswered());
            assertEquals(0, f.escalations().getOrDefault("SLA_BREACH", 0), o.label);
            assertEquals(0, f.escalations().getOrDefault("UNASSIGNED", 0), o.label);
            assertEquals(0, f.interruptions(), "nobody waits, so nobody is interrupted");
            assertEquals(0, f.deadLetters());
        }
    }

    @Test
    void theSameSeedGivesTheSameMonthEventForEvent() {
        Roster shipped = SimFiles.read(null, "roster.yaml", Roster.class);
        Volume v = SimFiles.read(null, "volume.yaml", Volume.class);
        StringWriter first = new StringWriter();
        StringWriter second = new StringWriter();
        Figures a = Simulation.run(POLICY, Month.of(shipped, v, 11, MONDAY, 1), Ordering.VIPLANE, first);
        Figures b = Simulation.run(POLICY, Month.of(shipped, v, 11, MONDAY, 1), Ordering.VIPLANE, second);
        assertEquals(first.toString(), second.toString());
        assertEquals(ComparisonTable.format(List.of(a)), ComparisonTable.format(List.of(b)));
        long ticketEvents = first.toString().lines().filter(l -> l.startsWith("{\"topic\":\"support.tickets\"")).count();
        int tickets = Month.of(shipped, v, 11, MONDAY, 1).arrivals().size();
        assertTrue(ticketEvents >= 5L * tickets, "created, assigned, replied, solved, summary: " + ticketEvents + " for " + tickets);
    }

    @Test
    void aTicketAsksTheSameWorkUnderEveryOrdering() {
        Roster shipped = SimFiles.read(null, "roster.yaml", Roster.class);
        Month month = Month.of(shipped, SimFiles.read(null, "volume.yaml", Volume.class), 5, MONDAY, 1);
        StringWriter fifo = new StringWriter();
        StringWriter vipFirst = new StringWriter();
        Simulation.run(POLICY, month, Ordering.FIFO, fifo);
        Simulation.run(POLICY, month, Ordering.VIP_FIRST, vipFirst);
        Map<String, Long> a = workMinutes(fifo.toString());
        Map<String, Long> b = workMinutes(vipFirst.toString());
        assertEquals(month.arrivals().size(), a.size(), "every ticket solved");
        assertEquals(a, b, "assigned to solved, per ticket (neither baseline interrupts)");
    }

    /** Minutes from ASSIGNED to SOLVED per ticket, from replay lines. */
    private static Map<String, Long> workMinutes(String lines) {
        Map<String, java.time.Instant> assigned = new java.util.HashMap<>();
        Map<String, Long> out = new java.util.TreeMap<>();
        for (String l : lines.split("\n")) {
            var n = io.viplane.testing.Json.parse(l).path("value");
            String id = n.path("ticket_id").asText();
            String type = n.path("type").asText();
            if (type.equals("ASSIGNED")) {
                assigned.put(id, java.time.Instant.parse(n.path("occurred_at").asText()));
            } else if (type.equals("STATUS_CHANGED") && n.path("status").asText().equals("SOLVED")) {
                out.put(id, java.time.Duration.between(assigned.get(id), java.time.Instant.parse(n.path("occurred_at").asText())).toMinutes());
            }
        }
        return out;
    }

    @Test
    void aWaitingVipTicketInterruptsNonVipWorkWhichResumesAfterIt() {
        SampleCustomers crm = SampleCustomers.build(3, MONDAY);
        SampleCustomers.Customer standard = crm.customers().stream().filter(c -> c.tier() == Tier.STANDARD && !c.contactIds().isEmpty()).findFirst().orElseThrow();
        SampleCustomers.Customer t1 = crm.customers().stream().filter(c -> c.tier() == Tier.T1 && !c.contactIds().isEmpty()).findFirst().orElseThrow();
        java.time.Instant ten = java.time.Instant.parse("2026-01-05T10:00:00Z");
        List<Arrivals.Arrival> arrivals = List.of(
                new Arrivals.Arrival("sim-00001", standard, standard.contactIds().get(0), ten, "NORMAL", crm.opening(false), false),
                new Arrivals.Arrival("sim-00002", t1, t1.contactIds().get(0), ten.plusSeconds(600), "NORMAL", crm.opening(false), false));
        Roster solo = new Roster(new Roster.Work(ONE_MINUTE, new Roster.Spread(60, 60), new Roster.Spread(16, 16)),
                List.of(new Roster.Group("solo", List.of("TIER1_SENIOR", "GENERAL"), AgentLevel.L3, 1, 60, "UTC",
                        LocalTime.MIDNIGHT, LocalTime.MIDNIGHT, "ALL")), List.of());
        Month month = new Month(solo, arrivals, crm.crmLines(), MONDAY.atStartOfDay(java.time.ZoneOffset.UTC).toInstant(), 1, 3, 0);

        StringWriter events = new StringWriter();
        Figures viplane = Simulation.run(POLICY, month, Ordering.VIPLANE, events);
        assertEquals(1, viplane.interruptions());
        assertEquals(1, viplane.tiers().get(Tier.T1).met(), "taken at once, answered within a minute");
        assertEquals(0, viplane.tiers().get(Tier.T1).breached());
        assertEquals(1, viplane.tiers().get(Tier.STANDARD).met(), "its first reply came before the interruption");
        Map<String, Long> work = workMinutes(events.toString());
        assertEquals(60, work.get("sim-00002"), "the T1 ticket's own hour");
        assertEquals(120, work.get("sim-00001"), "10 minutes, the T1 hour, then its remaining 50");

        Figures fifo = Simulation.run(POLICY, month, Ordering.FIFO, null);
        assertEquals(0, fifo.interruptions());
        assertEquals(1, fifo.tiers().get(Tier.T1).breached(), "FIFO: the T1 ticket waits the standard ticket's hour");
    }
}
