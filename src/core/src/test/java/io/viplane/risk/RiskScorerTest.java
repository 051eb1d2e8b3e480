package io.viplane.risk;

import static io.viplane.risk.RiskFixtures.NOW;
import static io.viplane.risk.RiskFixtures.RISK;
import static io.viplane.risk.RiskFixtures.SIGNALS;
import static io.viplane.risk.RiskFixtures.account;
import static io.viplane.risk.RiskFixtures.daysAgo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.viplane.model.RiskLevel;
import io.viplane.signals.SignalKind;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Shipped points: direct 30, competitor 20, usage/unresolved/health/sentiment trend 15, indirect/NPS 10,
 * renewal 20/15/10 within 30/60/90 days; levels 25/50/75. */
class RiskScorerTest {
    private final RiskScorer scorer = new RiskScorer(SIGNALS, RISK);
    private static final ChurnFinding EVALUATING = new ChurnFinding(SignalKind.DIRECT, true, false, "evaluating alternatives");
    private static final ChurnFinding KESTREL = new ChurnFinding(SignalKind.COMPETITOR, false, true, "Kestrel Desk");
    private static final ChurnFinding NO_VALUE = new ChurnFinding(SignalKind.INDIRECT, false, false, "not getting value");

    private static AccountSignals withFindings(double daysAgo, ChurnFinding... findings) {
        AccountSignals s = new AccountSignals();
        s.customerMessage(SIGNALS, "m-" + daysAgo, daysAgo(daysAgo), 200, List.of(findings));
        return s;
    }

    private static Map<RiskSignal, Contribution> bySignal(RiskAssessment a) {
        return a.contributions().stream().collect(Collectors.toMap(Contribution::signal, c -> c));
    }

    @Test
    void everyContributorAppearsWithItsWeightAndEvidence() {
        AccountSignals s = withFindings(2, EVALUATING, KESTREL, NO_VALUE);
        s.unresolvedTickets(3);
        RiskAssessment a = scorer.assess(account(48, -25.0, 3), s, 20, NOW);

        Map<RiskSignal, Contribution> c = bySignal(a);
        assertEquals(EnumSet.of(RiskSignal.HEALTH_LOW, RiskSignal.USAGE_DECLINE, RiskSignal.NPS_DETRACTOR,
                RiskSignal.CHURN_DIRECT, RiskSignal.COMPETITOR_MENTION, RiskSignal.CHURN_INDIRECT,
                RiskSignal.UNRESOLVED_TICKETS, RiskSignal.RENEWAL_PROXIMITY), EnumSet.copyOf(c.keySet()));
        assertEquals("health 48 < 65", c.get(RiskSignal.HEALTH_LOW).evidence());
        assertEquals("usage -25% <= -20%", c.get(RiskSignal.USAGE_DECLINE).evidence());
        assertEquals("NPS answer 3 <= 6", c.get(RiskSignal.NPS_DETRACTOR).evidence());
        assertEquals("competitor mention: Kestrel Desk", c.get(RiskSignal.COMPETITOR_MENTION).evidence());
        assertEquals("renewal in 20 days (<= 30)", c.get(RiskSignal.RENEWAL_PROXIMITY).evidence());
        assertEquals(10, c.get(RiskSignal.RENEWAL_PROXIMITY).points());
        for (Contribution x : a.contributions()) {
            if (x.signal() != RiskSignal.RENEWAL_PROXIMITY) {
                assertEquals(RISK.pointsOf(x.signal()), x.points(), x.signal().name());
            }
            assertTrue(a.signals().contains(x.signal() + " +" + x.points() + ": " + x.evidence()));
        }
        assertTrue(a.signals().contains("CHURN_DIRECT +30: evaluating alternatives"), a.signals().toString());
        // 15 + 15 + 5 + 30 + 20 + 10 + 15 + 10 = 120, capped
        assertEquals(120, a.uncappedScore());
        assertEquals(100, a.score());
        assertEquals(RiskLevel.CRITICAL, a.level());
        assertEquals(RISK.actions().byLevel().get(RiskLevel.CRITICAL), a.recommendedAction());
    }

