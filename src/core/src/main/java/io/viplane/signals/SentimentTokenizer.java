package io.viplane.signals;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits normalised text into sentiment units: Latin words and phrases, Chinese terms (greedy
 * longest match) and unknown words, each tagged with its sentence and clause so that negation
 * and contrast stay local. Also counts exclamation marks.
 */
final class SentimentTokenizer {

    /** A word or term; meaning is null for words the lexicon does not know. */
    record Unit(SentimentDictionary.Meaning meaning, int sentence, int clause, boolean allCaps) {
    }

    /** The units of a message and its exclamation-mark count. */
    record Units(List<Unit> units, int exclamations, int sentences) {
    }

    private record Word(String text, int start, int end, int sentence, int clause) {
    }

    private final SentimentDictionary latin;
    private final SentimentDictionary han;

    SentimentTokenizer(SentimentDictionary latin, SentimentDictionary han) {
        this.latin = latin;
        this.han = han;
    }

    Units tokenize(NormalizedText normalized, String original) {
        String t = normalized.text();
        List<Unit> units = new ArrayList<>();
        List<Word> latinRun = new ArrayList<>();
        int sentence = 0;
        int clause = 0;
        int exclamations = 0;
        int i = 0;
        while (i < t.length()) {
            char c = t.charAt(i);
            if (isLatin(c)) {
                int end = latinWordEnd(t, i);
                latinRun.add(new Word(t.substring(i, end), i, end, sentence, clause));
                i = end;
                continue;
            }
            if (c == ' ') {
                i++; // words of a phrase are separated by spaces: keep the run going
                continue;
            }
            flushLatin(latinRun, normalized, original, units);
            if (TextNormalizer.isHan(c)) {
                int end = i;
                while (end < t.length() && TextNormalizer.isHan(t.charAt(end))) {
                    end++;
                }
                segmentHan(t, i, end, sentence, clause, units);
                i = end;
                continue;
            }
            if (c == '!') {
                exclamations++;
            }
            if (c == '.' || c == '!' || c == '?' || c == ';' || c == '\n' || c == '\u3002') {
                sentence++;
                clause++;
            } else if (c == ',' || c == ':' || c == '\u3001') {
                clause++;
            }
            i++;
        }
        flushLatin(latinRun, normalized, original, units);
        return new Units(List.copyOf(units), exclamations, sentence + 1);
    }

    /** Matches phrases over a run of Latin words, longest first, then single words. */
    private void flushLatin(List<Word> run, NormalizedText normalized, String original, List<Unit> out) {
        int k = 0;
        while (k < run.size()) {
            Word w = run.get(k);
            int taken = 1;
            SentimentDictionary.Meaning meaning = null;
            for (String[] phrase : latin.phrasesStartingWith(w.text())) {
                if (matchesPhrase(run, k, phrase)) {
                    meaning = latin.lookup(String.join(" ", phrase));
                    taken = phrase.length;
                    break;
                }
            }
            if (meaning == null) {
                meaning = latin.lookup(w.text());
            }
            Word last = run.get(k + taken - 1);
            boolean caps = isAllCaps(original, normalized.originalStart(w.start()), normalized.originalEnd(last.end()));
            out.add(new Unit(meaning, w.sentence(), w.clause(), caps));
            k += taken;
        }
        run.clear();
    }

    private static boolean matchesPhrase(List<Word> run, int k, String[] phrase) {
        if (k + phrase.length > run.size()) {
            return false;
        }
        Word first = run.get(k);
        for (int j = 0; j < phrase.length; j++) {
            Word w = run.get(k + j);
            if (!w.text().equals(phrase[j]) || w.clause() != first.clause()) {
                return false;
            }
        }
        return true;
    }

    private void segmentHan(String t, int from, int to, int sentence, int clause, List<Unit> out) {
        int i = from;
        while (i < to) {
            int longest = Math.min(han.maxKeyLength(), to - i);
            SentimentDictionary.Meaning meaning = null;
            int len = longest;
            for (; len >= 1; len--) {
                meaning = han.lookup(t.substring(i, i + len));
                if (meaning != null) {
                    break;
                }
            }
            int step = meaning == null ? 1 : len;
            out.add(new Unit(meaning, sentence, clause, false));
            i += step;
        }
    }

    private static boolean isLatin(char c) {
        return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || (c > 127 && Character.isLetter(c)
                && !TextNormalizer.isHan(c));
    }

    private static int latinWordEnd(String t, int i) {
        int end = i;
        while (end < t.length()) {
            char c = t.charAt(end);
            boolean inner = (c == '\'' || c == '-') && end + 1 < t.length() && isLatin(t.charAt(end + 1)) && end > i;
            if (!isLatin(c) && !inner) {
                break;
            }
            end++;
        }
        return end;
    }

    private static boolean isAllCaps(String original, int from, int to) {
        int letters = 0;
        for (int i = from; i < to; i++) {
            char c = original.charAt(i);
            if (Character.isLetter(c)) {
                if (!Character.isUpperCase(c)) {
                    return false;
                }
                letters++;
            }
        }
        return letters >= 2;
    }
}
