package io.viplane.routing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.viplane.classification.TierDecision;
import io.viplane.model.PriorityLevel;
import io.viplane.model.RiskLevel;
import io.viplane.model.Tier;
import io.viplane.model.TicketPriority;
import io.viplane.policy.Policy;
import io.viplane.policy.PolicyLoader;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * priority_score terms with the white-glove points: severity P1-P4 400/300/200/100, tier T1-T3
 * 300/200/100, executive 100, negative sentiment up to 150, churn risk 0/50/100/200, temporary
 * VIP handling 150 and one level, waiting up to 300 over the tier's max wait (VIP 120, standard 480 min).
 */
class RoutingDeciderScoreTest {
    private static Policy policy;

    @BeforeAll
    static void load() {
        policy = PolicyLoader.load("white-glove").policy();
    }

    private static TicketFacts waited(Tier tier, TicketPriority p, boolean executive, long minutes) {
        return new TicketFacts(new TierDecision(tier, null, List.of()), p, executive, null, Facts.CREATED, null, null,
                false, Facts.CREATED.plusSeconds(60 * minutes));
    }

    @Test
    void everyDecisionNamesThePolicyVersionThatMadeIt() {
        RoutingDecision d = Facts.decide(policy, waited(Tier.T1, TicketPriority.NORMAL, false, 1));
        assertEquals("POLICY white-glove " + policy.document().version(), d.reasons().get(d.reasons().size() - 1));
    }

    @Test
    void everyTermIsAddedAndExplained() {
        TicketFacts f = waited(Tier.T2, TicketPriority.HIGH, true, 60).withSignals(-0.5, RiskLevel.HIGH, false);
        RoutingDecision d = Facts.decide(policy, f);
        // 300 (P2) + 200 (T2) + 100 (executive) + 75 (150 x 0.5) + 100 (HIGH) + 150 (300 x 60/120)
        assertEquals(925, d.priorityScore());
        assertEquals(List.of("SCORE +300: severity P2", "SCORE +200: tier T2", "SCORE +100: executive contact",
                        "SCORE +75: negative sentiment -0.50", "SCORE +100: churn risk HIGH",
                        "SCORE +150: waiting 60 of 120 min max wait"),
                d.reasons().stream().filter(r -> r.startsWith("SCORE")).toList());
    }

    @ParameterizedTest(name = "sentiment {0}: +{1}")
    @CsvSource(textBlock = """
            -1.0, 150
            -0.2, 30
            0.0,  0
            0.8,  0
            """)
    void onlyNegativeSentimentAddsPoints(double sentiment, double points) {
        RoutingDecision d = Facts.decide(policy, Facts.fresh(Tier.T3, TicketPriority.LOW, null)
                .withSignals(sentiment, null, false));
        assertEquals(100 + 100 + points, d.priorityScore()); // P4 + T3 + sentiment
        assertEquals(points > 0, d.reasons().stream().anyMatch(r -> r.contains("negative sentiment")));
    }

    @ParameterizedTest(name = "churn risk {0}: +{1}")
    @CsvSource(textBlock = """
            LOW,      0
            MEDIUM,   50
            HIGH,     100
            CRITICAL, 200
            ,         0
            """)
    void churnRisk(RiskLevel risk, double points) {
        RoutingDecision d = Facts.decide(policy, Facts.fresh(Tier.T1, TicketPriority.NORMAL, null)
                .withSignals(null, risk, false));
        assertEquals(200 + 300 + points, d.priorityScore());
    }

    @Test
    void anExtremelyNegativeStandardCustomerGetsTemporaryVipHandling() {
        RoutingDecision d = Facts.decide(policy, Facts.fresh(Tier.STANDARD, TicketPriority.NORMAL, null)
                .withSignals(-0.7, null, false));
        assertEquals(PriorityLevel.P2, d.priority());
        assertTrue(d.temporaryVipHandling());
        assertTrue(d.reasons().contains(
                "TEMPORARY_VIP_HANDLING: STANDARD customer sentiment -0.70 <= -0.6; priority P3 -> P2"), d.reasons().toString());
        assertTrue(d.reasons().contains("SCORE +150: temporary VIP handling"));
        // 300 (P2) + 0 + 105 (150 x 0.7) + 150
        assertEquals(555, d.priorityScore());
        // it still is a STANDARD ticket in the GENERAL queue: the account did not become a VIP
        assertEquals(Tier.STANDARD, d.tier());
        assertEquals("GENERAL", d.queue());
    }

    @ParameterizedTest(name = "sentiment {0}, frustrated {1}: {2}")
    @CsvSource(textBlock = """
            -0.6,  false, true
            -0.59, false, false
            ,      true,  true
            0.3,   true,  true
            ,      false, false
            """)
    void fairnessThreshold(Double sentiment, boolean frustrated, boolean applies) {
        RoutingDecision d = Facts.decide(policy, Facts.fresh(Tier.STANDARD, TicketPriority.NORMAL, null)
                .withSignals(sentiment, null, frustrated));
        assertEquals(applies, d.temporaryVipHandling());
        assertEquals(applies ? PriorityLevel.P2 : PriorityLevel.P3, d.priority());
    }

    @Test
    void aFrustratedUrgentStandardTicketStaysP1AndKeepsThePoints() {
        RoutingDecision d = Facts.decide(policy, Facts.fresh(Tier.STANDARD, TicketPriority.URGENT, null)
                .withSignals(null, null, true));
        assertEquals(PriorityLevel.P1, d.priority());
        assertTrue(d.reasons().contains("TEMPORARY_VIP_HANDLING: STANDARD customer frustrated; priority P1 (already highest)"));
        assertEquals(400 + 150, d.priorityScore());
    }

    @Test
    void vipTicketsAreNotRaisedByFairness() {
        RoutingDecision d = Facts.decide(policy, Facts.fresh(Tier.T3, TicketPriority.NORMAL, null)
                .withSignals(-0.9, null, true));
        assertEquals(PriorityLevel.P3, d.priority());
        assertFalse(d.temporaryVipHandling());
    }

    @Test
    void frustratedStandardOutranksAFreshT2OfTheSameSeverity() {
        double standard = Facts.decide(policy, Facts.fresh(Tier.STANDARD, TicketPriority.NORMAL, null)
                .withSignals(null, null, true)).priorityScore();
        double t2 = Facts.decide(policy, Facts.fresh(Tier.T2, TicketPriority.NORMAL, null)).priorityScore();
        assertEquals(450, standard);
        assertEquals(400, t2);
    }

    @Test
    void aStandardTicketAtItsMaxWaitOutranksAFreshT2P3() {
        // no starvation: 200 (P3) + 300 (480 of 480 min) > 200 (P3) + 200 (T2)
        assertEquals(500, Facts.decide(policy, waited(Tier.STANDARD, TicketPriority.NORMAL, false, 480)).priorityScore());
        assertEquals(500, Facts.decide(policy, waited(Tier.STANDARD, TicketPriority.NORMAL, false, 2000)).priorityScore());
        assertEquals(400, Facts.decide(policy, waited(Tier.T2, TicketPriority.NORMAL, false, 0)).priorityScore());
    }

    @Test
    void theNineArgumentFactsHaveNoSignals() {
        TicketFacts f = waited(Tier.T1, TicketPriority.LOW, false, 0);
        assertNull(f.sentimentScore());
        assertNull(f.churnRisk());
        assertFalse(f.frustrated());
        assertEquals(f, f.withSignals(null, null, false));
    }
}
