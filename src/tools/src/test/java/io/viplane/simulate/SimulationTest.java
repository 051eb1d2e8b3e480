package io.viplane.simulate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.viplane.model.AgentLevel;
import io.viplane.model.Tier;
import io.viplane.policy.PolicyLoader;
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
    private static final PolicyLoader.LoadedPolicy POLICY = PolicyLoader.load("white-glove");
    private static final LocalDate MONDAY = LocalDate.parse("2026-01-05");
    /** About 20 tickets a weekday, no outage, nobody writes back. */
    private static final Volume QUIET = new Volume(480, 0.3, Map.of("T1", 1.0, "T2", 1.0, "T3", 1.0),
            Map.of("NORMAL", 1.0, "HIGH", 1.0), 0.3, 0.0, 0.0, new Volume.Outages(0, 0, 0));
    private static final Roster.Spread ONE_MINUTE = new Roster.Spread(1, 1);

    private static Roster roundTheClock(int count, Roster.Spread solve) {
        return new Roster(new Roster.Work(ONE_MINUTE, solve, new Roster.Spread(16, 16)),
                List.of(new Roster.Group("all", List.of("TIER1_SENIOR", "L2_PLUS", "L1_TENURED", "GENERAL"), AgentLevel.L3,
                        count, 60, "UTC", LocalTime.MIDNIGHT, LocalTime.MIDNIGHT, "ALL")));
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
        assertTrue(first.toString().lines().count() > 5_000, "CRM, roster and the day's ticket events");
        assertTrue(first.toString().lines().noneMatch(l -> l.contains("\"assignee_id\":\"agt-")), "the simulated roster only");
    }
}
