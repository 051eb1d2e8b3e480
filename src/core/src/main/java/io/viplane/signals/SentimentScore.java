package io.viplane.signals;

import java.util.Objects;

/**
 * A polarity score in [-1.0, 1.0], its label, and the customer's affect.
 *
 * @param score  -1 very negative, 0 neutral, +1 very positive: the tone of the whole text
 * @param label  the score bucketed by the scorer's thresholds
 * @param affect the same score with the words that only describe the fault ("fails", "error", "报错")
 *               weighted down by the scorer's problem weight: how the customer feels rather than what
 *               broke. A bug report is negative text written by a calm customer; the pipeline judges
 *               escalations and trends on this, so describing a bug is not "extremely negative".
 */
public record SentimentScore(double score, SentimentLabel label, double affect) {

    public SentimentScore {
        Objects.requireNonNull(label, "label");
        check(score, "score");
        check(affect, "affect");
    }

    /** A score without problem words: the affect is the score. */
    public SentimentScore(double score, SentimentLabel label) {
        this(score, label, score);
    }

    private static void check(double v, String what) {
        if (Double.isNaN(v) || v < -1.0 || v > 1.0) {
            throw new IllegalArgumentException(what + " must be within [-1, 1]: " + v);
        }
    }
}
