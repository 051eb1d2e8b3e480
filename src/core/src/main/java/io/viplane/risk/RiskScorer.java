package io.viplane.risk;

import io.viplane.model.Account;
import io.viplane.model.RiskLevel;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Scores an account's churn risk from its CRM record (health, usage, NPS, renewal), the churn
 * language and sentiment of its messages and its ticket patterns. Additive and explainable: the
 * score is the sum of the points of every contributor found (capped at 100), and each one says
 * why it is there. Pure and thread-safe.
 */
public final class RiskScorer {
    /** Distinct phrases quoted per churn contributor; more would only lengthen the alert. */
    static final int MAX_PHRASES = 3;

    private final SignalsPolicy signals;
    private final RiskPolicy risk;
    private final PatternDetector patterns;
    private final SentimentJudge judge;

    public RiskScorer(SignalsPolicy signals, RiskPolicy risk) {
        this.signals = signals;
        this.risk = risk;
        this.patterns = new PatternDetector(signals, risk);
        this.judge = new SentimentJudge(signals);
    }

    /**
     * @param account       the CRM record; null when it has not arrived (then only support signals count)
     * @param s             the account's signals
     * @param daysToRenewal days from {@code now} to the renewal date, null when unknown
     * @param now           event time of the assessment; every window ends here
     */
    public RiskAssessment assess(Account account, AccountSignals s, Integer daysToRenewal, Instant now) {
        List<Contribution> found = new ArrayList<>();
        if (account != null) {
            accountSignals(account, found);
        }
        churnLanguage(s, now, found);
        judge.negativeTrend(s, now).ifPresent(e -> add(found, RiskSignal.NEGATIVE_SENTIMENT_TREND, risk.pointsOf(RiskSignal.NEGATIVE_SENTIMENT_TREND), e));
        found.addAll(patterns.detect(s, now));
        risk.renewalStep(daysToRenewal).ifPresent(step -> add(found, RiskSignal.RENEWAL_PROXIMITY, step.points(),
                "renewal in " + daysToRenewal + " days (<= " + step.withinDays() + ")"));

        found.sort(Comparator.comparingInt(Contribution::points).reversed().thenComparing(Contribution::signal));
        int score = Math.min(100, found.stream().mapToInt(Contribution::points).sum());
        RiskLevel level = risk.levels().levelFor(score);
        RiskSignal dominant = risk.dominant(found).orElse(null);
        return new RiskAssessment(score, level, found, dominant, risk.actionFor(level, dominant), daysToRenewal, now);
    }

    private void accountSignals(Account a, List<Contribution> found) {
        Integer health = a.getHealthScore();
        if (health != null && health < risk.healthBelow()) {
            add(found, RiskSignal.HEALTH_LOW, risk.pointsOf(RiskSignal.HEALTH_LOW), "health " + health + " < " + risk.healthBelow());
        }
        Double usage = a.getUsageTrendPct();
        if (usage != null && usage <= risk.usageAtMostPct()) {
            add(found, RiskSignal.USAGE_DECLINE, risk.pointsOf(RiskSignal.USAGE_DECLINE),
                    "usage " + PatternDetector.num(usage) + "% <= " + PatternDetector.num(risk.usageAtMostPct()) + "%");
        }
        Integer nps = a.getNps();
        if (nps != null) {
            // the CRM sends either a 0..10 survey answer or a -100..100 NPS; 0..10 reads as an answer
            boolean answer = nps >= 0 && nps <= 10;
            boolean detractor = answer ? nps <= risk.npsAnswerAtMost() : nps < risk.npsScoreBelow();
            if (detractor) {
                add(found, RiskSignal.NPS_DETRACTOR, risk.pointsOf(RiskSignal.NPS_DETRACTOR), answer
                        ? "NPS answer " + nps + " <= " + risk.npsAnswerAtMost()
                        : "NPS " + nps + " < " + risk.npsScoreBelow());
            }
        }
    }

    /**
     * Direct churn, competitor mentions and indirect churn language within the churn window, of the
     * kinds the policy counts ({@code signals.churn_language.kinds}: a persisting problem is not intent).
     */
    private void churnLanguage(AccountSignals s, Instant now, List<Contribution> found) {
        Instant from = now.minus(Duration.ofDays(signals.churnWindowDays()));
        List<AccountSignals.DatedFinding> recent = s.findings.stream()
                .filter(f -> !f.at().isBefore(from) && !f.at().isAfter(now))
                .filter(f -> signals.churnKinds().contains(f.finding().kind()))
                .sorted(Comparator.comparing(AccountSignals.DatedFinding::at).reversed())
                .toList();
        phrases(recent, ChurnFinding::direct).ifPresent(p ->
                add(found, RiskSignal.CHURN_DIRECT, risk.pointsOf(RiskSignal.CHURN_DIRECT), p));
        phrases(recent, ChurnFinding::competitor).ifPresent(p ->
                add(found, RiskSignal.COMPETITOR_MENTION, risk.pointsOf(RiskSignal.COMPETITOR_MENTION), "competitor mention: " + p));
        phrases(recent, f -> !f.direct() && !f.competitor()).ifPresent(p ->
                add(found, RiskSignal.CHURN_INDIRECT, risk.pointsOf(RiskSignal.CHURN_INDIRECT), p));
    }

    /** The newest distinct matched phrases, for evidence; empty when none match. */
    private static Optional<String> phrases(List<AccountSignals.DatedFinding> recent, Predicate<ChurnFinding> which) {
        Set<String> seen = new LinkedHashSet<>();
        List<String> distinct = new ArrayList<>();
        int total = 0;
        for (AccountSignals.DatedFinding f : recent) {
            if (which.test(f.finding())) {
                total++;
                String phrase = f.finding().phrase();
                // "Kestrel Desk" and "kestrel desk" are one phrase; show it as first written
                if (distinct.size() < MAX_PHRASES && seen.add(phrase.toLowerCase(Locale.ROOT))) {
                    distinct.add(phrase);
                }
            }
        }
        if (total == 0) {
            return Optional.empty();
        }
        String joined = String.join(", ", distinct);
        return Optional.of(total > distinct.size() ? joined + " (" + total + " in total)" : joined);
    }

    private static void add(List<Contribution> found, RiskSignal signal, int points, String evidence) {
        if (points > 0) {
            found.add(new Contribution(signal, points, evidence));
        }
    }
}
