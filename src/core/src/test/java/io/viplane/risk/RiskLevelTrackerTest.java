package io.viplane.risk;

import static io.viplane.risk.RiskFixtures.NOW;
import static io.viplane.risk.RiskFixtures.RISK;
import static io.viplane.risk.RiskFixtures.account;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.viplane.model.AtRiskAccount;
import io.viplane.model.RiskLevel;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Shipped levels: MEDIUM 25, HIGH 50, CRITICAL 75, hysteresis margin 5. */
class RiskLevelTrackerTest {
    private int minute;

    /** An assessment of {@code score} points made of one contribution, as the scorer would build it. */
    private RiskAssessment assessment(int score) {
        List<Contribution> cs = score == 0 ? List.of()
                : List.of(new Contribution(RiskSignal.COMPETITOR_MENTION, score, "competitor mention: Kestrel Desk"));
        RiskLevel level = RISK.levels().levelFor(score);
        return new RiskAssessment(score, level, cs, cs.isEmpty() ? null : RiskSignal.COMPETITOR_MENTION,
                RISK.actionFor(level, cs), 40, NOW.plus(Duration.ofMinutes(minute++)));
    }

    private List<RiskLevel> feed(RiskLevelTracker t, int... scores) {
        List<RiskLevel> emitted = new ArrayList<>();
        for (int s : scores) {
            t.update(assessment(s), RISK).ifPresent(a -> emitted.add(a.level()));
        }
        return emitted;
    }

    @Test
    void firstAssessmentAboveLowIsEmitted() {
        RiskLevelTracker t = new RiskLevelTracker();
        Optional<RiskAssessment> first = t.update(assessment(55), RISK);
        assertEquals(RiskLevel.HIGH, first.orElseThrow().level());
        assertEquals(RiskLevel.HIGH, t.level);
        assertEquals(55, t.score);
    }

    @Test
    void theFirstLevelIsABaselineAndLaterChangesAreNot() {
        RiskLevelTracker t = new RiskLevelTracker();
        RiskAssessment first = t.update(assessment(30), RISK).orElseThrow();
        assertTrue(first.baseline());
        assertEquals(RiskAssessment.BASELINE_SIGNAL, first.signals().get(0));
        assertEquals(RiskAssessment.BASELINE_SIGNAL, RiskLevelTracker.toRecord("acc-1", first, null).getSignals().get(0));
        RiskAssessment change = t.update(assessment(55), RISK).orElseThrow();
        assertTrue(!change.baseline() && !change.signals().contains(RiskAssessment.BASELINE_SIGNAL), change.signals().toString());
        // an account first assessed LOW publishes nothing; its first rise is a change, not a baseline
        RiskLevelTracker quiet = new RiskLevelTracker();
        assertTrue(quiet.update(assessment(10), RISK).isEmpty());
        assertTrue(!quiet.update(assessment(30), RISK).orElseThrow().baseline());
    }

    @Test
    void anAccountThatWasNeverAtRiskEmitsNothing() {
        RiskLevelTracker t = new RiskLevelTracker();
        assertEquals(List.of(), feed(t, 0, 10, 24, 3));
        assertEquals(RiskLevel.LOW, t.level);
        assertNull(t.changedAt);
        assertEquals(List.of(RiskLevel.MEDIUM), feed(t, 25));
    }

    @Test
    void noFlappingAroundAThreshold() {
        RiskLevelTracker t = new RiskLevelTracker();
        // up to HIGH, then wobbling between 45 and 52: HIGH holds until the score is below 50 - 5
        assertEquals(List.of(RiskLevel.HIGH), feed(t, 52, 48, 46, 51, 45, 49, 50, 47));
        assertEquals(RiskLevel.HIGH, t.level);
    }

    @Test
    void realChangesAreEmittedBothWays() {
        RiskLevelTracker t = new RiskLevelTracker();
        assertEquals(List.of(RiskLevel.HIGH, RiskLevel.MEDIUM), feed(t, 52, 44));
        assertEquals(List.of(), feed(t, 49), "49 is MEDIUM's own range; rising needs 50");
        assertEquals(List.of(RiskLevel.HIGH), feed(t, 50), "rising is immediate, no margin");
        assertEquals(List.of(RiskLevel.CRITICAL, RiskLevel.LOW), feed(t, 80, 10), "a collapse goes straight to LOW");
    }

    @Test
    void levelKeptByHysteresisGetsItsOwnAction() {
        RiskLevelTracker t = new RiskLevelTracker();
        feed(t, 80);
        // 47 is raw MEDIUM, but from CRITICAL it only falls to HIGH (47 >= 50 - 5)
        RiskAssessment a = assessment(47);
        assertEquals(RiskLevel.MEDIUM, a.level());
        RiskAssessment emitted = t.update(a, RISK).orElseThrow();
        assertEquals(RiskLevel.HIGH, emitted.level());
        assertEquals(RISK.actionFor(RiskLevel.HIGH, a.contributions()), emitted.recommendedAction());
        assertEquals(47, emitted.score());
    }

    @Test
    void recordCarriesTheAccountContext() {
        RiskAssessment a = assessment(60);
        AtRiskAccount r = RiskLevelTracker.toRecord("acc-1", a, account(55, null, null));
        assertEquals("acc-1", r.getAccountId());
        assertEquals(RiskLevel.HIGH, r.getRiskLevel());
        assertEquals(60, r.getRiskScore());
        assertEquals(List.of("COMPETITOR_MENTION +60: competitor mention: Kestrel Desk"), r.getSignals());
        assertEquals("Competitive retention playbook", r.getRecommendedAction());
        assertEquals(250_000.0, r.getArr());
        assertEquals(40, r.getDaysToRenewal());
        assertEquals("csm-7", r.getCsmId());
        assertEquals(a.assessedAt(), r.getOccurredAt());

        AtRiskAccount unknown = RiskLevelTracker.toRecord("acc-2", a, null);
        assertNull(unknown.getArr());
        assertNull(unknown.getCsmId());
        assertTrue(unknown.getSignals().size() == 1);
    }
}
