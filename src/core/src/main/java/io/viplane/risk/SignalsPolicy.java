package io.viplane.risk;

import io.viplane.policy.Policy;
import io.viplane.policy.PolicySection;
import io.viplane.signals.SignalKind;
import java.util.List;

/**
 * The {@code signals:} section of a policy: how sentiment is judged and which per-account
 * patterns count as warning signs. Every threshold and window is a policy value.
 *
 * @param sentiment         thresholds and the trend rule for sentiment scores
 * @param frustrated        what makes a customer message "frustrated" (fairness escalation, seed 001)
 * @param churnWindowDays   how long a churn phrase or competitor mention keeps counting for the account
 * @param churnKinds        the churn-language kinds that count towards the account's risk (PROBLEM, a
 *                          persisting problem, is left out by the shipped policies: not intent)
 * @param frequencyRising   ticket frequency against the account's own baseline
 * @param severityEscalating routed severity rising over the recent tickets
 * @param shorterMessages   customer messages getting shorter (disengagement)
 * @param unresolvedAtLeast this many unresolved tickets at once is a warning sign
 * @param repeatedIssue     the same issue on several tickets within a window
 */
public record SignalsPolicy(
        Sentiment sentiment,
        Frustration frustrated,
        int churnWindowDays,
        List<SignalKind> churnKinds,
        FrequencyRising frequencyRising,
        SeverityEscalating severityEscalating,
        ShorterMessages shorterMessages,
        int unresolvedAtLeast,
        RepeatedIssue repeatedIssue) {

    /**
     * @param prefer                 which source wins when a message has both scores
     * @param negativeBelow          a score below this is negative
     * @param extremelyNegativeBelow a score below this is extremely negative (executive escalation, seed 000)
     * @param problemWordsWeight     how much words that only describe the fault ("fails", "error", 报错) count
     *                               in the built-in lexicon's score (its affect; 1 = like any other word)
     */
    public record Sentiment(SentimentSource prefer, double negativeBelow, double extremelyNegativeBelow, Trend trend,
                            double problemWordsWeight) {
    }

    /**
     * Negative sentiment trend over the account's scored messages in the last {@code windowDays}:
     * the mean of the last {@code recentMessages} is negative, or the later half of the window's
     * messages averages {@code declineBy} lower than the earlier half (and below zero).
     */
    public record Trend(int windowDays, int minMessages, int recentMessages, double declineBy) {
    }

    /** A message is frustrated when it is negative (if enabled) or carries churn language of these kinds. */
    public record Frustration(boolean negativeSentiment, List<SignalKind> churnKinds) {
        public Frustration {
            churnKinds = List.copyOf(churnKinds);
        }
    }

    /**
     * Tickets created in the last {@code recentDays} against the weekly average of up to
     * {@code baselineWeeks} weeks before them; judged only with {@code minBaselineWeeks} of history.
     */
    public record FrequencyRising(int recentDays, int baselineWeeks, int minBaselineWeeks, double riseFactor,
                                  int minTickets) {
    }

    /** Later half of the window's tickets averages {@code minRiseLevels} more severe than the earlier half. */
    public record SeverityEscalating(int windowDays, int minTickets, double minRiseLevels) {
    }

    /** Average length of the last {@code recentDays}' messages at most {@code ratio} of the {@code earlierDays} before. */
    public record ShorterMessages(int recentDays, int earlierDays, double ratio, int minRecentMessages,
                                  int minEarlierMessages) {
    }

    public record RepeatedIssue(int withinDays, int atLeast) {
    }

    /** The longest window any rule looks back: state older than this (per account) can be dropped. */
    public int retentionDays() {
        int days = Math.max(churnWindowDays, sentiment.trend().windowDays());
        days = Math.max(days, frequencyRising.recentDays() + 7 * frequencyRising.baselineWeeks());
        days = Math.max(days, severityEscalating.windowDays());
        days = Math.max(days, shorterMessages.recentDays() + shorterMessages.earlierDays());
        return Math.max(days, repeatedIssue.withinDays());
    }

    public static SignalsPolicy fromPolicy(Policy policy) {
        String file = policy.name();
        PolicySection root = PolicySection.root(file, "signals", policy.signals())
                .only("sentiment", "frustrated", "churn_language", "patterns");

        PolicySection s = root.object("sentiment")
                .only("prefer", "negative_below", "extremely_negative_below", "trend", "problem_words_weight");
        double negative = s.number("negative_below", -1, 1);
        double extreme = s.number("extremely_negative_below", -1, 1);
        if (extreme >= negative) {
            throw s.error("extremely_negative_below (" + extreme + ") must be below negative_below (" + negative + ")");
        }
        PolicySection t = s.object("trend").only("window_days", "min_messages", "recent_messages", "decline_by");
        Trend trend = new Trend(t.integer("window_days", 1, 365), t.integer("min_messages", 1, 1000),
                t.integer("recent_messages", 1, 1000), t.number("decline_by", 0.01, 2));
        Sentiment sentiment = new Sentiment(s.enumValue("prefer", SentimentSource.class), negative, extreme, trend,
                s.number("problem_words_weight", 0, 1));

        PolicySection f = root.object("frustrated").only("negative_sentiment", "churn_kinds");
        Frustration frustrated = new Frustration(f.bool("negative_sentiment"), f.enumList("churn_kinds", SignalKind.class));

        PolicySection cl = root.object("churn_language").only("window_days", "kinds");
        int churnWindow = cl.integer("window_days", 1, 365);
        List<SignalKind> churnKinds = cl.enumList("kinds", SignalKind.class);

        PolicySection p = root.object("patterns")
                .only("frequency_rising", "severity_escalating", "shorter_messages", "unresolved", "repeated_issue");
        PolicySection fr = p.object("frequency_rising")
                .only("recent_days", "baseline_weeks", "min_baseline_weeks", "rise_factor", "min_tickets");
        FrequencyRising frequency = new FrequencyRising(fr.integer("recent_days", 1, 90), fr.integer("baseline_weeks", 1, 52),
                fr.integer("min_baseline_weeks", 1, 52), fr.number("rise_factor", 1.01, 100), fr.integer("min_tickets", 1, 10_000));
        if (frequency.minBaselineWeeks() > frequency.baselineWeeks()) {
            throw fr.error("min_baseline_weeks must not exceed baseline_weeks");
        }
        PolicySection se = p.object("severity_escalating").only("window_days", "min_tickets", "min_rise_levels");
        SeverityEscalating severity = new SeverityEscalating(se.integer("window_days", 1, 365),
                se.integer("min_tickets", 2, 1000), se.number("min_rise_levels", 0.1, 3));
        PolicySection sm = p.object("shorter_messages")
                .only("recent_days", "earlier_days", "ratio", "min_recent_messages", "min_earlier_messages");
        ShorterMessages shorter = new ShorterMessages(sm.integer("recent_days", 1, 90), sm.integer("earlier_days", 1, 365),
                sm.number("ratio", 0.01, 0.99), sm.integer("min_recent_messages", 1, 1000),
                sm.integer("min_earlier_messages", 1, 1000));
        int unresolved = p.object("unresolved").only("at_least").integer("at_least", 1, 1000);
        PolicySection ri = p.object("repeated_issue").only("within_days", "at_least");
        RepeatedIssue repeated = new RepeatedIssue(ri.integer("within_days", 1, 365), ri.integer("at_least", 2, 1000));

        return new SignalsPolicy(sentiment, frustrated, churnWindow, List.copyOf(churnKinds), frequency, severity, shorter, unresolved, repeated);
    }
}
