package io.viplane.escalation;

/** Sentiment judgements made upstream that a policy can escalate on. */
public enum SentimentFlag {
    FRUSTRATED,
    EXTREMELY_NEGATIVE
}
