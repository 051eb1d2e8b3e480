package io.viplane.signals;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds churn language in ticket text using a {@link ChurnLexicon}. Pure and thread-safe: all
 * patterns are compiled in the constructor, {@link #detect} only reads them.
 *
 * <p>A phrase counts only in context: a preceding negation in the same clause ("no intention to
 * switch"), or a non-churn object next to it ("cancel the meeting", "取消这个工单"), cancels it.
 */
public final class ChurnDetector {

    /** Used when a language in the lexicon gives no negation_window. */
    static final int DEFAULT_NEGATION_WINDOW = 32;

    private static final Comparator<SignalMatch> BY_LENGTH_DESC =
            Comparator.comparingInt((SignalMatch m) -> m.end() - m.start()).reversed()
                    .thenComparingInt(SignalMatch::start);
    private static final Comparator<SignalMatch> BY_POSITION =
            Comparator.comparingInt(SignalMatch::start).thenComparingInt(SignalMatch::end)
                    .thenComparing(SignalMatch::kind);

    private final List<ScanPattern> patterns;
    private final FirstCharIndex index;
    private final int patternCount;

    public ChurnDetector(ChurnLexicon lexicon) {
        Objects.requireNonNull(lexicon, "lexicon");
        Map<String, String> macros = macros(lexicon);
        Map<String, NegationScope> negation = new HashMap<>();
        lexicon.languages().forEach((lang, rules) ->
                negation.put(lang, NegationScope.compile(lang, rules, DEFAULT_NEGATION_WINDOW)));
        List<ScanPattern> scanPatterns = new ArrayList<>();
        for (ChurnLexicon.Entry e : lexicon.entries()) {
            // a language needs rules only to negate; "mul" entries such as product names need none
            if (e.isNegatable() && !lexicon.languages().containsKey(e.lang())) {
                throw new IllegalArgumentException("entry " + e.id() + ": language '" + e.lang()
                        + "' has no rules under languages (or set negatable: false)");
            }
            String where = "entry " + e.id();
            CompiledEntry compiled = new CompiledEntry(e,
                    e.suppressBefore().stream()
                            .map(p -> RegexCompiler.compileEndingAt(p, macros, where + " suppress_before")).toList(),
                    e.suppressAfter().stream()
                            .map(p -> RegexCompiler.compileStartingAt(p, macros, where + " suppress_after")).toList(),
                    negation.get(e.lang()));
            for (String raw : e.patterns()) {
                Pattern p = RegexCompiler.compileGuarded(raw, macros, where);
                // a leading positive look-behind defeats first-character probing
                boolean indexable = !p.pattern().contains("(?<=");
                scanPatterns.add(new ScanPattern(scanPatterns.size(), p, compiled, indexable));
            }
        }
        this.patterns = List.copyOf(scanPatterns);
        this.index = new FirstCharIndex(scanPatterns);
        this.patternCount = scanPatterns.size();
    }

    /** A detector over the shipped lexicon, built once. */
    public static ChurnDetector withDefaultLexicon() {
        return DefaultHolder.DEFAULT;
    }

    /**
     * All churn signals in {@code text}, ordered by position. Where two matches of the same kind
     * overlap only the longer is kept; different kinds may overlap ("our CFO wants to switch to
     * X" is both executive pressure and a competitor switch).
     */
    public List<SignalMatch> detect(String text) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        NormalizedText normalized = TextNormalizer.normalize(text);
        return dedupe(scan(normalized, text));
    }

    /**
     * Every accepted match before de-duplication, found through the first-character index or,
     * for verification, by a plain {@code find()} per pattern; both must agree.
     */
    List<SignalMatch> scanAll(String text, boolean useIndex) {
        NormalizedText normalized = TextNormalizer.normalize(text);
        return useIndex ? scan(normalized, text) : scanNaively(normalized, text);
    }

    private List<SignalMatch> scanNaively(NormalizedText normalized, String original) {
        List<SignalMatch> out = new ArrayList<>();
        for (ScanPattern sp : patterns) {
            Matcher m = sp.pattern().matcher(normalized.text());
            while (m.find()) {
                if (m.end() > m.start()) {
                    SignalMatch match = sp.owner().accept(normalized, original, m.start(), m.end());
                    if (match != null) {
                        out.add(match);
                    }
                }
            }
        }
        return out;
    }

    /**
     * One pass over the text trying, at each position, only the patterns that can start there.
     * Per pattern this finds exactly what {@code Matcher.find()} would: leftmost matches, each
     * search resuming where the previous match ended.
     */
    private List<SignalMatch> scan(NormalizedText normalized, String original) {
        String t = normalized.text();
        int n = t.length();
        Matcher[] matchers = new Matcher[patternCount];
        int[] resumeAt = new int[patternCount];
        List<SignalMatch> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            char c = t.charAt(i);
            if (i > 0 && isLatinWordChar(c) && isLatinWordChar(t.charAt(i - 1))) {
                continue; // no match may start inside a Latin word
            }
            for (ScanPattern sp : index.candidates(t, i)) {
                int id = sp.id();
                if (resumeAt[id] > i) {
                    continue;
                }
                Matcher m = matchers[id];
                if (m == null) {
                    m = sp.pattern().matcher(t).useTransparentBounds(true).useAnchoringBounds(false);
                    matchers[id] = m;
                }
                m.region(i, n);
                if (m.lookingAt() && m.end() > i) {
                    resumeAt[id] = m.end();
                    SignalMatch match = sp.owner().accept(normalized, original, i, m.end());
                    if (match != null) {
                        out.add(match);
                    }
                }
            }
        }
        return out;
    }

    private static boolean isLatinWordChar(char c) {
        return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
    }

    /** DIRECT, INDIRECT or NONE for the whole message; see {@link ChurnClass#of}. */
    public ChurnClass classify(String text) {
        return ChurnClass.of(detect(text));
    }

    /**
     * Longest first; a match is shadowed by a kept match of its kind that overlaps it and has its strength
     * or is DIRECT. Kept matches of one (kind, strength) never overlap each other, so each such set is a
     * sorted list of disjoint intervals and one lookup finds the only candidate: O(n log n), where a scan
     * of everything kept made a megabyte of repeated churn words quadratic.
     */
    private static List<SignalMatch> dedupe(List<SignalMatch> raw) {
        if (raw.size() < 2) {
            return List.copyOf(raw);
        }
        raw.sort(BY_LENGTH_DESC);
        List<SignalMatch> kept = new ArrayList<>(raw.size());
        // [kind][strength]: disjoint kept intervals, start -> end
        @SuppressWarnings("unchecked")
        TreeMap<Integer, Integer>[][] keptBy = new TreeMap[SignalKind.values().length][ChurnClass.values().length];
        for (SignalMatch m : raw) {
            TreeMap<Integer, Integer>[] ofKind = keptBy[m.kind().ordinal()];
            if (!overlapsAny(ofKind[m.strength().ordinal()], m) && !overlapsAny(ofKind[ChurnClass.DIRECT.ordinal()], m)) {
                kept.add(m);
                if (ofKind[m.strength().ordinal()] == null) {
                    ofKind[m.strength().ordinal()] = new TreeMap<>();
                }
                ofKind[m.strength().ordinal()].put(m.start(), m.end());
            }
        }
        kept.sort(BY_POSITION);
        return List.copyOf(kept);
    }

    /** Disjoint intervals by start: only the last one starting before {@code m} ends can overlap it. */
    private static boolean overlapsAny(TreeMap<Integer, Integer> disjoint, SignalMatch m) {
        if (disjoint == null) {
            return false;
        }
        Map.Entry<Integer, Integer> e = disjoint.lowerEntry(m.end());
        return e != null && e.getValue() > m.start();
    }

    private static Map<String, String> macros(ChurnLexicon lexicon) {
        Map<String, String> macros = new HashMap<>();
        lexicon.vocab().forEach((name, alternatives) -> macros.put(name, "(?:" + String.join("|", alternatives) + ")"));
        // "(?!)" never matches: a lexicon without competitors simply has no competitor signals
        macros.put("competitor", lexicon.competitors().isEmpty()
                ? "(?!)" : RegexCompiler.literalAlternation(lexicon.competitors()));
        return macros;
    }

    private static final class DefaultHolder {
        static final ChurnDetector DEFAULT = new ChurnDetector(ChurnLexicon.loadDefault());
    }
}
