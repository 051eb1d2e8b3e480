package io.viplane.signals;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Baseline sentiment for English and Chinese from a {@link SentimentLexicon}, used by the
 * pipeline only when no external NLP score exists. Pure and thread-safe.
 *
 * <p>VADER-style: each known term contributes its valence; an intensifier just before it
 * multiplies it ("extremely", "非常"), a negator just before it flips and dampens it ("not
 * happy", "不满意" is a term of its own), an ALL-CAPS word and exclamation marks add mild
 * intensity, and in a sentence with "but"/"但是" the second half weighs more. The sum is
 * squashed into [-1, 1] by {@code sum / sqrt(sum^2 + alpha)}.
 *
 * <p>Defaults (used when the lexicon leaves a value out; the shipped YAML states them too):
 * NEGATIVE below {@value #DEFAULT_NEGATIVE_BELOW}, POSITIVE above {@value #DEFAULT_POSITIVE_ABOVE},
 * alpha 15, negation factor -0.74 within 3 words, intensifiers within 2 words, +0.292 per "!"
 * (at most 4), ALL CAPS x1.2, contrast x0.5 before and x1.5 after.
 */
public final class LexiconSentimentScorer implements SentimentScorer {

    public static final double DEFAULT_NEGATIVE_BELOW = -0.25;
    public static final double DEFAULT_POSITIVE_ABOVE = 0.25;

    private final SentimentLexicon lexicon;
    private final SentimentTokenizer tokenizer;
    private final Map<String, Double> symbols;
    private final double negativeBelow;
    private final double positiveAbove;
    private final double alpha;
    private final double negationScalar;
    private final int negationWindow;
    private final int intensifierWindow;
    private final double exclamationBoost;
    private final int maxExclamations;
    private final double capsBoost;
    private final double contrastBefore;
    private final double contrastAfter;
    private final double problemWeight;

    public LexiconSentimentScorer(SentimentLexicon lexicon) {
        this(lexicon, null, null, null);
    }

    private LexiconSentimentScorer(SentimentLexicon lexicon, Double negativeBelow, Double positiveAbove,
                                   Double problemWeight) {
        Objects.requireNonNull(lexicon, "lexicon");
        SentimentDictionary latin = new SentimentDictionary();
        SentimentDictionary han = new SentimentDictionary();
        // Chinese vocabulary segments Han text; every other language shares the Latin word list
        lexicon.languages().forEach((lang, vocabulary) ->
                (isChinese(lang) ? han : latin).addAll(vocabulary));
        this.tokenizer = new SentimentTokenizer(latin, han);
        Map<String, Double> folded = new LinkedHashMap<>();
        lexicon.symbols().forEach((k, v) -> folded.merge(SentimentDictionary.normalizeKey(k), v, (a, b) -> b));
        folded.remove("");
        this.symbols = Map.copyOf(folded);
        SentimentLexicon.Thresholds t = lexicon.thresholds() == null
                ? new SentimentLexicon.Thresholds(null, null) : lexicon.thresholds();
        this.negativeBelow = first(negativeBelow, t.negativeBelow(), DEFAULT_NEGATIVE_BELOW);
        this.positiveAbove = first(positiveAbove, t.positiveAbove(), DEFAULT_POSITIVE_ABOVE);
        if (this.negativeBelow > this.positiveAbove) {
            throw new IllegalArgumentException("negative threshold above positive threshold");
        }
        SentimentLexicon.Scoring s = lexicon.scoring() == null
                ? new SentimentLexicon.Scoring(null, null, null, null, null, null, null, null, null, null) : lexicon.scoring();
        this.alpha = positive(first(s.normalizationAlpha(), 15.0), "normalization_alpha");
        this.negationScalar = first(s.negationScalar(), -0.74);
        this.negationWindow = first(s.negationWindow(), 3);
        this.intensifierWindow = first(s.intensifierWindow(), 2);
        this.exclamationBoost = first(s.exclamationBoost(), 0.292);
        this.maxExclamations = first(s.maxExclamations(), 4);
        this.capsBoost = first(s.capsBoost(), 1.2);
        this.contrastBefore = first(s.contrastBefore(), 0.5);
        this.contrastAfter = first(s.contrastAfter(), 1.5);
        this.problemWeight = first(problemWeight, s.problemWeight(), 1.0);
        if (this.problemWeight < 0 || this.problemWeight > 1) {
            throw new IllegalArgumentException("problem_weight must be within [0, 1]");
        }
        this.lexicon = lexicon;
    }

    /** A scorer over the shipped lexicon, built once. */
    public static LexiconSentimentScorer withDefaultLexicon() {
        return DefaultHolder.DEFAULT;
    }

    /** The same scorer with other label thresholds (NEGATIVE below the first, POSITIVE above the second). */
    public LexiconSentimentScorer withThresholds(double negativeBelow, double positiveAbove) {
        return new LexiconSentimentScorer(lexicon, negativeBelow, positiveAbove, problemWeight);
    }

    /** The same scorer with another weight for problem words in the affect (0: ignored, 1: like any word). */
    public LexiconSentimentScorer withProblemWeight(double weight) {
        return new LexiconSentimentScorer(lexicon, negativeBelow, positiveAbove, weight);
    }

    public double problemWeight() {
        return problemWeight;
    }

    public double negativeBelow() {
        return negativeBelow;
    }

    public double positiveAbove() {
        return positiveAbove;
    }

    @Override
    public SentimentScore score(String text) {
        if (text == null || text.isBlank()) {
            return new SentimentScore(0.0, SentimentLabel.NEUTRAL);
        }
        NormalizedText normalized = TextNormalizer.normalize(text);
        SentimentTokenizer.Units units = tokenizer.tokenize(normalized, text);
        double[] terms = termSums(units);
        double symbols = symbolSum(normalized.text());
        double score = squash(terms[0] + symbols, units.exclamations());
        double affect = squash(terms[1] + symbols, units.exclamations());
        return new SentimentScore(score, label(score), affect);
    }

    private double squash(double sum, int exclamations) {
        if (sum != 0) {
            sum += Math.signum(sum) * Math.min(exclamations, maxExclamations) * exclamationBoost;
        }
        return Math.max(-1.0, Math.min(1.0, sum / Math.sqrt(sum * sum + alpha)));
    }

    /** The label this scorer's thresholds give to a score (also useful for external scores). */
    public SentimentLabel label(double score) {
        if (score < negativeBelow) {
            return SentimentLabel.NEGATIVE;
        }
        return score > positiveAbove ? SentimentLabel.POSITIVE : SentimentLabel.NEUTRAL;
    }

    /** {sum of every term, the same with problem terms weighted by the problem weight}. */
    private double[] termSums(SentimentTokenizer.Units units) {
        List<SentimentTokenizer.Unit> list = units.units();
        int[] contrastAt = contrastPositions(list, units.sentences());
        double sum = 0;
        double affect = 0;
        for (int i = 0; i < list.size(); i++) {
            SentimentTokenizer.Unit u = list.get(i);
            if (u.meaning() == null || u.meaning().role() != SentimentDictionary.Role.TERM) {
                continue;
            }
            double v = u.meaning().value() * modifiers(list, i);
            if (u.allCaps()) {
                v *= capsBoost;
            }
            int contrast = contrastAt[u.sentence()];
            if (contrast >= 0) {
                v *= i < contrast ? contrastBefore : contrastAfter;
            }
            sum += v;
            affect += u.meaning().problem() ? v * problemWeight : v;
        }
        return new double[] {sum, affect};
    }

    /** Product of the intensifiers and negation standing just before unit {@code i} in its clause. */
    private double modifiers(List<SentimentTokenizer.Unit> list, int i) {
        SentimentTokenizer.Unit target = list.get(i);
        double factor = 1.0;
        boolean negated = false;
        int reach = Math.max(negationWindow, intensifierWindow);
        for (int d = 1; d <= reach && i - d >= 0; d++) {
            SentimentTokenizer.Unit u = list.get(i - d);
            SentimentDictionary.Role role = u.meaning() == null ? null : u.meaning().role();
            // a clause break, an earlier term or a "but" owns whatever stands before it
            if (u.clause() != target.clause() || role == SentimentDictionary.Role.TERM
                    || role == SentimentDictionary.Role.CONTRAST) {
                break;
            }
            if (role == SentimentDictionary.Role.INTENSIFIER && d <= intensifierWindow) {
                factor *= u.meaning().value();
            } else if (role == SentimentDictionary.Role.NEGATOR && d <= negationWindow) {
                negated = true;
            }
        }
        return negated ? factor * negationScalar : factor;
    }

    private static int[] contrastPositions(List<SentimentTokenizer.Unit> list, int sentences) {
        int[] at = new int[sentences];
        Arrays.fill(at, -1);
        for (int i = 0; i < list.size(); i++) {
            SentimentTokenizer.Unit u = list.get(i);
            if (u.meaning() != null && u.meaning().role() == SentimentDictionary.Role.CONTRAST && at[u.sentence()] < 0) {
                at[u.sentence()] = i;
            }
        }
        return at;
    }

    private double symbolSum(String text) {
        double sum = 0;
        for (Map.Entry<String, Double> e : symbols.entrySet()) {
            String symbol = e.getKey();
            for (int at = text.indexOf(symbol); at >= 0; at = text.indexOf(symbol, at + symbol.length())) {
                sum += e.getValue();
            }
        }
        return sum;
    }

    private static boolean isChinese(String lang) {
        String l = lang.toLowerCase(Locale.ROOT);
        return l.equals("zh") || l.startsWith("zh-") || l.startsWith("zh_");
    }

    @SafeVarargs
    private static <T> T first(T... values) {
        for (T v : values) {
            if (v != null) {
                return v;
            }
        }
        throw new IllegalStateException("no default");
    }

    private static double positive(double v, String what) {
        if (!(v > 0)) {
            throw new IllegalArgumentException(what + " must be > 0");
        }
        return v;
    }

    private static final class DefaultHolder {
        static final LexiconSentimentScorer DEFAULT = new LexiconSentimentScorer(SentimentLexicon.loadDefault());
    }
}
