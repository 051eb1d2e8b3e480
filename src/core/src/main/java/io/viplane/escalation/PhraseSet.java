package io.viplane.escalation;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Case-insensitive phrase lookup in English and Chinese. Latin phrases must sit on word
 * boundaries ("revenue impact" does not match inside "prerevenue impacts"); CJK has no spaces,
 * so a CJK phrase matches anywhere. Returns the policy's phrase, never the customer's text, so
 * evidence quotes the rule, not the message.
 */
public final class PhraseSet {
    private static final Pattern WHITESPACE = Pattern.compile("\\s+");

    private final List<String> phrases;

    PhraseSet(List<String> phrases) {
        List<String> normalized = new ArrayList<>();
        for (String p : phrases) {
            normalized.add(normalize(p));
        }
        this.phrases = List.copyOf(normalized);
    }

    public List<String> phrases() {
        return phrases;
    }

    public Optional<String> firstMatch(String text) {
        return firstMatchNormalized(normalizeText(text));
    }

    /**
     * {@link #firstMatch} for text already passed through {@link #normalizeText}, so a caller
     * checking one message against several sets normalizes it once.
     */
    Optional<String> firstMatchNormalized(String normalizedText) {
        if (normalizedText == null) {
            return Optional.empty();
        }
        for (String p : phrases) {
            if (contains(normalizedText, p)) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }

    /** The form {@link #firstMatchNormalized} expects; null for no text (null or empty), which matches nothing. */
    static String normalizeText(String text) {
        return text == null || text.isEmpty() ? null : normalize(text);
    }

    static String normalize(String s) {
        String n = Normalizer.normalize(s, Normalizer.Form.NFKC)
                .replace('\u2019', '\'').replace('\u2018', '\'')
                .toLowerCase(Locale.ROOT);
        return WHITESPACE.matcher(n).replaceAll(" ").trim();
    }

    private static boolean contains(String text, String phrase) {
        boolean edgeStart = isWordChar(phrase.codePointAt(0));
        boolean edgeEnd = isWordChar(phrase.codePointBefore(phrase.length()));
        int from = 0;
        while (true) {
            int at = text.indexOf(phrase, from);
            if (at < 0) {
                return false;
            }
            int end = at + phrase.length();
            boolean startOk = !edgeStart || at == 0 || !isWordChar(text.codePointBefore(at));
            boolean endOk = !edgeEnd || end == text.length() || !isWordChar(text.codePointAt(end));
            if (startOk && endOk) {
                return true;
            }
            from = at + 1;
        }
    }

    /** Letters and digits of alphabetic scripts; ideographs need no boundary. */
    private static boolean isWordChar(int cp) {
        return Character.isLetterOrDigit(cp) && !Character.isIdeographic(cp);
    }
}
