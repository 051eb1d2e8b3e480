package io.viplane.risk;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Judges sentiment by the policy. An NLP service's score wins over the built-in lexicon's
 * baseline (with {@code prefer: EXTERNAL}); the baseline exists so the pipeline works alone.
 * Pure and thread-safe.
 */
public final class SentimentJudge {
    private final SignalsPolicy.Sentiment rules;
    private final SignalsPolicy.Frustration frustration;

    public SentimentJudge(SignalsPolicy policy) {
        this.rules = policy.sentiment();
        this.frustration = policy.frustrated();
    }

    /** A score and its source. */
    public record Effective(double score, SentimentSource source) {
    }

    /** The score that counts for a message: the preferred source when present, else the other. */
    public Optional<Effective> effective(MessageSignals m) {
        if (m == null) {
            return Optional.empty();
        }
        Effective external = m.external() == null ? null : new Effective(m.external(), SentimentSource.EXTERNAL);
        Effective baseline = m.baseline() == null ? null : new Effective(m.baseline(), SentimentSource.BASELINE);
        Effective preferred = rules.prefer() == SentimentSource.EXTERNAL ? external : baseline;
        Effective other = rules.prefer() == SentimentSource.EXTERNAL ? baseline : external;
        return Optional.ofNullable(preferred != null ? preferred : other);
    }

    public boolean negative(double score) {
        return score < rules.negativeBelow();
    }

    public boolean extremelyNegative(double score) {
        return score < rules.extremelyNegativeBelow();
    }

    /** The verdict on a message from its stored scores and its churn findings. */
    public SentimentJudgement judge(MessageSignals m, List<ChurnFinding> findings) {
        Optional<Effective> e = effective(m);
        return judge(e.map(Effective::score).orElse(null), e.map(Effective::source).orElse(null), findings);
    }

    /** The verdict on a score (null: none yet) and the message's churn findings. */
    public SentimentJudgement judge(Double score, SentimentSource source, List<ChurnFinding> findings) {
        boolean negative = score != null && negative(score);
        boolean extreme = score != null && extremelyNegative(score);
        boolean language = findings != null && findings.stream().anyMatch(f -> frustration.churnKinds().contains(f.kind()));
        boolean frustrated = (frustration.negativeSentiment() && negative) || language;
        return new SentimentJudgement(score, score == null ? null : source, negative, extreme, frustrated);
    }

    /**
     * A negative sentiment trend over the account's scored messages in the trend window before
     * {@code now}: the last few average below the negative threshold, or the later half of the
     * window averages clearly lower than the earlier half and below zero. Returns the evidence.
     */
    public Optional<String> negativeTrend(AccountSignals s, Instant now) {
        SignalsPolicy.Trend t = rules.trend();
        Instant from = now.minus(Duration.ofDays(t.windowDays()));
        List<Effective> scored = s.messages.values().stream()
                .filter(m -> !m.at().isBefore(from) && !m.at().isAfter(now))
                .sorted(Comparator.comparing(MessageSignals::at))
                .flatMap(m -> effective(m).stream())
                .toList();
        int n = scored.size();
        if (n < t.minMessages()) {
            return Optional.empty();
        }
        int k = Math.min(t.recentMessages(), n);
        double recent = mean(scored.subList(n - k, n));
        if (negative(recent)) {
            return Optional.of(String.format(Locale.ROOT, "mean sentiment %.2f over the last %d message%s",
                    recent, k, k == 1 ? "" : "s"));
        }
        int half = n / 2;
        if (half >= 1) {
            double earlier = mean(scored.subList(0, half));
            double later = mean(scored.subList(n - half, n));
            if (later < 0 && earlier - later >= t.declineBy()) {
                return Optional.of(String.format(Locale.ROOT, "sentiment fell from %.2f to %.2f over %d messages",
                        earlier, later, n));
            }
        }
        return Optional.empty();
    }

    private static double mean(List<Effective> xs) {
        return xs.stream().mapToDouble(Effective::score).average().orElse(0);
    }
}
