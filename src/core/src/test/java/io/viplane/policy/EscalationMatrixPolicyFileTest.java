package io.viplane.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.viplane.classification.TierClassifier;
import io.viplane.model.Account;
import io.viplane.model.AgentLevel;
import io.viplane.model.Badge;
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

/** topology/policies/escalation-matrix.yaml reproduces seed 002 (shared/seeds/002_*), POLICY.md §4. */
class EscalationMatrixPolicyFileTest {
    private static Policy policy;

    @BeforeAll
    static void load() {
        policy = PolicyLoader.load("escalation-matrix").policy();
    }

    @ParameterizedTest(name = "ARR {0}: {1}")
    @CsvSource(delimiter = '|', textBlock = """
            # seed 002: "Enterprise: $100K+ ARR" -> T1, "Mid-Market: $10K-$100K ARR" -> T2, "SMB: Under $10K ARR" -> STANDARD
            2000000   | T1       | PLATINUM
            100000    | T1       | PLATINUM
            99999.99  | T2       | GOLD
            10000     | T2       | GOLD
            9999.99   | STANDARD |
            0         | STANDARD |
            """)
    void tiersByArr(double arr, Tier tier, Badge badge) {
        Account a = Account.newBuilder().setAccountId("acc-1").setName("n").setArr(arr).build();
        var d = new TierClassifier(policy).classify(a, null);
        assertEquals(tier, d.tier());
        assertEquals(badge, d.badge());
    }

    // tier | help desk | P | queue | agent level | notify | first response (minutes)
    @ParameterizedTest(name = "{0} {1}: {3}, {4}+, notify [{5}], {6} min")
    @CsvSource(delimiter = '|', textBlock = """
            # seed 002 "Tier 1 (Enterprise VIP): P1-P2 issues go directly to senior agent + immediate CSM notification"
            # and "Triggers proactive CSM alerts when a VIP submits any P2+ issue"
            T1       | URGENT | P1 | SENIOR     | L3 | CSM       | 15
            T1       | HIGH   | P2 | SENIOR     | L3 | CSM       | 15
            # "P3-P4 go to dedicated enterprise queue with 30-minute SLA"
            T1       | NORMAL | P3 | ENTERPRISE | L2 |           | 30
            T1       | LOW    | P4 | ENTERPRISE | L2 |           | 30
            # "Tier 2 (Growth accounts): P1 gets immediate escalation. P2-P4 get priority queue placement."
            T2       | URGENT | P1 | SENIOR     | L2 | TEAM_LEAD | 30
            T2       | HIGH   | P2 | PRIORITY   | L1 |           | 60
            T2       | NORMAL | P3 | PRIORITY   | L1 |           | 60
            T2       | LOW    | P4 | PRIORITY   | L1 |           | 60
            # SMB: "Average VIP first-response time: 12 minutes (vs. 2 hours for standard)"; not a VIP: no CSM alert
            STANDARD | URGENT | P1 | GENERAL    | L1 |           | 120
            STANDARD | HIGH   | P2 | GENERAL    | L1 |           | 120
            STANDARD | NORMAL | P3 | GENERAL    | L1 |           | 120
            STANDARD | LOW    | P4 | GENERAL    | L1 |           | 120
            """)
    void matrixCell(Tier tier, TicketPriority helpDesk, PriorityLevel p, String queue, AgentLevel level,
                    String notify, int firstResponse) {
        MatrixCells.assertCell(policy, tier, helpDesk, p, queue, level, notify, firstResponse);
    }

    // tier | help desk | days to renewal | P | priority_score (fresh ticket: severity + tier + boost) | queue
    @ParameterizedTest(name = "{0} {1}, renewal in {2} days: {3}, score {4}, {5}")
    @CsvSource(delimiter = '|', textBlock = """
            # seed 002 "Any account within 60 days of renewal gets automatic priority boost regardless of issue
            # severity": one level up and 200 points (P2 300 + 0 + 200)
            STANDARD | NORMAL | 60 | P2 | 500 | GENERAL
            STANDARD | NORMAL | 1  | P2 | 500 | GENERAL
            STANDARD | LOW    | 30 | P3 | 400 | GENERAL
            # "accounts within 90 days of renewal get priority boost"; POLICY.md §4 "within 90 days, a smaller
            # boost": 100 points, same level (P3 200 + 100)
            STANDARD | NORMAL | 61 | P3 | 300 | GENERAL
            STANDARD | NORMAL | 90 | P3 | 300 | GENERAL
            # beyond 90 days, unknown or past renewal: nothing
            STANDARD | NORMAL | 91 | P3 | 200 | GENERAL
            STANDARD | NORMAL |    | P3 | 200 | GENERAL
            T2       | NORMAL | -1 | P3 | 400 | PRIORITY
            # the boost moves an Enterprise P3 into the P2 cell: senior agent + CSM (P2 300 + T1 300 + 200)
            T1       | NORMAL | 45 | P2 | 800 | SENIOR
            # already P1: the level cannot rise, the points still count (400 + 300 + 200)
            T1       | URGENT | 10 | P1 | 900 | SENIOR
            """)
    void renewalBoosts(Tier tier, TicketPriority helpDesk, Integer days, PriorityLevel p, double score, String queue) {
        RoutingDecision d = Facts.decide(policy, Facts.fresh(tier, helpDesk, days));
        assertEquals(p, d.priority());
        assertEquals(score, d.priorityScore());
        assertEquals(queue, d.queue());
    }

    @Test
    void aBoostedEnterpriseTicketAlertsTheCsm() {
        RoutingDecision d = Facts.decide(policy, Facts.fresh(Tier.T1, TicketPriority.NORMAL, 45));
        assertEquals(java.util.List.of(EscalationTarget.CSM), d.notifyTargets());
        assertTrue(d.reasons().contains("PRIORITY_P2: raised from P3, renewal in 45 days (<= 60)"), d.reasons().toString());
        assertTrue(d.reasons().contains("NOTIFY CSM: T1 P2 cell"), d.reasons().toString());
    }

    @ParameterizedTest(name = "{0}: {1} within {2} min")
    @CsvSource(delimiter = '|', textBlock = """
            # seed 002 names no ladder; our choice, documented in the policy file
            T1       | SUPPORT_MANAGER | 30
            T2       | TEAM_LEAD       | 60
            STANDARD | TEAM_LEAD       | 120
            """)
    void ladder(Tier tier, EscalationTarget target, int minutes) {
        assertEquals(new Ladder(target, minutes), policy.entitlement(tier).ladder());
    }

    @Test
    void enterpriseClockRunsAroundTheClock() {
        // seed 002's story: a $380K account's P3 "sat in the general queue all weekend"
        assertTrue(policy.entitlement(Tier.T1).runsAroundTheClock());
    }

    @Test
    void executivesGoToTheMostSeniorAgent() {
        // seed 002 "Immediate routing to most senior available agent"
        AgentPolicy agents = AgentPolicy.fromPolicy(policy);
        assertTrue(agents.mostSeniorForExecutiveContacts());
        assertEquals(AgentLevel.L3, agents.pool("SENIOR").minLevel());
        assertEquals(new AgentPolicy.OverflowRule(AgentLevel.L2), agents.overflowFor(Tier.T1));
    }
}
