package io.viplane.signals;

import java.util.Collection;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Turns lexicon patterns into compiled regular expressions. Lexicon authors write lower-case
 * patterns against normalised text, use {@code {name}} to splice in a vocabulary list, and never
 * have to think about word boundaries: a match may not start or end inside a Latin word, while
 * Chinese text (which has no spaces) is matched as is.
 */
final class RegexCompiler {

    private static final Pattern MACRO = Pattern.compile("\\{([a-z_][a-z0-9_]*)}");
    private static final int MAX_MACRO_DEPTH = 8;
    private static final String ALNUM = "[a-z0-9]";
    /** Java's \b treats Chinese characters as word characters, which breaks mixed text. */
    private static final String LATIN_BOUNDARY =
            "(?:(?<!" + ALNUM + ")(?=" + ALNUM + ")|(?<=" + ALNUM + ")(?!" + ALNUM + "))";
    private static final String START_GUARD = "(?:(?<!" + ALNUM + ")|(?!" + ALNUM + "))";
    private static final String END_GUARD = "(?:(?!" + ALNUM + ")|(?<!" + ALNUM + "))";

    private RegexCompiler() {
    }

    /** Compiles a pattern that must not start or end in the middle of a Latin word. */
    static Pattern compileGuarded(String raw, Map<String, String> macros, String where) {
        String body = expand(raw, macros, where);
        return compile(START_GUARD + "(?:" + body + ")" + END_GUARD, where);
    }

    /** Compiles a pattern that must match ending exactly at a position (a trailing space allowed). */
    static Pattern compileEndingAt(String raw, Map<String, String> macros, String where) {
        String body = expand(raw, macros, where);
        return compile(START_GUARD + "(?:" + body + ") ?$", where);
    }

    /** Compiles a pattern matched from a position onwards (with {@code lookingAt}). */
    static Pattern compileStartingAt(String raw, Map<String, String> macros, String where) {
        String body = expand(raw, macros, where);
        return compile("(?:" + body + ")" + END_GUARD, where);
    }

    /** An alternation of literal words or phrases (whitespace-tolerant, guarded at the edges). */
    static Pattern compileWordList(Collection<String> words, String where) {
        if (words.isEmpty()) {
            return null;
        }
        return compile(START_GUARD + literalAlternation(words) + END_GUARD, where);
    }

    /** {@code (?:a|b|c)} of literal phrases, longest first so that alternation prefers them. */
    static String literalAlternation(Collection<String> words) {
        StringBuilder sb = new StringBuilder("(?:");
        words.stream()
                .map(w -> w.trim().toLowerCase(java.util.Locale.ROOT))
                .filter(w -> !w.isEmpty())
                .distinct()
                .sorted((a, b) -> b.length() - a.length())
                .forEach(w -> sb.append(sb.length() > 3 ? "|" : "").append(literal(w)));
        return sb.append(")").toString();
    }

    /** Regex for a literal phrase; inner spaces/hyphens tolerate a space, a hyphen or nothing. */
    static String literal(String phrase) {
        StringBuilder sb = new StringBuilder();
        for (char c : phrase.toCharArray()) {
            char f = TextNormalizer.fold(c);
            if (f == ' ' || f == '-') {
                sb.append("[ -]?");
            } else if (Character.isLetterOrDigit(f)) {
                sb.append(f);
            } else {
                sb.append('\\').append(f);
            }
        }
        return sb.toString();
    }

    static String expand(String raw, Map<String, String> macros, String where) {
        String current = raw;
        for (int depth = 0; depth < MAX_MACRO_DEPTH; depth++) {
            Matcher m = MACRO.matcher(current);
            if (!m.find()) {
                return current.replace("\\b", LATIN_BOUNDARY);
            }
            StringBuilder sb = new StringBuilder();
            m.reset();
            while (m.find()) {
                String value = macros.get(m.group(1));
                if (value == null) {
                    throw new IllegalArgumentException(where + ": unknown vocabulary {" + m.group(1) + "}");
                }
                m.appendReplacement(sb, Matcher.quoteReplacement(value));
            }
            m.appendTail(sb);
            current = sb.toString();
        }
        throw new IllegalArgumentException(where + ": vocabulary references nest too deeply");
    }

    /**
     * Lower-cases literal letters so that patterns can be matched case-sensitively against the
     * (already lower-case) text, which is several times faster than CASE_INSENSITIVE. Escapes
     * such as \\D, \\S, \\p{Lu} or \\Q...\\E are copied untouched.
     */
    static String lowerLiterals(String regex) {
        StringBuilder sb = new StringBuilder(regex.length());
        int i = 0;
        while (i < regex.length()) {
            char c = regex.charAt(i);
            if (c != '\\' || i + 1 >= regex.length()) {
                sb.append(Character.toLowerCase(c));
                i++;
                continue;
            }
            char next = regex.charAt(i + 1);
            int end = i + 2;
            if ((next == 'p' || next == 'P' || next == 'x' || next == 'N') && end < regex.length()
                    && regex.charAt(end) == '{') {
                end = regex.indexOf('}', end) + 1;
            } else if (next == 'Q') {
                int close = regex.indexOf("\\E", end);
                end = close < 0 ? regex.length() : close + 2;
            }
            if (end <= i) {
                end = regex.length();
            }
            sb.append(regex, i, end);
            i = end;
        }
        return sb.toString();
    }

    private static Pattern compile(String regex, String where) {
        try {
            return Pattern.compile(lowerLiterals(regex));
        } catch (PatternSyntaxException e) {
            throw new IllegalArgumentException(where + ": invalid pattern: " + e.getDescription(), e);
        }
    }
}
