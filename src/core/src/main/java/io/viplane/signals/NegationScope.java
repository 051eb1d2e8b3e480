package io.viplane.signals;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Decides whether a signal is negated ("we are not planning to cancel", "我们不打算取消").
 * A cue counts only inside the same clause, within a few characters before the signal, after the
 * last scope breaker ("if this isn't fixed we will cancel": "we" ends the reach of "isn't"), and
 * when it is not part of an exception ("can't cancel" is trying to cancel).
 */
final class NegationScope {

    /** Extra characters searched around the window so exceptions that straddle its edge still count. */
    private static final int EXCEPTION_MARGIN = 12;

    private final Pattern cues;
    private final Pattern exceptions;
    private final Pattern breakers;
    private final int window;

    private NegationScope(Pattern cues, Pattern exceptions, Pattern breakers, int window) {
        this.cues = cues;
        this.exceptions = exceptions;
        this.breakers = breakers;
        this.window = window;
    }

    static NegationScope compile(String lang, ChurnLexicon.LanguageRules rules, int defaultWindow) {
        String where = "languages." + lang;
        Pattern cues = RegexCompiler.compileWordList(rules.negationCues(), where + ".negation_cues");
        if (cues == null) {
            return null;
        }
        return new NegationScope(cues,
                RegexCompiler.compileWordList(rules.negationExceptions(), where + ".negation_exceptions"),
                RegexCompiler.compileWordList(rules.scopeBreakers(), where + ".scope_breakers"),
                rules.negationWindow() == null ? defaultWindow : rules.negationWindow());
    }

    boolean negates(NormalizedText t, int clauseStart, int signalStart) {
        String text = t.text();
        int from = Math.max(clauseStart, signalStart - window);
        if (from >= signalStart) {
            return false;
        }
        if (breakers != null) {
            Matcher b = region(breakers.matcher(text), from, signalStart);
            int lastEnd = from;
            while (b.find()) {
                lastEnd = b.end();
            }
            from = lastEnd;
        }
        Matcher c = region(cues.matcher(text), from, signalStart);
        while (c.find()) {
            if (!insideException(text, c.start(), c.end(), signalStart)) {
                return true;
            }
        }
        return false;
    }

    private boolean insideException(String text, int cueStart, int cueEnd, int signalStart) {
        if (exceptions == null) {
            return false;
        }
        int lo = Math.max(0, cueStart - EXCEPTION_MARGIN);
        int hi = Math.min(text.length(), Math.max(signalStart, cueEnd + EXCEPTION_MARGIN));
        Matcher e = region(exceptions.matcher(text), lo, hi);
        while (e.find()) {
            if (e.start() <= cueStart && e.end() >= cueEnd) {
                return true;
            }
        }
        return false;
    }

    private static Matcher region(Matcher m, int from, int to) {
        // transparent bounds let word guards look at the characters just outside the window
        return m.region(from, to).useTransparentBounds(true).useAnchoringBounds(false);
    }
}
