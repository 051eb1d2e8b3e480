package io.viplane.signals;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.regex.Matcher;

/**
 * For a position in normalised text, the patterns that can start a match there, judged by the
 * next one to three characters. Scanning a message then costs a table look-up per position and a
 * regex attempt only where a pattern can really start, which keeps a 2 KB message in the
 * microseconds even with a hundred patterns.
 *
 * <p>Whether a pattern can start with a prefix is found by probing: matching the prefix alone
 * either succeeds or runs out of input ({@link Matcher#hitEnd()}). That over-approximates and
 * never misses. Prefixes are probed on first sight and cached (thread-safely; the caches for
 * non-ASCII prefixes are bounded, past the bound a prefix is probed each time it is seen).
 * The prefix is lengthened only while more than one candidate remains.
 */
final class FirstCharIndex {

    private static final int ASCII = 128;
    /** Letters, digits, space, apostrophe, hyphen: the characters English words start with. */
    private static final int WORD_ALPHABET = 39;
    private static final int MAX_CACHED = 100_000;
    private static final ScanPattern[] NONE = new ScanPattern[0];

    private final ScanPattern[] all;
    private final AtomicReferenceArray<ScanPattern[]> singles = new AtomicReferenceArray<>(Character.MAX_VALUE + 1);
    private final AtomicReferenceArray<ScanPattern[]> asciiPairs = new AtomicReferenceArray<>(ASCII * ASCII);
    private final AtomicReferenceArray<ScanPattern[]> wordTriples =
            new AtomicReferenceArray<>(WORD_ALPHABET * WORD_ALPHABET * WORD_ALPHABET);
    private final Map<Long, ScanPattern[]> otherPrefixes = new ConcurrentHashMap<>();

    FirstCharIndex(List<ScanPattern> patterns) {
        this.all = patterns.toArray(ScanPattern[]::new);
        for (char c = 0; c < ASCII; c++) {
            single(c);
        }
    }

    /** Patterns that may match starting at {@code i} of {@code t}. */
    ScanPattern[] candidates(String t, int i) {
        char c1 = t.charAt(i);
        ScanPattern[] one = single(c1);
        if (one.length <= 1 || i + 1 >= t.length()) {
            return one;
        }
        char c2 = t.charAt(i + 1);
        ScanPattern[] two = pair(c1, c2, one);
        if (two.length <= 1 || i + 2 >= t.length()) {
            return two;
        }
        return triple(c1, c2, t.charAt(i + 2), two);
    }

    private ScanPattern[] single(char c) {
        if (Character.isSurrogate(c)) {
            return all; // a lone surrogate says nothing about the code point (rare: emoji)
        }
        ScanPattern[] cached = singles.get(c);
        if (cached == null) {
            cached = probe(all, String.valueOf(c));
            singles.set(c, cached);
        }
        return cached;
    }

    private ScanPattern[] pair(char c1, char c2, ScanPattern[] among) {
        if (c1 < ASCII && c2 < ASCII) {
            int key = c1 * ASCII + c2;
            ScanPattern[] cached = asciiPairs.get(key);
            if (cached == null) {
                cached = probe(among, new String(new char[] {c1, c2}));
                asciiPairs.set(key, cached);
            }
            return cached;
        }
        if (Character.isSurrogate(c2)) {
            return among;
        }
        return cachedOther(((long) c1 << 16) | c2, among, new char[] {c1, c2});
    }

    private ScanPattern[] triple(char c1, char c2, char c3, ScanPattern[] among) {
        int a = wordIndex(c1);
        int b = wordIndex(c2);
        int c = wordIndex(c3);
        if (a >= 0 && b >= 0 && c >= 0) {
            int key = (a * WORD_ALPHABET + b) * WORD_ALPHABET + c;
            ScanPattern[] cached = wordTriples.get(key);
            if (cached == null) {
                cached = probe(among, new String(new char[] {c1, c2, c3}));
                wordTriples.set(key, cached);
            }
            return cached;
        }
        if (Character.isSurrogate(c3) || (c1 < ASCII && c2 < ASCII && c3 < ASCII)) {
            return among; // ASCII punctuation mixes: rare enough not to need a table
        }
        return cachedOther((1L << 48) | ((long) c1 << 32) | ((long) c2 << 16) | c3, among, new char[] {c1, c2, c3});
    }

    private ScanPattern[] cachedOther(long key, ScanPattern[] among, char[] prefix) {
        ScanPattern[] cached = otherPrefixes.get(key);
        if (cached == null) {
            cached = probe(among, new String(prefix));
            if (otherPrefixes.size() < MAX_CACHED) {
                otherPrefixes.putIfAbsent(key, cached);
            }
        }
        return cached;
    }

    private static int wordIndex(char c) {
        if (c >= 'a' && c <= 'z') {
            return c - 'a';
        }
        if (c >= '0' && c <= '9') {
            return 26 + c - '0';
        }
        return switch (c) {
            case ' ' -> 36;
            case '\'' -> 37;
            case '-' -> 38;
            default -> -1;
        };
    }

    private static ScanPattern[] probe(ScanPattern[] among, String prefix) {
        List<ScanPattern> hits = new ArrayList<>();
        for (ScanPattern p : among) {
            if (!p.indexable()) {
                hits.add(p);
                continue;
            }
            Matcher m = p.pattern().matcher(prefix);
            if (m.lookingAt() || m.hitEnd()) {
                hits.add(p);
            }
        }
        return hits.isEmpty() ? NONE : hits.toArray(ScanPattern[]::new);
    }
}
