package io.viplane.signals;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The vocabulary of one script, keyed by normalised text. Latin keys may be multi-word phrases
 * (matched word by word); Han keys are matched by greedy longest match, which is how the scorer
 * segments Chinese without a segmentation library ("不满意" is one term, not 不 + 满意).
 */
final class SentimentDictionary {

    enum Role { TERM, INTENSIFIER, NEGATOR, CONTRAST }

    /** @param problem a term that describes the fault, not a feeling (see {@link SentimentScore#affect()}) */
    record Meaning(Role role, double value, boolean problem) {
        Meaning(Role role, double value) {
            this(role, value, false);
        }
    }

    private final Map<String, Meaning> byKey = new HashMap<>();
    private final Map<String, List<String[]>> phrasesByFirstWord = new HashMap<>();
    private int maxKeyLength = 1;

    /** Adds vocabulary; a key keeps its strongest role, TERM over INTENSIFIER over NEGATOR over CONTRAST. */
    void addAll(SentimentLexicon.LanguageLexicon lexicon) {
        lexicon.contrast().forEach(k -> put(k, new Meaning(Role.CONTRAST, 0)));
        lexicon.negators().forEach(k -> put(k, new Meaning(Role.NEGATOR, 0)));
        lexicon.intensifiers().forEach((k, v) -> put(k, new Meaning(Role.INTENSIFIER, v)));
        java.util.Set<String> problems = new java.util.HashSet<>();
        lexicon.problemTerms().forEach(k -> problems.add(normalizeKey(k)));
        lexicon.terms().forEach((k, v) -> put(k, new Meaning(Role.TERM, v, problems.contains(normalizeKey(k)))));
    }

    private void put(String rawKey, Meaning meaning) {
        String key = normalizeKey(rawKey);
        if (key.isEmpty()) {
            return;
        }
        Meaning old = byKey.get(key);
        if (old != null && old.role().ordinal() < meaning.role().ordinal()) {
            return;
        }
        byKey.put(key, meaning);
        maxKeyLength = Math.max(maxKeyLength, key.length());
        String[] words = key.split(" ");
        if (words.length > 1) {
            List<String[]> list = phrasesByFirstWord.computeIfAbsent(words[0], w -> new ArrayList<>());
            list.removeIf(p -> String.join(" ", p).equals(key));
            list.add(words);
            list.sort(Comparator.comparingInt((String[] p) -> p.length).reversed());
        }
    }

    static String normalizeKey(String raw) {
        StringBuilder sb = new StringBuilder();
        for (char c : raw.trim().toCharArray()) {
            char f = TextNormalizer.fold(c);
            sb.append(Character.isWhitespace(f) ? ' ' : f);
        }
        return sb.toString().replaceAll(" +", " ").toLowerCase(Locale.ROOT);
    }

    Meaning lookup(String key) {
        return byKey.get(key);
    }

    /** Multi-word phrases starting with {@code word}, longest first. */
    List<String[]> phrasesStartingWith(String word) {
        return phrasesByFirstWord.getOrDefault(word, List.of());
    }

    int maxKeyLength() {
        return maxKeyLength;
    }
}
