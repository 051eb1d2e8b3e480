package io.viplane.signals;

import java.util.List;
import java.util.regex.Pattern;

/** A lexicon entry's context rules, compiled once at detector construction. */
final class CompiledEntry {

    /** How far back (in characters) a suppress_before pattern may start. */
    static final int SUPPRESS_BEFORE_REACH = 80;

    private final ChurnLexicon.Entry entry;
    private final List<Pattern> suppressBefore;
    private final List<Pattern> suppressAfter;
    private final NegationScope negation;
    private final ChurnClass strength;

    CompiledEntry(ChurnLexicon.Entry entry, List<Pattern> suppressBefore, List<Pattern> suppressAfter,
                  NegationScope negation) {
        this.entry = entry;
        this.suppressBefore = List.copyOf(suppressBefore);
        this.suppressAfter = List.copyOf(suppressAfter);
        this.negation = entry.isNegatable() ? negation : null;
        this.strength = entry.effectiveStrength();
    }

    /** The match for normalised span [start, end), or null when its context cancels it. */
    SignalMatch accept(NormalizedText t, String original, int start, int end) {
        if (!survives(t, start, end)) {
            return null;
        }
        int from = t.originalStart(start);
        int to = t.originalEnd(end);
        return new SignalMatch(entry.kind(), original.substring(from, to), from, to, entry.id(), entry.lang(), strength);
    }

    private boolean survives(NormalizedText t, int start, int end) {
        int clauseStart = t.clauseStart(start);
        int clauseEnd = t.clauseEnd(end);
        String text = t.text();
        // context that cancels a match is a few words long; a bounded look-back keeps long clauses cheap
        int lookBack = Math.max(clauseStart, start - SUPPRESS_BEFORE_REACH);
        for (Pattern p : suppressBefore) {
            if (p.matcher(text).region(lookBack, start).useTransparentBounds(true).find()) {
                return false;
            }
        }
        for (Pattern p : suppressAfter) {
            if (p.matcher(text).region(end, clauseEnd).useTransparentBounds(true).lookingAt()) {
                return false;
            }
        }
        return negation == null || !negation.negates(t, clauseStart, start);
    }
}
