package io.viplane.risk;

import java.time.Instant;

/**
 * What the account keeps of one customer message: when, how long, and its sentiment scores.
 * Either half may come first: an NLP score can arrive before the message it scores.
 *
 * @param at         the message's event time (the score's time until the message is seen)
 * @param length     characters of the message; null until the message itself is seen
 * @param baseline   the built-in lexicon's score, if computed
 * @param external   the latest NLP service score, if any
 * @param externalAt event time of that external score (the latest one wins)
 */
public record MessageSignals(Instant at, Integer length, Double baseline, Double external, Instant externalAt) {

    static MessageSignals empty(Instant at) {
        return new MessageSignals(at, null, null, null, null);
    }

    MessageSignals withMessage(Instant messageAt, int chars) {
        return new MessageSignals(messageAt, chars, baseline, external, externalAt);
    }

    MessageSignals withBaseline(double score) {
        return new MessageSignals(at, length, score, external, externalAt);
    }

    /** Keeps the newer external score; on equal times the later arrival wins (a re-score). */
    MessageSignals withExternal(double score, Instant scoredAt) {
        if (externalAt != null && scoredAt.isBefore(externalAt)) {
            return this;
        }
        return new MessageSignals(at, length, baseline, score, scoredAt);
    }
}
