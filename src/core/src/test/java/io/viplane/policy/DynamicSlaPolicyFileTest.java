package io.viplane.policy;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.viplane.model.PriorityLevel;
import io.viplane.model.Tier;
import io.viplane.model.TicketPriority;
import io.viplane.routing.Facts;
import io.viplane.routing.RoutingDecision;
import io.viplane.routing.agents.AgentPolicy;
import io.viplane.sla.PolicySlaTimes;
import java.io.InputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/** topology/policies/dynamic-sla.yaml reproduces seed 001 (shared/seeds/001_*), POLICY.md §3. */
class DynamicSlaPolicyFileTest {
    private static Policy policy;

    @BeforeAll
    static void load() {
        policy = PolicyLoader.load("dynamic-sla").policy();
    }

    @ParameterizedTest(name = "{0}, renewal in {1} days: {2} min")
    @CsvSource(delimiter = '|', textBlock = """
            # seed 001: "if a 'VIP' customer has a renewal coming up in 30 days, the system could set a first
            # reply target of 10 minutes instead of the usual 2 hours"
            T1       | 30 | 10
            T1       | 0  | 10
            T2       | 12 | 10
            T3       | 30 | 10
            # outside the 30 days, or unknown / past renewal: the tier's own target (seed 000's 15 / 30 / 60)
            T1       | 31 | 15
            T2       |    | 30
            T3       | 45 | 60
            T3       | -5 | 60
            # "VIP" only: a standard account renewing soon keeps seed 001's "2 hours" standard first reply
            STANDARD | 10 | 120
            """)
    void dynamicFirstResponse(Tier tier, Integer daysToRenewal, int minutes) {
        RoutingDecision d = Facts.decide(policy, Facts.fresh(tier, TicketPriority.NORMAL, daysToRenewal));
        assertEquals(minutes, d.firstResponseTargetMinutes());
        assertEquals(minutes == 10, d.reasons().stream().anyMatch(r -> r.startsWith("DYNAMIC_SLA vip-renewal-30d")),
                d.reasons().toString());
    }

    @ParameterizedTest(name = "{0}: first {1}, next {2}, max wait {3}")
    @CsvSource(delimiter = '|', textBlock = """
            # seed 001 table: "First Reply Time | 10 minutes | 2 hours", "Next Reply Time | 30 minutes | 4 hours",
            # "Requester Wait Time | 2 hours max | 8 hours max" (VIP first replies: the dynamic rule above)
            T1       | 15  | 30  | 120
            T2       | 30  | 30  | 120
            T3       | 60  | 30  | 120
            STANDARD | 120 | 240 | 480
            """)
    void metricTable(Tier tier, int firstResponse, int nextReply, int maxWait) {
        Entitlement e = policy.entitlement(tier);
        assertEquals(firstResponse, e.firstResponseMinutes());
        assertEquals(nextReply, e.nextReplyMinutes());
        assertEquals(maxWait, e.maxWaitMinutes());
    }

    @Test
    void aFrustratedStandardCustomerGetsTemporaryVipHandling() {
        // seed 001: "If a standard customer shows signs of growing frustration, AI can override standard SLA
        // rules"; "assign temporary VIP status"
        RoutingDecision d = Facts.decide(policy,
                Facts.fresh(Tier.STANDARD, TicketPriority.NORMAL, null).withSignals(null, null, true));
        assertEquals(PriorityLevel.P2, d.priority());
        assertTrue(d.temporaryVipHandling());
        assertTrue(d.reasons().contains("TEMPORARY_VIP_HANDLING: STANDARD customer frustrated; priority P3 -> P2"),
                d.reasons().toString());
        // P2 300 + STANDARD 0 + temporary VIP handling 200 (dynamic-sla's points)
        assertEquals(500, d.priorityScore());
    }

    @Test
    void fairnessIsForStandardCustomersOnly() {
        RoutingDecision d = Facts.decide(policy,
                Facts.fresh(Tier.T3, TicketPriority.NORMAL, null).withSignals(-0.9, null, true));
        assertEquals(PriorityLevel.P3, d.priority());
        assertFalse(d.temporaryVipHandling());
    }

    @ParameterizedTest
    @EnumSource(PriorityLevel.class)
    void seed001DefinesNoCsmNotification(PriorityLevel p) {
        for (Tier t : Tier.values()) {
            assertTrue(policy.entitlement(t).cell(p).notifyTargets().isEmpty(), t + " " + p);
        }
    }

    @Test
    void noRenewalScoreBoostTheDynamicSlaDoesThat() {
        assertTrue(policy.priorityScore().renewalBoosts().isEmpty());
    }

    @ParameterizedTest
    @ValueSource(strings = {"dynamic-sla", "escalation-matrix"})
    void theNewPoliciesShipInTheJarAndTheirCalendarsWork(String name) throws Exception {
        try (InputStream in = PolicyLoader.class.getResourceAsStream("/policies/" + name + ".yaml")) {
            assertNotNull(in, name + " is not bundled");
            assertEquals(name, PolicyLoader.parse(in, "policies/" + name + ".yaml").name());
        }
        PolicyLoader.LoadedPolicy p = PolicyLoader.load(name);
        assertDoesNotThrow(() -> PolicySlaTimes.validated(p.policy(), p.baseDir(), p.origin()));
    }

    @Test
    void agentsBind() {
        AgentPolicy agents = AgentPolicy.fromPolicy(policy);
        assertEquals(0.4, agents.vipShareCap());
        assertEquals(6, agents.pool("L1_TENURED").minTenureMonths());
    }
}
