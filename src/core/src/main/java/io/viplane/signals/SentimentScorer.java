package io.viplane.signals;

/**
 * Scores the polarity of a message. The pipeline prefers an external NLP score when one exists
 * and falls back to {@link LexiconSentimentScorer}; both meet here.
 */
@FunctionalInterface
public interface SentimentScorer {

    SentimentScore score(String text);
}