    @Test
    void scoreIsTheSumOfItsContributions() {
        RiskAssessment a = scorer.assess(account(60, -22.0, null), new AccountSignals(), 45, NOW);
        // health 15 + usage 15 + renewal within 60 days 5
        assertEquals(35, a.score());
        assertEquals(a.uncappedScore(), a.score());
        assertEquals(a.contributions().stream().mapToInt(Contribution::points).sum(), a.score());
        assertEquals(RiskLevel.MEDIUM, a.level());
        // most points first
        for (int i = 1; i < a.contributions().size(); i++) {
            assertTrue(a.contributions().get(i - 1).points() >= a.contributions().get(i).points());
        }
    }

    @Test
    void healthyAccountIsLowWithNoSignals() {
        RiskAssessment a = scorer.assess(account(90, 5.0, 9), new AccountSignals(), 200, NOW);
        assertEquals(0, a.score());
        assertEquals(RiskLevel.LOW, a.level());
        assertTrue(a.signals().isEmpty());
        assertNull(a.dominant());
        assertEquals(RISK.actions().byLevel().get(RiskLevel.LOW), a.recommendedAction());
    }

    @Test
    void thresholdsAreInclusiveFromBelow() {
        RiskPolicy.Levels l = RISK.levels();
        assertEquals(RiskLevel.LOW, l.levelFor(24));
        assertEquals(RiskLevel.MEDIUM, l.levelFor(25));
        assertEquals(RiskLevel.MEDIUM, l.levelFor(49));
        assertEquals(RiskLevel.HIGH, l.levelFor(50));
        assertEquals(RiskLevel.HIGH, l.levelFor(74));
        assertEquals(RiskLevel.CRITICAL, l.levelFor(75));
        // health exactly 65 and usage exactly -20: the first is not "< 65", the second is "<= -20"
        RiskAssessment edge = scorer.assess(account(65, -20.0, null), new AccountSignals(), null, NOW);
        assertEquals(Set.of(RiskSignal.USAGE_DECLINE), bySignal(edge).keySet());
        assertEquals(RiskLevel.LOW, edge.level());
    }

    @Test
    void competitorPlaybookWhenItDominates() {
        // competitor 20 + health 15 + NPS 5 + renewal within 60 days 5 = 45: MEDIUM (seed: Oscorp, at risk)
        RiskAssessment a = scorer.assess(account(55, -12.5, 5), withFindings(3, KESTREL), 40, NOW);
        assertEquals(45, a.score());
        assertEquals(RiskLevel.MEDIUM, a.level());
        assertEquals(RiskSignal.COMPETITOR_MENTION, a.dominant());
        assertEquals("Competitive retention playbook", a.recommendedAction());
    }

    @Test
    void tieGoesToThePlaybookListedFirst() {
        // usage 15, health 15, NPS 5, renewal within 90 days 5 = 40 (seed: Stark Ind, usage declining 25%)
        RiskAssessment a = scorer.assess(account(62, -25.0, 6), new AccountSignals(), 75, NOW);
        assertEquals(40, a.score());
        assertEquals(RiskSignal.USAGE_DECLINE, a.dominant(), "usage_decline has a playbook, health_low does not");
        assertEquals(RISK.actions().bySignal().get(RiskSignal.USAGE_DECLINE), a.recommendedAction());
    }

    @Test
    void levelActionWithoutPlaybook() {
        // health 15 + NPS 5 + renewal within 30 days 10 = 30: MEDIUM, dominant HEALTH_LOW has no playbook
        RiskAssessment a = scorer.assess(account(50, 0.0, 2), new AccountSignals(), 20, NOW);
        assertEquals(RiskLevel.MEDIUM, a.level());
        assertEquals(RiskSignal.HEALTH_LOW, a.dominant());
        assertEquals(RISK.actions().byLevel().get(RiskLevel.MEDIUM), a.recommendedAction());
    }

