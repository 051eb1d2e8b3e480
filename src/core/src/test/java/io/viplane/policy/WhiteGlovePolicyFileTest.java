package io.viplane.policy;

import static io.viplane.policy.MatrixCells.targets;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.viplane.model.AgentLevel;
import io.viplane.model.EscalationTarget;
import io.viplane.model.PriorityLevel;
import io.viplane.model.Tier;
import io.viplane.model.TicketPriority;
import io.viplane.routing.Facts;
import io.viplane.routing.RoutingDecision;
import io.viplane.routing.agents.AgentPolicy;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * topology/policies/white-glove.yaml reproduces seed 000 (shared/seeds/000_*) and the matrix rules
 * the issue asks of the default: every tier x priority cell, the ladder, the load rules.
 */
class WhiteGlovePolicyFileTest {
    private static Policy policy;

    @BeforeAll
    static void load() {
        policy = PolicyLoader.load("white-glove").policy();
    }

    // tier | help desk | P | queue | agent level | notify | first response (minutes)
    @ParameterizedTest(name = "{0} {1}: {3}, {4}+, notify [{5}], {6} min")
    @CsvSource(delimiter = '|', textBlock = """
            # seed 000 T1: "15-minute first response SLA (24/7)", "Dedicated senior agent pool (top 5 agents)";
            # seed 002: "Triggers proactive CSM alerts when a VIP submits any P2+ issue" (P1 and P2)
            T1       | URGENT | P1 | TIER1_SENIOR | L2 | CSM | 15
            T1       | HIGH   | P2 | TIER1_SENIOR | L2 | CSM | 15
            T1       | NORMAL | P3 | TIER1_SENIOR | L2 |     | 15
            T1       | LOW    | P4 | TIER1_SENIOR | L2 |     | 15
            # seed 000 T2: "30-minute first response SLA (business hours)", "Senior agent assignment (L2+)"
            T2       | URGENT | P1 | L2_PLUS      | L2 | CSM | 30
            T2       | HIGH   | P2 | L2_PLUS      | L2 | CSM | 30
            T2       | NORMAL | P3 | L2_PLUS      | L2 |     | 30
            T2       | LOW    | P4 | L2_PLUS      | L2 |     | 30
            # seed 000 T3: "1-hour first response SLA (business hours)", "Experienced agent assignment (L1+ with 6+ months tenure)"
            T3       | URGENT | P1 | L1_TENURED   | L1 | CSM | 60
            T3       | HIGH   | P2 | L1_TENURED   | L1 | CSM | 60
            T3       | NORMAL | P3 | L1_TENURED   | L1 |     | 60
            T3       | LOW    | P4 | L1_TENURED   | L1 |     | 60
            # POLICY.md §2 "STANDARD | 120 min | business hours | GENERAL"; not a VIP, so no CSM alert
            STANDARD | URGENT | P1 | GENERAL      | L1 |     | 120
            STANDARD | HIGH   | P2 | GENERAL      | L1 |     | 120
            STANDARD | NORMAL | P3 | GENERAL      | L1 |     | 120
            STANDARD | LOW    | P4 | GENERAL      | L1 |     | 120
            """)
    void matrixCell(Tier tier, TicketPriority helpDesk, PriorityLevel p, String queue, AgentLevel level,
                    String notify, int firstResponse) {
        RoutingDecision d = MatrixCells.assertCell(policy, tier, helpDesk, p, queue, level, notify, firstResponse);
        // white-glove also promises the due time and a stated reason for every CSM alert
        assertEquals(!targets(notify).isEmpty(), d.reasons().stream().anyMatch(r -> r.startsWith("NOTIFY CSM")));
    }

    @ParameterizedTest(name = "{0}: {1} within {2} min")
    @CsvSource(delimiter = '|', textBlock = """
            # seed 000 "ESCALATION PROTOCOL": "Tier 1: Direct to Support VP (phone call within 15 min)",
            # "Tier 2: Direct to Support Manager (phone call within 30 min)", "Tier 3: Direct to Team Lead (... 1 hour)";
            # STANDARD: POLICY.md §2 "TEAM_LEAD"
            T1       | SUPPORT_VP      | 15
            T2       | SUPPORT_MANAGER | 30
            T3       | TEAM_LEAD       | 60
            STANDARD | TEAM_LEAD       | 120
            """)
    void ladder(Tier tier, EscalationTarget target, int minutes) {
        assertEquals(new Ladder(target, minutes), policy.entitlement(tier).ladder());
    }

    @Test
    void seed000HasNoRenewalBoostNorDynamicSla() {
        // seed 000 says nothing about renewal dates: a T2 renewing tomorrow keeps P3 and 30 minutes.
        RoutingDecision d = Facts.decide(policy, Facts.fresh(Tier.T2, TicketPriority.NORMAL, 1));
        assertEquals(PriorityLevel.P3, d.priority());
        assertEquals(30, d.firstResponseTargetMinutes());
        assertTrue(policy.priorityScore().renewalBoosts().isEmpty());
        assertTrue(policy.slaOverrides().isEmpty());
    }

    @Test
    void loadRules() {
        AgentPolicy agents = AgentPolicy.fromPolicy(policy);
        assertEquals(0.4, agents.vipShareCap());                              // "max 40% VIP"
        assertEquals(new AgentPolicy.OverflowRule(AgentLevel.L2), agents.overflowFor(Tier.T1)); // "any available senior agent"
        assertNull(agents.overflowFor(Tier.T2));
        assertEquals(6, agents.pool("L1_TENURED").minTenureMonths());         // "6+ months tenure"
        assertEquals(AgentLevel.L2, agents.pool("L2_PLUS").minLevel());        // "(L2+)"
        assertTrue(agents.continuity());
        assertFalse(agents.mostSeniorForExecutiveContacts());
        assertFalse(agents.assignableLevels().contains(AgentLevel.MANAGER));
    }
}
