package io.viplane.escalation;

import io.viplane.signals.SignalKind;
import java.util.Objects;

/**
 * One churn signal already judged upstream (the lead maps {@code io.viplane.signals.SignalMatch}
 * into this: {@code new ChurnCue(m.kind(), m.strength() == ChurnClass.DIRECT, m.phrase())}).
 * Negation and false friends ("cancel the meeting") are the detector's job; a cue here is a signal.
 *
 * @param phrase the matched words; they may appear in evidence (shortened), never in a summary
 */
public record ChurnCue(SignalKind kind, boolean direct, String phrase) {
    public ChurnCue {
        Objects.requireNonNull(kind, "kind");
        phrase = phrase == null ? "" : phrase;
    }

    @Override
    public String toString() {
        // the phrase is the customer's own words: keep it out of logs
        return "ChurnCue[kind=" + kind + ", direct=" + direct + "]";
    }
}
