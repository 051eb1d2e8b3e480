package io.viplane.risk;

import static io.viplane.risk.RiskFixtures.NOW;
import static io.viplane.risk.RiskFixtures.POLICY;
import static io.viplane.risk.RiskFixtures.SIGNALS;
import static io.viplane.risk.RiskFixtures.copy;
import static io.viplane.risk.RiskFixtures.daysAgo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.viplane.signals.SignalKind;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SentimentJudgeTest {
    private final SentimentJudge judge = new SentimentJudge(SIGNALS);

    private static AccountSignals scored(String key, Instant at, Double baseline, Double external) {
        AccountSignals s = new AccountSignals();
        s.customerMessage(SIGNALS, key, at, 120, List.of());
        if (baseline != null) {
            s.sentimentScored(SIGNALS, key, at, baseline, SentimentSource.BASELINE);
        }
        if (external != null) {
            s.sentimentScored(SIGNALS, key, at.plusSeconds(10), external, SentimentSource.EXTERNAL);
        }
        return s;
    }

    @Test
    void baselineIsUsedWhenNoServicePublishes() {
        AccountSignals s = scored("m1", NOW, -0.4, null);
        assertEquals(Optional.of(new SentimentJudge.Effective(-0.4, SentimentSource.BASELINE)), judge.effective(s.message("m1")));
    }

    @Test
    void externalScoreWinsOverBaselineWhicheverArrivesFirst() {
        AccountSignals s = scored("m1", NOW, -0.4, 0.3);
        assertEquals(new SentimentJudge.Effective(0.3, SentimentSource.EXTERNAL), judge.effective(s.message("m1")).orElseThrow());

        // the NLP score arrives before the message (and before its baseline)
        AccountSignals early = new AccountSignals();
        early.sentimentScored(SIGNALS, "m2", NOW.plusSeconds(5), -0.7, SentimentSource.EXTERNAL);
        early.customerMessage(SIGNALS, "m2", NOW, 80, List.of());
        early.sentimentScored(SIGNALS, "m2", NOW, 0.2, SentimentSource.BASELINE);
        assertEquals(-0.7, judge.effective(early.message("m2")).orElseThrow().score());
        assertEquals(NOW, early.message("m2").at(), "the message's own time replaces the score's");
    }

    @Test
    void latestExternalScoreWinsEvenWhenDeliveredOutOfOrder() {
        AccountSignals s = new AccountSignals();
        s.sentimentScored(SIGNALS, "m1", NOW.plusSeconds(60), -0.8, SentimentSource.EXTERNAL);  // re-score, newer
        s.sentimentScored(SIGNALS, "m1", NOW.plusSeconds(10), 0.5, SentimentSource.EXTERNAL);   // older, late
        assertEquals(-0.8, judge.effective(s.message("m1")).orElseThrow().score());
    }

    @Test
    void preferBaselineTurnsTheOrderAround() {
        ObjectNode signals = copy(POLICY.signals());
        ((ObjectNode) signals.get("sentiment")).put("prefer", "baseline");
        SentimentJudge baselineFirst = new SentimentJudge(SignalsPolicy.fromPolicy(RiskFixtures.withSignals(signals)));
        AccountSignals s = scored("m1", NOW, -0.4, 0.3);
        assertEquals(SentimentSource.BASELINE, baselineFirst.effective(s.message("m1")).orElseThrow().source());
    }

    @Test
    void thresholdsComeFromThePolicy() {
        // shipped: negative below -0.25, extremely negative below -0.6
        SentimentJudgement mild = judge.judge(-0.25, SentimentSource.EXTERNAL, List.of());
        assertFalse(mild.negative(), "the threshold itself is not below it");
        SentimentJudgement negative = judge.judge(-0.3, SentimentSource.EXTERNAL, List.of());
        assertTrue(negative.negative());
        assertFalse(negative.extremelyNegative());
        assertTrue(negative.frustrated(), "negative sentiment counts as frustrated in the shipped policy");
        SentimentJudgement extreme = judge.judge(-0.61, SentimentSource.BASELINE, List.of());
        assertTrue(extreme.extremelyNegative());
        assertEquals(SentimentSource.BASELINE, extreme.source());
    }

    @Test
    void frustrationLanguageCountsWithoutNegativeScore() {
        ChurnFinding keepsHappening = new ChurnFinding(SignalKind.REPETITION, false, false, "this keeps happening");
        ChurnFinding cancel = new ChurnFinding(SignalKind.DIRECT, true, false, "cancel our subscription");
        assertTrue(judge.judge(0.1, SentimentSource.BASELINE, List.of(keepsHappening)).frustrated());
        assertFalse(judge.judge(0.1, SentimentSource.BASELINE, List.of(cancel)).frustrated(),
                "DIRECT is not among the shipped frustration kinds (it has its own churn escalation)");
    }

    @Test
    void messageWithoutAnyScoreIsNotNegative() {
        AccountSignals s = new AccountSignals();
        s.customerMessage(SIGNALS, "m1", NOW, 50, List.of());
        SentimentJudgement j = judge.judge(s.message("m1"), List.of());
        assertNull(j.score());
        assertNull(j.source());
        assertFalse(j.negative());
        assertFalse(j.frustrated());
    }

    @Test
    void negativeTrendFromRecentMean() {
        AccountSignals s = new AccountSignals();
        double[] scores = {0.2, -0.3, -0.5, -0.4};
        for (int i = 0; i < scores.length; i++) {
            s.sentimentScored(SIGNALS, "m" + i, daysAgo(10 - i), scores[i], SentimentSource.EXTERNAL);
        }
        // last 3: (-0.3 - 0.5 - 0.4) / 3 = -0.40 < -0.25
        assertEquals(Optional.of("mean sentiment -0.40 over the last 3 messages"), judge.negativeTrend(s, NOW));
    }

    @Test
    void negativeTrendFromDecline() {
        AccountSignals s = new AccountSignals();
        double[] scores = {0.6, 0.5, 0.5, 0.4, -0.1, -0.2};
        for (int i = 0; i < scores.length; i++) {
            s.sentimentScored(SIGNALS, "m" + i, daysAgo(20 - i), scores[i], SentimentSource.BASELINE);
        }
        // last 3 mean (0.4 - 0.1 - 0.2) / 3 = 0.03: not negative; halves 0.53 -> 0.03, not below zero
        assertTrue(judge.negativeTrend(s, NOW).isEmpty());
        s.sentimentScored(SIGNALS, "m6", daysAgo(1), -0.3, SentimentSource.BASELINE);
        s.sentimentScored(SIGNALS, "m7", daysAgo(0.5), 0.1, SentimentSource.BASELINE);
        // 8 messages: last 3 mean (-0.2 - 0.3 + 0.1) / 3 = -0.13 (not below -0.25);
        // earlier half (0.6 + 0.5 + 0.5 + 0.4) / 4 = 0.50, later half (-0.1 - 0.2 - 0.3 + 0.1) / 4 = -0.125:
        // a fall of 0.625 >= 0.4 and below zero
        assertEquals(Optional.of("sentiment fell from 0.50 to -0.13 over 8 messages"), judge.negativeTrend(s, NOW));
    }

    @Test
    void trendOnlyLooksAtItsWindowAndNeedsEnoughMessages() {
        AccountSignals s = new AccountSignals();
        s.sentimentScored(SIGNALS, "old1", daysAgo(40), -0.9, SentimentSource.EXTERNAL);
        s.sentimentScored(SIGNALS, "old2", daysAgo(36), -0.9, SentimentSource.EXTERNAL);
        s.sentimentScored(SIGNALS, "old3", daysAgo(35), -0.9, SentimentSource.EXTERNAL);
        s.sentimentScored(SIGNALS, "new", daysAgo(1), -0.9, SentimentSource.EXTERNAL);
        assertTrue(judge.negativeTrend(s, NOW).isEmpty(), "one message in 30 days is below min_messages 3");
        assertTrue(judge.negativeTrend(s, daysAgo(34)).isPresent(), "a month ago the three old ones were in the window");
        s.sentimentScored(SIGNALS, "new2", daysAgo(2), -0.9, SentimentSource.EXTERNAL);
        assertTrue(judge.negativeTrend(s, NOW).isEmpty(), "two negative messages are not yet a sustained trend");
    }
}
