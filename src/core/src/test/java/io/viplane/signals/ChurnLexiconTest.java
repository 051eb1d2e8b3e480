package io.viplane.signals;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Loading, overriding and validating churn lexicons. */
class ChurnLexiconTest {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private static JsonNode yaml(String text) throws Exception {
        return YAML.readTree(text);
    }

    private static InputStream stream(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void defaultLexiconCoversBothLanguagesAndEveryKind() {
        ChurnLexicon lexicon = ChurnLexicon.loadDefault();
        assertSame(lexicon, ChurnLexicon.loadDefault(), "parsed once");
        assertTrue(lexicon.languages().keySet().containsAll(List.of("en", "zh")));
        assertTrue(lexicon.competitors().size() >= 4);
        for (SignalKind kind : SignalKind.values()) {
            for (String lang : List.of("en", "zh")) {
                assertTrue(lexicon.entries().stream().anyMatch(e -> e.kind() == kind && e.lang().equals(lang)),
                        kind + "/" + lang);
            }
        }
    }

    @Test
    void policyOverlayAddsCompetitorsAndEntriesToTheDefault() throws Exception {
        JsonNode policy = yaml("""
                name: test-policy
                signals:
                  churn_lexicon:
                    competitors: [Acme Desk]
                    entries:
                      - id: en.budget_freeze
                        lang: en
                        kind: DIRECT
                        patterns: ["budget (?:is )?frozen"]
                """);
        ChurnDetector detector = new ChurnDetector(ChurnLexicon.fromYaml(policy));
        assertEquals(ChurnClass.INDIRECT, detector.classify("Acme Desk has that built in."));
        assertEquals(ChurnClass.DIRECT, detector.classify("We are moving to acme-desk next month."));
        assertEquals(ChurnClass.DIRECT, detector.classify("Our budget is frozen."));
        assertEquals(ChurnClass.DIRECT, detector.classify("Please cancel our subscription."), "defaults kept");
        assertEquals(ChurnClass.NONE, detector.classify("Our budget is not frozen? Our budget is fine."));
    }

    @Test
    void overlayReplacesEntriesByIdAndDisablesEntries() throws Exception {
        ChurnLexicon lexicon = ChurnLexicon.fromYaml(yaml("""
                churn_lexicon:
                  disabled_entries: [en.frustration]
                  entries:
                    - id: en.downgrade
                      lang: en
                      kind: INDIRECT
                      patterns: ["downgrad(?:e|ing)"]
                """));
        ChurnDetector detector = new ChurnDetector(lexicon);
        assertEquals(ChurnClass.NONE, detector.classify("I'm frustrated."));
        assertEquals(ChurnClass.INDIRECT, detector.classify("We want to downgrade."));
        assertEquals(1, lexicon.entries().stream().filter(e -> e.id().equals("en.downgrade")).count());
    }

    @Test
    void overlayAppendsNegationWordsAndReplacesWindows() throws Exception {
        ChurnLexicon lexicon = ChurnLexicon.fromYaml(stream("""
                languages:
                  en:
                    negation_cues: ["hardly"]
                    negation_window: 20
                vocab:
                  en_cancel_ok_object: ["standups?"]
                """));
        ChurnLexicon.LanguageRules en = lexicon.languages().get("en");
        assertTrue(en.negationCues().containsAll(List.of("not", "hardly")));
        assertEquals(20, en.negationWindow());
        ChurnDetector detector = new ChurnDetector(lexicon);
        assertEquals(ChurnClass.NONE, detector.classify("We would hardly cancel."));
        assertEquals(ChurnClass.NONE, detector.classify("Please cancel the standups."));
    }

    @Test
    void extendsNoneStandsAlone() throws Exception {
        ChurnLexicon lexicon = ChurnLexicon.fromYaml(yaml("""
                extends: none
                languages:
                  en: {negation_cues: [not]}
                entries:
                  - {id: only, lang: en, kind: DIRECT, patterns: [quit]}
                """));
        assertEquals(1, lexicon.entries().size());
        assertTrue(lexicon.competitors().isEmpty());
        ChurnDetector detector = new ChurnDetector(lexicon);
        assertEquals(ChurnClass.DIRECT, detector.classify("We quit."));
        assertEquals(ChurnClass.NONE, detector.classify("We will not quit."));
        assertEquals(ChurnClass.NONE, detector.classify("Please cancel our subscription."));
    }

    @Test
    void policyWithoutLexiconUsesTheDefault() throws Exception {
        assertSame(ChurnLexicon.loadDefault(), ChurnLexicon.fromYaml(yaml("name: p\nsignals: {}\n")));
    }

    @Test
    void mistakesFailLoudlyWithTheirLocation() throws Exception {
        IllegalArgumentException typo = assertThrows(IllegalArgumentException.class,
                () -> ChurnLexicon.fromYaml(yaml("competitorz: [X]")));
        assertTrue(typo.getMessage().contains("competitorz"), typo.getMessage());

        ChurnLexicon badRegex = ChurnLexicon.fromYaml(yaml("entries: [{id: bad.one, lang: en, kind: DIRECT, patterns: ['(']}]"));
        IllegalArgumentException regex = assertThrows(IllegalArgumentException.class, () -> new ChurnDetector(badRegex));
        assertTrue(regex.getMessage().contains("bad.one"), regex.getMessage());

        ChurnLexicon badVocab = ChurnLexicon.fromYaml(yaml("entries: [{id: v, lang: en, kind: DIRECT, patterns: ['{nope}']}]"));
        assertThrows(IllegalArgumentException.class, () -> new ChurnDetector(badVocab));

        ChurnLexicon noRules = ChurnLexicon.fromYaml(yaml("entries: [{id: fr.x, lang: fr, kind: DIRECT, patterns: [résilier]}]"));
        assertThrows(IllegalArgumentException.class, () -> new ChurnDetector(noRules));

        assertThrows(IllegalArgumentException.class,
                () -> ChurnLexicon.fromYaml(yaml("entries: [{id: x, lang: en, kind: DIRECT, patterns: []}]")));
        assertThrows(IllegalArgumentException.class,
                () -> ChurnLexicon.fromYaml(yaml("entries: [{id: x, lang: en, kind: DIRECT, strength: NONE, patterns: [a]}]")));
        assertThrows(IllegalArgumentException.class, () -> ChurnLexicon.fromYaml(yaml("extends: sometimes")));
        assertThrows(IllegalArgumentException.class, () -> ChurnLexicon.fromYaml(yaml("""
                entries:
                  - {id: dup, lang: en, kind: DIRECT, patterns: [a]}
                  - {id: dup, lang: en, kind: DIRECT, patterns: [b]}
                """)));
    }

    @Test
    void languageNeutralEntriesNeedNoRulesWhenNotNegatable() throws Exception {
        ChurnLexicon lexicon = ChurnLexicon.fromYaml(yaml(
                "entries: [{id: mul.x, lang: mul, kind: COMPETITOR, negatable: false, patterns: ['rivalco']}]"));
        assertEquals(ChurnClass.INDIRECT, new ChurnDetector(lexicon).classify("RivalCo is cheaper"));
    }

    @Test
    void recordsAreImmutable() {
        ChurnLexicon lexicon = ChurnLexicon.loadDefault();
        assertThrows(UnsupportedOperationException.class, () -> lexicon.entries().clear());
        assertThrows(UnsupportedOperationException.class, () -> lexicon.vocab().put("x", List.of("y")));
        Map<String, List<String>> vocab = lexicon.vocab();
        assertThrows(UnsupportedOperationException.class, () -> vocab.get("det").add("z"));
        assertFalse(lexicon.entries().isEmpty());
    }
}
