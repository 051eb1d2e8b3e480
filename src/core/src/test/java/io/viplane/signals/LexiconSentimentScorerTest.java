package io.viplane.signals;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Behaviour of the baseline lexicon sentiment scorer. */
class LexiconSentimentScorerTest {

    private static final LexiconSentimentScorer SCORER = LexiconSentimentScorer.withDefaultLexicon();

    private static double score(String text) {
        return SCORER.score(text).score();
    }

    private static SentimentLabel label(String text) {
        return SCORER.score(text).label();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "We are happy with the support.         | POSITIVE",
            "We are not happy with the support.     | NEGATIVE",
            "The new version is good.               | POSITIVE",
            "The new version is not good.           | NEGATIVE",
            "Not bad at all.                        | POSITIVE",
            "我们很满意。                             | POSITIVE",
            "我们不满意。                             | NEGATIVE",
            "这个功能不好用。                          | NEGATIVE",
            "没有问题，谢谢。                          | POSITIVE"})
    void negationFlipsPolarity(String text, SentimentLabel expected) {
        assertEquals(expected, label(text), text);
    }

    @Test
    void negationStaysInsideItsClause() {
        assertEquals(SentimentLabel.POSITIVE, label("No, it is great."));
        assertTrue(score("It is not, in my view, great") > 0, "comma ends the negation's reach");
    }

    @Test
    void intensifiersStrengthenAndDampenersWeaken() {
        assertTrue(score("The support was very good.") > score("The support was good."));
        assertTrue(score("Extremely bad experience.") < score("Bad experience."));
        assertTrue(score("It is slightly annoying.") > score("It is annoying."));
        assertTrue(score("我们非常满意。") > score("我们满意。"));
        assertTrue(score("服务太差了。") < score("服务差。"));
    }

    @Test
    void exclamationsAndCapsAddMildIntensityUpToACap() {
        assertTrue(score("Great job!!!") > score("Great job."));
        assertTrue(score("This is TERRIBLE.") < score("This is terrible."));
        assertEquals(score("Great job!!!!"), score("Great job!!!!!!!!!!"), 1e-12);
        assertEquals(0.0, score("How do I export tickets?!!"), 1e-12, "punctuation alone carries no sentiment");
        assertTrue(score("太好了！！") > score("太好了。"));
    }

    @Test
    void theClauseAfterButWeighsMore() {
        assertEquals(SentimentLabel.NEGATIVE, label("The UI is nice but the support is terrible."));
        assertEquals(SentimentLabel.POSITIVE, label("The first reply was slow, but the fix is great."));
        assertEquals(SentimentLabel.NEGATIVE, label("界面不错，但是客服很差。"));
    }

    @Test
    void phrasesBeatTheirWords() {
        assertEquals(SentimentLabel.NEGATIVE, label("The export is not working."));
        assertEquals(SentimentLabel.NEGATIVE, label("Honestly we are fed up."));
        assertTrue(score("No problem, thanks!") > 0);
        assertEquals(0.0, score("Quick question about SAML."), 1e-12);
        assertEquals(SentimentLabel.NEUTRAL, label("已经好几天了，请问进度如何？"), "好几 means several, not good");
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "How do I export all tickets to CSV?",
            "The webhook returns a 500 error when the payload contains emoji.",
            "Please update the billing address.",
            "请问如何导出所有工单？",
            "上传文件时会报错。"})
    void plainSupportRequestsAreNeutral(String text) {
        assertEquals(SentimentLabel.NEUTRAL, label(text), () -> text + " " + SCORER.score(text));
    }

    @Test
    void mixedScriptsAndEmojiCount() {
        assertEquals(SentimentLabel.POSITIVE, label("谢谢, great job"));
        assertEquals(SentimentLabel.POSITIVE, label("Done 👍"));
        assertEquals(SentimentLabel.NEGATIVE, label("Down again 😡"));
        assertEquals(SentimentLabel.POSITIVE, label("Works for me :D"));
    }

    @Test
    void scoreStaysInRangeForExtremeText() {
        double high = score("excellent amazing perfect love great ".repeat(200) + "!!!!!!");
        double low = score("TERRIBLE awful useless horrible 垃圾 受够了 ".repeat(200));
        assertTrue(high > 0.99 && high <= 1.0, "high " + high);
        assertTrue(low < -0.99 && low >= -1.0, "low " + low);
    }

    @Test
    void blankTextIsNeutralZero() {
        assertEquals(new SentimentScore(0.0, SentimentLabel.NEUTRAL), SCORER.score(null));
        assertEquals(new SentimentScore(0.0, SentimentLabel.NEUTRAL), SCORER.score("  "));
    }

    @Test
    void thresholdsAreDocumentedDefaultsAndConfigurable() {
        assertEquals(LexiconSentimentScorer.DEFAULT_NEGATIVE_BELOW, SCORER.negativeBelow());
        assertEquals(LexiconSentimentScorer.DEFAULT_POSITIVE_ABOVE, SCORER.positiveAbove());
        String mild = "The fix is fine.";
        double s = score(mild);
        assertEquals(SentimentLabel.NEUTRAL, label(mild), "score " + s);
        LexiconSentimentScorer eager = SCORER.withThresholds(-0.05, 0.05);
        assertEquals(SentimentLabel.POSITIVE, eager.score(mild).label());
        assertEquals(s, eager.score(mild).score(), 1e-12, "thresholds do not move scores");
        assertEquals(SentimentLabel.NEGATIVE, eager.label(-0.06));
        assertEquals(SentimentLabel.NEUTRAL, eager.label(0.05));
        assertThrows(IllegalArgumentException.class, () -> SCORER.withThresholds(0.3, -0.3));
        assertThrows(IllegalArgumentException.class, () -> new SentimentScore(1.5, SentimentLabel.POSITIVE));
    }

    @Test
    void policyOverlayChangesVocabularyAndThresholds() throws Exception {
        String policy = """
                signals:
                  sentiment_lexicon:
                    thresholds: {positive_above: 0.6}
                    languages:
                      en:
                        terms: {stellar: 3.0, fine: 0.0}
                      zh:
                        terms: {牛: 2.5}
                """;
        SentimentLexicon lexicon = SentimentLexicon.fromYaml(new ObjectMapper(new YAMLFactory()).readTree(policy));
        LexiconSentimentScorer custom = new LexiconSentimentScorer(lexicon);
        assertEquals(0.6, custom.positiveAbove());
        assertEquals(LexiconSentimentScorer.DEFAULT_NEGATIVE_BELOW, custom.negativeBelow());
        assertTrue(custom.score("stellar support").score() > 0.5);
        assertEquals(0.0, custom.score("fine").score(), 1e-12);
        assertTrue(custom.score("你们太牛了").score() > 0.5);
        assertEquals(SentimentLabel.NEGATIVE, custom.score("terrible").label(), "defaults kept");
        assertNotEquals(SCORER.score("Great!").label(), custom.score("nice").label());
    }

    @Test
    void standaloneLexiconAndValidation() {
        SentimentLexicon tiny = SentimentLexicon.fromYaml(new ByteArrayInputStream("""
                extends: none
                languages:
                  en: {terms: {yay: 2.0}, negators: ["not"]}
                """.getBytes(StandardCharsets.UTF_8)));
        LexiconSentimentScorer scorer = new LexiconSentimentScorer(tiny);
        assertEquals(SentimentLabel.POSITIVE, scorer.score("yay").label());
        assertEquals(SentimentLabel.NEGATIVE, scorer.score("not yay").label());
        assertEquals(SentimentLabel.NEUTRAL, scorer.score("great").label(), "no default vocabulary");
        assertThrows(IllegalArgumentException.class, () -> SentimentLexicon.fromYaml(new ByteArrayInputStream(
                "thresholds: {negative_below: 0.5, positive_above: 0.1}".getBytes(StandardCharsets.UTF_8))));
        assertThrows(IllegalArgumentException.class, () -> SentimentLexicon.fromYaml(new ByteArrayInputStream(
                "languages: {en: {termz: {a: 1}}}".getBytes(StandardCharsets.UTF_8))));
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {
            "Hello, our export job fails with error 4711 since this morning.",
            "The app crashes on login, the sync fails and the export is broken.",
            "今天早上还是失败，还是4711这个错误。",
            "系统宕机了，报错，同步失败，导出也用不了。"})
    void describingABugIsNegativeTextButNotExtremelyNegativeFeeling(String text) {
        // issue 18: the affect weighs words that only say what broke by the problem weight (0.25)
        SentimentScore s = SCORER.withProblemWeight(0.25).score(text);
        assertTrue(s.score() < s.affect(), text + " " + s);
        assertTrue(s.affect() > -0.6, "not extremely negative (the policies' -0.6): " + text + " " + s);
        assertEquals(s.score(), SCORER.score(text).score(), 1e-12, "the score itself does not change");
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {
            "This is unacceptable and I'm furious, the export fails every night.",
            "太失望了，受够了，系统又宕机了。"})
    void feelingsStillCountFullyInTheAffect(String text) {
        SentimentScore s = SCORER.withProblemWeight(0.25).score(text);
        assertTrue(s.affect() < -0.6, text + " " + s);
    }

    @Test
    void withoutProblemWordsTheAffectIsTheScore() {
        SentimentScore s = SCORER.withProblemWeight(0.25).score("We are really disappointed with the support.");
        assertEquals(s.score(), s.affect(), 1e-12);
        assertThrows(IllegalArgumentException.class, () -> SCORER.withProblemWeight(1.5));
    }
}
