package io.viplane.risk;

/** Where a sentiment score came from: an NLP service on {@code support.sentiment}, or the built-in lexicon. */
public enum SentimentSource {
    EXTERNAL,
    BASELINE
}
