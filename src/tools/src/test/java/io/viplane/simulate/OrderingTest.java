package io.viplane.simulate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.viplane.model.AgentLevel;
import io.viplane.model.Tier;
import io.viplane.policy.PolicyLoader;
import io.viplane.routing.agents.AgentPolicy;
import java.time.Instant;
import java.time.LocalTime;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Who takes which ticket, under the white-glove policy's pools and overflow and under the baselines. */
class OrderingTest {
    private static final AgentPolicy AGENTS = AgentPolicy.fromPolicy(PolicyLoader.load("white-glove").policy());
    private static final Instant T0 = Instant.parse("2026-01-05T12:00:00Z");

    private static Roster.Member agent(AgentLevel level, int tenureMonths, String... pools) {
        return new Roster.Member("a", new Roster.Group("g", List.of(pools), level, 1, tenureMonths, "UTC",
                LocalTime.MIDNIGHT, LocalTime.MIDNIGHT, "ALL"));
    }

    private static Ordering.Waiting ticket(String id, int minute, Tier tier, String queue, double score) {
        Ordering.Waiting w = new Ordering.Waiting(id, T0.plusSeconds(60L * minute));
        w.tier = tier;
        w.queue = queue;
        w.score = score;
        return w;
    }

    private static String pick(Ordering o, Roster.Member m, Ordering.Waiting... waiting) {
        return o.pick(m, List.of(waiting), AGENTS).map(w -> w.ticketId).orElse("none");
    }

    @Test
    void baselinesIgnorePoolsAndScores() {
        Roster.Member newHire = agent(AgentLevel.L1, 1, "GENERAL");
        Ordering.Waiting oldStandard = ticket("old-standard", 0, Tier.STANDARD, "GENERAL", 200);
        Ordering.Waiting newT1 = ticket("new-t1", 5, Tier.T1, "TIER1_SENIOR", 900);
        Ordering.Waiting olderT2 = ticket("older-t2", 3, Tier.T2, "L2_PLUS", 500);
        assertEquals("old-standard", pick(Ordering.FIFO, newHire, newT1, olderT2, oldStandard));
        assertEquals("new-t1", pick(Ordering.VIP_FIRST, newHire, olderT2, oldStandard, newT1));
        assertFalse(Ordering.FIFO.interrupts() || Ordering.VIP_FIRST.interrupts());
    }

    @Test
    void viplaneServesTheOwnPoolsByScoreThenHelpsWhereLevelAndTenureAllow() {
        Roster.Member l2 = agent(AgentLevel.L2, 36, "L2_PLUS");
        Ordering.Waiting t2low = ticket("t2-low", 0, Tier.T2, "L2_PLUS", 400);
        Ordering.Waiting t2high = ticket("t2-high", 9, Tier.T2, "L2_PLUS", 600);
        Ordering.Waiting t3 = ticket("t3", 0, Tier.T3, "L1_TENURED", 700);
        assertEquals("t2-high", pick(Ordering.VIPLANE, l2, t2low, t3, t2high), "own pool first, highest score");
        assertEquals("t3", pick(Ordering.VIPLANE, l2, t3), "an empty own queue: helps a pool whose rules it meets");
        Ordering.Waiting t1 = ticket("t1", 0, Tier.T1, "TIER1_SENIOR", 1000);
        assertEquals("t1", pick(Ordering.VIPLANE, l2, t2high, t1), "T1 overflow admits L2 and up (seed 000)");

        Roster.Member newHire = agent(AgentLevel.L1, 3, "GENERAL");
        assertEquals("none", pick(Ordering.VIPLANE, newHire, t3, t1),
                "T3 needs 6 months' tenure, T1 senior staff: a new L1 takes neither");
        Ordering.Waiting unrouted = ticket("unrouted", 0, null, null, 0);
        assertEquals("none", pick(Ordering.VIPLANE, newHire, unrouted), "no queue yet: nobody takes it by a queue");
        assertTrue(Ordering.VIPLANE.interrupts());
        assertTrue(Ordering.VIPLANE.ownQueue(l2, t1, AGENTS));
        assertFalse(Ordering.VIPLANE.ownQueue(l2, t3, AGENTS), "helping is not interrupting");
    }

    @Test
    void aPoolOpenToEveryoneOfItsLevelIsEveryEligibleAgentsOwnQueue() {
        AgentPolicy matrix = AgentPolicy.fromPolicy(PolicyLoader.load("escalation-matrix").policy());
        Roster.Member l1 = agent(AgentLevel.L1, 12, "GENERAL");
        Ordering.Waiting general = ticket("general", 0, Tier.STANDARD, "GENERAL", 100);
        Ordering.Waiting priority = ticket("priority", 5, Tier.T2, "PRIORITY", 500);
        Ordering.Waiting senior = ticket("senior", 0, Tier.T1, "SENIOR", 900);
        assertEquals("priority", Ordering.VIPLANE.pick(l1, List.of(general, priority), matrix).map(w -> w.ticketId).orElseThrow(),
                "PRIORITY is members_only: false, min L1: the higher score wins, not the agent's listed pool");
        assertTrue(Ordering.VIPLANE.ownQueue(l1, priority, matrix), "so its ticket may interrupt the agent");
        assertFalse(Ordering.VIPLANE.ownQueue(l1, senior, matrix), "SENIOR needs L3");
    }
}
