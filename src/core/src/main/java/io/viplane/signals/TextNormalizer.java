package io.viplane.signals;

import java.util.Arrays;

/**
 * Folds customer text into one canonical shape so that lexicon patterns need to be written only
 * once: lower case, straight quotes, ASCII versions of full-width characters, one space for any
 * run of whitespace (a newline, which ends a clause, if the run holds a blank line), no whitespace
 * between two Chinese characters.
 * Every kept character maps one-to-one to an original character, which keeps offsets exact.
 */
final class TextNormalizer {

    private TextNormalizer() {
    }

    static NormalizedText normalize(String original) {
        String s = original == null ? "" : original;
        int len = s.length();
        char[] out = new char[len];
        int[] map = new int[len];
        int n = 0;
        boolean pendingSpace = false;
        int pendingNewlines = 0;
        int spaceOrigin = -1;

        for (int i = 0; i < len; i++) {
            char c = fold(s.charAt(i));
            if (isSpace(c)) {
                if (!pendingSpace) {
                    spaceOrigin = i;
                }
                pendingSpace = true;
                pendingNewlines += c == '\n' ? 1 : 0;
                continue;
            }
            if (isIgnorable(c)) {
                continue;
            }
            if (pendingSpace && n > 0) {
                // a blank line ends a paragraph; a single line break is just e-mail wrapping
                boolean paragraph = pendingNewlines >= 2;
                boolean joinHan = !paragraph && isHanOrCjkPunct(out[n - 1]) && isHanOrCjkPunct(c);
                if (!joinHan) {
                    map[n] = spaceOrigin;
                    out[n++] = paragraph ? '\n' : ' ';
                }
            }
            pendingSpace = false;
            pendingNewlines = 0;
            map[n] = i;
            out[n++] = c;
        }
        int[] bounds = new int[16];
        int boundCount = 0;
        for (int i = 0; i < n; i++) {
            if (isBoundary(out, n, i)) {
                if (boundCount == bounds.length) {
                    bounds = Arrays.copyOf(bounds, boundCount * 2);
                }
                bounds[boundCount++] = i;
            }
        }
        return new NormalizedText(new String(out, 0, n), map, Arrays.copyOf(bounds, boundCount));
    }

    /** Folds one character; never changes the character count. */
    static char fold(char c) {
        if (c < 128) {
            // fast path: most support text is ASCII
            return c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c == '`' ? '\'' : c;
        }
        switch (c) {
            case '\u2018', '\u2019', '\u201A', '\u201B', '\u2032', '\u00B4', '`', '\uFF07' -> {
                return '\'';
            }
            case '\u201C', '\u201D', '\u201E', '\u201F', '\u2033', '\u00AB', '\u00BB' -> {
                return '"';
            }
            case '\u2010', '\u2011', '\u2012', '\u2212' -> {
                return '-';
            }
            case '\u00A0', '\u2007', '\u202F', '\u3000' -> {
                return ' ';
            }
            default -> {
                // full-width ASCII (incl. Chinese full-width punctuation like ，！？) to plain ASCII
                if (c >= '\uFF01' && c <= '\uFF5E') {
                    c = (char) (c - 0xFEE0);
                }
                return Character.toLowerCase(c);
            }
        }
    }

    private static boolean isIgnorable(char c) {
        return c == '\u200B' || c == '\u200C' || c == '\u200D' || c == '\uFEFF' || c == '\u00AD';
    }

    private static boolean isSpace(char c) {
        if (c < 128) {
            return c == ' ' || (c >= '\t' && c <= '\r');
        }
        return Character.isWhitespace(c) || Character.isSpaceChar(c);
    }

    static boolean isHan(char c) {
        // everything below the CJK radicals block is not Han; skips a binary search for ASCII
        return c >= '\u2E80' && Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN;
    }

    private static boolean isHanOrCjkPunct(char c) {
        return isHan(c) || (c >= '\u3000' && c <= '\u303F');
    }

    /**
     * Clause boundaries scope negation and object checks. A full stop between two alphanumerics
     * ("3.2", "example.com") is not one, nor a comma or colon between digits ("1,000", "3:30").
     */
    private static boolean isBoundary(char[] t, int n, int i) {
        char c = t[i];
        if (c < 128 && c != '\n' && c != ',' && c != ';' && c != '!' && c != '?' && c != ':' && c != '.') {
            return false;
        }
        switch (c) {
            case '\n', ';', '!', '?', '\u3002', '\u3001', '\u2026', '\u2013', '\u2014', '\uFF61', '\uFF64' -> {
                return true;
            }
            case ',', ':' -> {
                boolean digits = i > 0 && i + 1 < n && Character.isDigit(t[i - 1]) && Character.isDigit(t[i + 1]);
                return !digits;
            }
            case '.' -> {
                boolean alnumBefore = i > 0 && Character.isLetterOrDigit(t[i - 1]);
                boolean alnumAfter = i + 1 < n && Character.isLetterOrDigit(t[i + 1]) && !isHan(t[i + 1]);
                return !(alnumBefore && alnumAfter);
            }
            default -> {
                return false;
            }
        }
    }
}
