package io.viplane.signals;

/** Coarse polarity; same symbols as the {@code io.viplane.model.SentimentLabel} contract enum. */
public enum SentimentLabel {
    NEGATIVE,
    NEUTRAL,
    POSITIVE
}
