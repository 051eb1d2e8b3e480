package io.viplane.signals;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * Label accuracy of the default sentiment lexicon on a hand-labeled set. Splits: {@code tune}
 * (56) was written with the lexicon (accuracy 1.0, proves coverage only); {@code probe1} (22) was
 * written afterwards and measured once untuned at 0.727, then used to fix a bug (multi-word
 * phrases never matched) and add missing inflections; {@code heldout} (18) was written last and
 * never tuned for: 0.833, every miss a polarity read as NEUTRAL, never the opposite polarity.
 */
class LexiconSentimentScorerEvaluationTest {

    static final String SENTIMENT_SET = "/signals/sentiment-eval.jsonl";
    static final List<String> LABELS = List.of("NEGATIVE", "NEUTRAL", "POSITIVE");
    static final List<String> LANGS = List.of("en", "zh");

    /** Floors a little under the measured values (accuracy 0.958; en 0.941, zh 0.978; P/R >= 0.889). */
    static final double MIN_ACCURACY = 0.90;
    static final double MIN_ACCURACY_PER_LANGUAGE = 0.90;
    static final double MIN_CLASS_PRECISION = 0.85;
    static final double MIN_CLASS_RECALL = 0.85;
    /** Measured 0.833 on the never-tuned split. */
    static final double MIN_HELDOUT_ACCURACY = 0.75;

    private static EvalReport report;

    @BeforeAll
    static void evaluate() {
        LexiconSentimentScorer scorer = LexiconSentimentScorer.withDefaultLexicon();
        report = new EvalReport(LABELS);
        for (EvalSet.Example ex : EvalSet.load(SENTIMENT_SET)) {
            SentimentScore s = scorer.score(ex.text());
            report.add(new EvalReport.Outcome(ex.id(), ex.lang(), ex.split(), ex.label(), s.label().name(),
                    String.format(Locale.ROOT, "score=%.3f", s.score())));
        }
        System.out.println(report.table("Lexicon sentiment scorer, default lexicon (" + SENTIMENT_SET + ")",
                report.slices(LANGS, List.of("tune", "probe1", "heldout"))));
        System.out.println("Misclassified (id, split, expected, predicted, score):");
        System.out.println(report.errors());
    }

    @Test
    void setIsBigEnough() {
        List<EvalReport.Outcome> all = report.outcomes();
        assertTrue(all.size() >= 40, "examples: " + all.size());
        for (String lang : LANGS) {
            assertTrue(report.slice(lang, null).size() >= 20, lang);
        }
    }

    @Test
    void labelAccuracyAndPerClassPrecisionRecall() {
        List<Executable> checks = new ArrayList<>();
        List<EvalReport.Outcome> all = report.slice(null, null);
        checks.add(() -> assertTrue(EvalReport.accuracy(all) >= MIN_ACCURACY, "accuracy " + EvalReport.accuracy(all)));
        for (String lang : LANGS) {
            double acc = EvalReport.accuracy(report.slice(lang, null));
            checks.add(() -> assertTrue(acc >= MIN_ACCURACY_PER_LANGUAGE, lang + " accuracy " + acc));
        }
        for (Map.Entry<String, List<EvalReport.Outcome>> slice : Map.of("all", all).entrySet()) {
            for (String label : LABELS) {
                EvalReport.Score s = EvalReport.score(slice.getValue(), label);
                checks.add(() -> assertTrue(s.precision() >= MIN_CLASS_PRECISION, label + " precision " + s.precision()));
                checks.add(() -> assertTrue(s.recall() >= MIN_CLASS_RECALL, label + " recall " + s.recall()));
            }
        }
        assertAll(checks);
    }

    @Test
    void heldOutAccuracy() {
        List<EvalReport.Outcome> heldout = report.slice(null, "heldout");
        assertTrue(heldout.size() >= 16, "held-out examples: " + heldout.size());
        double acc = EvalReport.accuracy(heldout);
        assertTrue(acc >= MIN_HELDOUT_ACCURACY, "held-out accuracy " + acc);
    }
}
