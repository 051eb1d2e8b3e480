package io.viplane.signals;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * Scores the default churn lexicon against a hand-labeled set of support messages and fails
 * when quality drops below the floors below, which sit a little under what was measured.
 *
 * <p>The set has four splits (field {@code split}):
 * <ul>
 *   <li>{@code tune} (193): written first; the lexicon was developed against it, so its scores
 *       (all 1.0) only prove the lexicon covers what it was written for.</li>
 *   <li>{@code probe1} (36), {@code probe2} (40): each written fresh after a tuning round and
 *       measured once before being used to generalise the lexicon (by phrase family, never by
 *       sentence). Untuned accuracy was 0.528 and 0.575.</li>
 *   <li>{@code heldout} (40): written last and never tuned for. Accuracy 0.525; precision 0.80
 *       (DIRECT) and 0.75 (INDIRECT), recall 0.31 and 0.25. This is the honest estimate for
 *       unseen wording: the lexicon is a high-precision, low-recall signal, so NONE does not
 *       mean "no risk". Do not tune on these sentences; write a new held-out batch instead.</li>
 * </ul>
 */
class ChurnDetectorEvaluationTest {

    static final String CHURN_SET = "/signals/churn-eval.jsonl";

    /** Floors for every class, per language and overall, on the whole set (measured minimum 0.870). */
    static final double MIN_PRECISION = 0.85;
    static final double MIN_RECALL = 0.85;
    /** Floors on the never-tuned split (measured: accuracy 0.525, signal precision 0.75 and 0.80). */
    static final double MIN_HELDOUT_ACCURACY = 0.50;
    static final double MIN_HELDOUT_SIGNAL_PRECISION = 0.70;
    static final int MIN_EXAMPLES = 150;
    static final int MIN_CHINESE_EXAMPLES = 50;

    static final List<String> LABELS = List.of("DIRECT", "INDIRECT", "NONE");
    static final List<String> LANGS = List.of("en", "zh");
    static final List<String> SPLITS = List.of("tune", "probe1", "probe2", "heldout");

    private static EvalReport report;
    private static List<EvalSet.Example> examples;

    @BeforeAll
    static void evaluate() {
        examples = EvalSet.load(CHURN_SET);
        ChurnDetector detector = ChurnDetector.withDefaultLexicon();
        report = new EvalReport(LABELS);
        for (EvalSet.Example ex : examples) {
            List<SignalMatch> matches = detector.detect(ex.text());
            String detail = matches.stream().map(m -> m.entryId() + "/" + m.strength().name().charAt(0))
                    .collect(Collectors.joining(",", "[", "]"));
            report.add(new EvalReport.Outcome(ex.id(), ex.lang(), ex.split(), ex.label(),
                    ChurnClass.of(matches).name(), detail));
        }
        System.out.println(report.table("Churn detector, default lexicon (" + CHURN_SET + ")",
                report.slices(LANGS, SPLITS)));
        System.out.println("Misclassified (id, split, expected, predicted, matched entries):");
        System.out.println(report.errors());
    }

    @Test
    void evaluationSetIsBigEnoughAndWellFormed() {
        long chinese = examples.stream().filter(e -> e.lang().equals("zh")).count();
        assertTrue(examples.size() >= MIN_EXAMPLES, "examples: " + examples.size());
        assertTrue(chinese >= MIN_CHINESE_EXAMPLES, "Chinese examples: " + chinese);
        assertEquals(examples.size(), examples.stream().map(EvalSet.Example::id).distinct().count(), "unique ids");
        assertTrue(examples.stream().allMatch(e -> LABELS.contains(e.label()) && LANGS.contains(e.lang())));
        for (String lang : LANGS) {
            for (String label : LABELS) {
                assertTrue(examples.stream().filter(e -> e.lang().equals(lang) && e.label().equals(label)).count() >= 15,
                        "at least 15 " + lang + "/" + label);
            }
        }
    }

    @Test
    void precisionAndRecallPerClassPerLanguageAndOverall() {
        List<Executable> checks = new ArrayList<>();
        for (Map.Entry<String, List<EvalReport.Outcome>> slice : report.slices(LANGS, List.of()).entrySet()) {
            for (String label : LABELS) {
                EvalReport.Score s = EvalReport.score(slice.getValue(), label);
                Supplier<String> what = () -> slice.getKey() + "/" + label;
                checks.add(() -> assertTrue(s.precision() >= MIN_PRECISION,
                        () -> what.get() + " precision " + s.precision() + " < " + MIN_PRECISION));
                checks.add(() -> assertTrue(s.recall() >= MIN_RECALL,
                        () -> what.get() + " recall " + s.recall() + " < " + MIN_RECALL));
            }
        }
        assertAll(checks);
    }

    @Test
    void heldOutSentencesStillMostlyRight() {
        List<EvalReport.Outcome> heldout = report.slice(null, "heldout");
        assertTrue(heldout.size() >= 40, "held-out examples: " + heldout.size());
        double accuracy = EvalReport.accuracy(heldout);
        assertTrue(accuracy >= MIN_HELDOUT_ACCURACY, "held-out accuracy " + accuracy);
        for (String label : List.of("DIRECT", "INDIRECT")) {
            EvalReport.Score s = EvalReport.score(heldout, label);
            assertTrue(s.precision() >= MIN_HELDOUT_SIGNAL_PRECISION, "held-out " + label + " precision " + s.precision());
        }
    }
}
