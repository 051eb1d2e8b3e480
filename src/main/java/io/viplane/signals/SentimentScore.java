package io.viplane.signals;

import java.util.Objects;

/**
 * A polarity score in [-1.0, 1.0] and its label.
 *
 * @param score -1 very negative, 0 neutral, +1 very positive
 * @param label the score bucketed by the scorer's thresholds
 */
public record SentimentScore(double score, SentimentLabel label) {

    public SentimentScore {
        Objects.requireNonNull(label, "label");
        if (Double.isNaN(score) || score < -1.0 || score > 1.0) {
            throw new IllegalArgumentException("score must be within [-1, 1]: " + score);
        }
    }
}