    @Test
    void npsOnBothScales() {
        assertTrue(bySignal(scorer.assess(account(null, null, 6), new AccountSignals(), null, NOW))
                .containsKey(RiskSignal.NPS_DETRACTOR), "answer 6 is a detractor");
        assertFalse(bySignal(scorer.assess(account(null, null, 7), new AccountSignals(), null, NOW))
                .containsKey(RiskSignal.NPS_DETRACTOR), "answer 7 is passive");
        assertEquals("NPS -30 < 0", bySignal(scorer.assess(account(null, null, -30), new AccountSignals(), null, NOW))
                .get(RiskSignal.NPS_DETRACTOR).evidence());
        assertFalse(bySignal(scorer.assess(account(null, null, 40), new AccountSignals(), null, NOW))
                .containsKey(RiskSignal.NPS_DETRACTOR));
    }

    @Test
    void churnLanguageCountsOnlyWithinItsWindow() {
        AccountSignals s = withFindings(100, EVALUATING);
        s.customerMessage(SIGNALS, "recent", daysAgo(1), 100, List.of());
        assertTrue(scorer.assess(null, s, null, NOW).contributions().isEmpty(), "the phrase is over 90 days old");
        AccountSignals recent = withFindings(89, EVALUATING);
        assertEquals(List.of("CHURN_DIRECT +30: evaluating alternatives"), scorer.assess(null, recent, null, NOW).signals());
    }

    @Test
    void evidenceQuotesFewDistinctPhrases() {
        AccountSignals s = new AccountSignals();
        String[] phrases = {"cancel our contract", "Cancel our contract", "not renewing", "downgrade", "evaluating alternatives"};
        for (int i = 0; i < phrases.length; i++) {
            s.customerMessage(SIGNALS, "m" + i, daysAgo(10 - i), 100,
                    List.of(new ChurnFinding(SignalKind.DIRECT, true, false, phrases[i])));
        }
        Contribution direct = bySignal(scorer.assess(null, s, null, NOW)).get(RiskSignal.CHURN_DIRECT);
        // newest first, case-insensitive duplicates once, at most 3
        assertEquals("evaluating alternatives, downgrade, not renewing (5 in total)", direct.evidence());
    }

    @Test
    void aPersistingProblemIsNotChurnLanguage() {
        // issue 18: "still failing" (kind PROBLEM) is evidence of a problem, not of intent to leave
        AccountSignals s = withFindings(1, new ChurnFinding(SignalKind.PROBLEM, false, false, "still failing"));
        RiskAssessment a = scorer.assess(null, s, null, NOW);
        assertTrue(a.contributions().isEmpty(), a.contributions().toString());
        assertEquals(0, a.score());
    }

    @Test
    void withoutAccountOnlySupportSignalsCount() {
        AccountSignals s = withFindings(1, NO_VALUE);
        s.unresolvedTickets(5);
        RiskAssessment a = scorer.assess(null, s, null, NOW);
        assertEquals(Set.of(RiskSignal.CHURN_INDIRECT, RiskSignal.UNRESOLVED_TICKETS), bySignal(a).keySet());
        assertEquals(25, a.score());
    }

    @Test
    void sentimentTrendAndPatternsAreScored() {
        AccountSignals s = new AccountSignals();
        s.sentimentScored(SIGNALS, "a", daysAgo(3), -0.5, SentimentSource.EXTERNAL);
        s.sentimentScored(SIGNALS, "b", daysAgo(2), -0.4, SentimentSource.EXTERNAL);
        s.sentimentScored(SIGNALS, "c", daysAgo(1), -0.6, SentimentSource.BASELINE);
        s.unresolvedTickets(3);
        Map<RiskSignal, Contribution> c = bySignal(scorer.assess(null, s, null, NOW));
        assertEquals("mean sentiment -0.50 over the last 3 messages", c.get(RiskSignal.NEGATIVE_SENTIMENT_TREND).evidence());
        assertEquals(RISK.pointsOf(RiskSignal.UNRESOLVED_TICKETS), c.get(RiskSignal.UNRESOLVED_TICKETS).points());
    }
}
