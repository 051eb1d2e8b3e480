package io.viplane.signals;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.InputStream;
import java.util.List;
import java.util.Map;

/**
 * Word valences and scoring constants for {@link LexiconSentimentScorer}, bound from snake_case
 * YAML. The shipped default is {@code /viplane/signals/sentiment-lexicon.yaml}; a policy may
 * override it under {@code signals.sentiment_lexicon} exactly like the churn lexicon: laid over
 * the default unless {@code extends: none}; maps merged (the override wins per key), lists
 * appended, numbers replaced.
 *
 * @param base       {@code default} or {@code none}; YAML key {@code extends}
 * @param thresholds where NEUTRAL ends
 * @param scoring    intensity constants
 * @param symbols    emoticons and emoji with their valence, matched anywhere in the text
 * @param languages  per-language vocabulary ("en" for Latin-script words, "zh" for Chinese)
 */
public record SentimentLexicon(
        @JsonProperty("extends") String base,
        Thresholds thresholds,
        Scoring scoring,
        Map<String, Double> symbols,
        Map<String, LanguageLexicon> languages) {

    /** Resource path of the shipped lexicon. */
    public static final String DEFAULT_RESOURCE = "/viplane/signals/sentiment-lexicon.yaml";
    /** Key of the lexicon inside a policy's {@code signals} section. */
    public static final String POLICY_KEY = "sentiment_lexicon";

    public SentimentLexicon {
        symbols = LexiconYaml.map(symbols);
        languages = LexiconYaml.map(languages);
    }

    /**
     * Label boundaries: a score strictly below {@code negativeBelow} is NEGATIVE, strictly above
     * {@code positiveAbove} POSITIVE, anything else NEUTRAL.
     */
    public record Thresholds(Double negativeBelow, Double positiveAbove) {
        public Thresholds {
            if (negativeBelow != null && (negativeBelow < -1 || negativeBelow > 1)
                    || positiveAbove != null && (positiveAbove < -1 || positiveAbove > 1)) {
                throw new IllegalArgumentException("thresholds must be within [-1, 1]");
            }
            if (negativeBelow != null && positiveAbove != null && negativeBelow > positiveAbove) {
                throw new IllegalArgumentException("negative_below must not exceed positive_above");
            }
        }

        Thresholds overlay(Thresholds over) {
            return over == null ? this : new Thresholds(LexiconYaml.firstNonNull(over.negativeBelow, negativeBelow),
                    LexiconYaml.firstNonNull(over.positiveAbove, positiveAbove));
        }
    }

    /**
     * Scoring constants (VADER-style).
     *
     * @param normalizationAlpha sum / sqrt(sum^2 + alpha) squashes the valence sum into [-1, 1]
     * @param negationScalar     factor for a negated term ("not happy"): flips and dampens
     * @param negationWindow     how many words/terms before a term a negator may stand
     * @param intensifierWindow  how many words/terms before a term an intensifier may stand
     * @param exclamationBoost   added per "!" in the direction of the sum
     * @param maxExclamations    "!" beyond this many add nothing
     * @param capsBoost          factor for a sentiment word written in ALL CAPS
     * @param contrastBefore     factor for terms before "but"/"但是" in the same sentence
     * @param contrastAfter      factor for terms after it
     * @param problemWeight      factor for problem terms in the affect (0..1; 1, the default, makes affect = score)
     */
    public record Scoring(Double normalizationAlpha, Double negationScalar, Integer negationWindow,
                          Integer intensifierWindow, Double exclamationBoost, Integer maxExclamations,
                          Double capsBoost, Double contrastBefore, Double contrastAfter, Double problemWeight) {

        Scoring overlay(Scoring o) {
            return o == null ? this : new Scoring(
                    LexiconYaml.firstNonNull(o.normalizationAlpha, normalizationAlpha),
                    LexiconYaml.firstNonNull(o.negationScalar, negationScalar),
                    LexiconYaml.firstNonNull(o.negationWindow, negationWindow),
                    LexiconYaml.firstNonNull(o.intensifierWindow, intensifierWindow),
                    LexiconYaml.firstNonNull(o.exclamationBoost, exclamationBoost),
                    LexiconYaml.firstNonNull(o.maxExclamations, maxExclamations),
                    LexiconYaml.firstNonNull(o.capsBoost, capsBoost),
                    LexiconYaml.firstNonNull(o.contrastBefore, contrastBefore),
                    LexiconYaml.firstNonNull(o.contrastAfter, contrastAfter),
                    LexiconYaml.firstNonNull(o.problemWeight, problemWeight));
        }
    }

    /**
     * Vocabulary of one language.
     *
     * @param terms        words and phrases with valence, about -4 (worst) to +4 (best)
     * @param intensifiers multipliers for the next term: above 1 strengthens ("very"), below 1 dampens ("slightly")
     * @param negators     words that flip the next term ("not", "不")
     * @param contrast     words after which a sentence's second half counts more ("but", "但是")
     * @param problemTerms terms (keys of {@code terms}) that describe the fault rather than a feeling
     *                     ("fails", "error", "宕机"); they count fully in the score and by the scorer's
     *                     problem weight in the affect, see {@link SentimentScore#affect()}
     */
    public record LanguageLexicon(Map<String, Double> terms, Map<String, Double> intensifiers,
                                  List<String> negators, List<String> contrast, List<String> problemTerms) {
        public LanguageLexicon {
            terms = LexiconYaml.map(terms);
            intensifiers = LexiconYaml.map(intensifiers);
            negators = LexiconYaml.list(negators);
            contrast = LexiconYaml.list(contrast);
            problemTerms = LexiconYaml.list(problemTerms);
            terms.forEach((k, v) -> requireFinite("terms." + k, v));
            intensifiers.forEach((k, v) -> requireFinite("intensifiers." + k, v));
            for (String p : problemTerms) {
                if (!terms.containsKey(p)) {
                    throw new IllegalArgumentException("problem_terms: '" + p + "' is not one of the terms");
                }
            }
        }

        public LanguageLexicon(Map<String, Double> terms, Map<String, Double> intensifiers,
                               List<String> negators, List<String> contrast) {
            this(terms, intensifiers, negators, contrast, List.of());
        }

        LanguageLexicon overlay(LanguageLexicon o) {
            return new LanguageLexicon(
                    LexiconYaml.mergeMaps(terms, o.terms, (a, b) -> b),
                    LexiconYaml.mergeMaps(intensifiers, o.intensifiers, (a, b) -> b),
                    LexiconYaml.union(negators, o.negators),
                    LexiconYaml.union(contrast, o.contrast),
                    LexiconYaml.union(problemTerms, o.problemTerms));
        }
    }

    /** The shipped lexicon (parsed once; the record is immutable). */
    public static SentimentLexicon loadDefault() {
        return DefaultHolder.DEFAULT;
    }

    /** Reads a policy ({@code signals.sentiment_lexicon}), a {@code sentiment_lexicon:} fragment or a bare lexicon. */
    public static SentimentLexicon fromYaml(InputStream yaml) {
        return fromYaml(LexiconYaml.read(yaml));
    }

    /** As {@link #fromYaml(InputStream)}, for a tree the caller already parsed. */
    public static SentimentLexicon fromYaml(JsonNode node) {
        JsonNode lexiconNode = LexiconYaml.locate(node, POLICY_KEY);
        if (lexiconNode == null) {
            return loadDefault();
        }
        SentimentLexicon parsed = LexiconYaml.bind(lexiconNode, SentimentLexicon.class, "sentiment lexicon");
        return LexiconYaml.extendsDefault(parsed.base()) ? loadDefault().overlay(parsed) : parsed;
    }

    /** This lexicon with {@code over} laid on top. */
    public SentimentLexicon overlay(SentimentLexicon over) {
        return new SentimentLexicon("none",
                thresholds == null ? over.thresholds : thresholds.overlay(over.thresholds),
                scoring == null ? over.scoring : scoring.overlay(over.scoring),
                LexiconYaml.mergeMaps(symbols, over.symbols, (a, b) -> b),
                LexiconYaml.mergeMaps(languages, over.languages, LanguageLexicon::overlay));
    }

    private static void requireFinite(String what, Double v) {
        if (v == null || v.isNaN() || v.isInfinite()) {
            throw new IllegalArgumentException(what + " must be a number");
        }
    }

    private static final class DefaultHolder {
        static final SentimentLexicon DEFAULT = LexiconYaml.bind(
                LexiconYaml.readResource(DEFAULT_RESOURCE), SentimentLexicon.class, "default sentiment lexicon");
    }
}
