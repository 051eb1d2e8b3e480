package io.viplane.signals;

import java.util.Objects;

/**
 * One churn signal found in a message.
 *
 * @param kind     what the phrase is evidence of
 * @param phrase   the matched text exactly as the customer wrote it ({@code text.substring(start, end)});
 *                 personal data, so it is deliberately left out of {@link #toString()}
 * @param start    inclusive offset into the original text
 * @param end      exclusive offset into the original text
 * @param entryId  id of the lexicon entry that matched
 * @param lang     language of that entry ("en", "zh", ...)
 * @param strength whether this signal alone makes the message {@link ChurnClass#DIRECT} or only
 *                 {@link ChurnClass#INDIRECT} (a competitor switch is direct, a mention is not)
 */
public record SignalMatch(SignalKind kind, String phrase, int start, int end, String entryId, String lang,
                          ChurnClass strength) {

    public SignalMatch {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(phrase, "phrase");
        Objects.requireNonNull(entryId, "entryId");
        Objects.requireNonNull(lang, "lang");
        Objects.requireNonNull(strength, "strength");
        if (start < 0 || end < start) {
            throw new IllegalArgumentException("bad span " + start + ".." + end);
        }
        if (strength == ChurnClass.NONE) {
            throw new IllegalArgumentException("a match is DIRECT or INDIRECT");
        }
    }

    boolean overlaps(SignalMatch other) {
        return start < other.end && other.start < end;
    }

    @Override
    public String toString() {
        return "SignalMatch[kind=" + kind + ", strength=" + strength + ", entry=" + entryId + ", lang=" + lang
                + ", span=" + start + ".." + end + "]";
    }
}
