package io.viplane.escalation;

/**
 * Sentiment judgements made upstream. Only {@link #EXTREMELY_NEGATIVE} and {@link #NEGATIVE_TREND}
 * may send {@code NEGATIVE_SENTIMENT} up a ladder (issue 18): a merely frustrated or negative message
 * is a routing boost (priority score, temporary VIP handling), not a page.
 */
public enum SentimentFlag {
    /** Negative, or carrying frustration language: a routing boost only, never an escalation by itself. */
    FRUSTRATED,
    /** Below the policy's extremely-negative threshold. */
    EXTREMELY_NEGATIVE,
    /** The account's messages have stayed negative (signals.sentiment.trend) and this one is negative too. */
    NEGATIVE_TREND;

    /** The flags a policy may escalate on. */
    public static final java.util.Set<SentimentFlag> ESCALATING = java.util.EnumSet.of(EXTREMELY_NEGATIVE, NEGATIVE_TREND);
}
