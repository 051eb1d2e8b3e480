package io.viplane.signals;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The phrases that reveal churn risk in support tickets, bound from snake_case YAML.
 *
 * <p>The shipped default lives in {@code /viplane/signals/churn-lexicon.yaml}. A policy file may
 * carry its own under {@code signals.churn_lexicon}; unless it says {@code extends: none} it is
 * laid over the default: lists (competitors, vocabulary, negation words) are appended, numbers
 * replaced, entries replaced by id, and {@code disabled_entries} removes default entries.
 *
 * @param base            {@code default} (overlay on the shipped lexicon) or {@code none}; YAML key {@code extends}
 * @param competitors     rival product names, matched as whole words; available to patterns as {@code {competitor}}
 * @param vocab           named lists of regex alternatives, usable in patterns as {@code {name}}
 * @param languages       negation and scope rules per language code
 * @param entries         the signal phrases
 * @param disabledEntries ids of entries to drop (meaningful in overlays)
 */
public record ChurnLexicon(
        @JsonProperty("extends") String base,
        List<String> competitors,
        Map<String, List<String>> vocab,
        Map<String, LanguageRules> languages,
        List<Entry> entries,
        List<String> disabledEntries) {

    /** Resource path of the shipped lexicon. */
    public static final String DEFAULT_RESOURCE = "/viplane/signals/churn-lexicon.yaml";
    /** Key of the lexicon inside a policy's {@code signals} section. */
    public static final String POLICY_KEY = "churn_lexicon";

    public ChurnLexicon {
        competitors = LexiconYaml.list(competitors);
        vocab = LexiconYaml.map(copyLists(vocab));
        languages = LexiconYaml.map(languages);
        entries = LexiconYaml.list(entries);
        disabledEntries = LexiconYaml.list(disabledEntries);
        Set<String> ids = new HashSet<>();
        for (Entry e : entries) {
            if (!ids.add(e.id())) {
                throw new IllegalArgumentException("duplicate churn lexicon entry id " + e.id());
            }
        }
    }

    /**
     * Negation and scope rules for one language.
     *
     * @param negationCues       words that cancel a following signal ("not", "no intention", "不打算")
     * @param negationExceptions cue look-alikes that do not negate intent ("can't", "not sure", "不得不")
     * @param scopeBreakers      words that end a negation's reach ("but", "if", "we", "但是", "就")
     * @param negationWindow     how many characters before a signal a cue may stand
     */
    public record LanguageRules(List<String> negationCues, List<String> negationExceptions,
                                List<String> scopeBreakers, Integer negationWindow) {
        public LanguageRules {
            negationCues = LexiconYaml.list(negationCues);
            negationExceptions = LexiconYaml.list(negationExceptions);
            scopeBreakers = LexiconYaml.list(scopeBreakers);
            if (negationWindow != null && negationWindow < 0) {
                throw new IllegalArgumentException("negation_window must be >= 0");
            }
        }

        LanguageRules overlay(LanguageRules over) {
            return new LanguageRules(
                    LexiconYaml.union(negationCues, over.negationCues),
                    LexiconYaml.union(negationExceptions, over.negationExceptions),
                    LexiconYaml.union(scopeBreakers, over.scopeBreakers),
                    LexiconYaml.firstNonNull(over.negationWindow, negationWindow));
        }
    }

    /**
     * One signal.
     *
     * @param id            stable identifier, reported with each match
     * @param lang          language code, selects the negation rules; {@code mul} (or any code without
     *                      rules) is allowed for entries that are not negatable, such as product names
     * @param kind          what the phrase is evidence of
     * @param strength      DIRECT or INDIRECT; defaults to DIRECT for kind DIRECT, else INDIRECT
     * @param patterns      regular expressions over normalised (lower-case) text; {@code {name}} splices vocabulary
     * @param suppressBefore regexes that, ending right before the match in the same clause, cancel it
     * @param suppressAfter  regexes that, starting right after the match in the same clause, cancel it
     * @param negatable     whether a preceding negation cue cancels it (default true)
     * @param note          free text for lexicon maintainers
     */
    public record Entry(String id, String lang, SignalKind kind, ChurnClass strength, List<String> patterns,
                        List<String> suppressBefore, List<String> suppressAfter, Boolean negatable, String note) {
        public Entry {
            if (id == null || id.isBlank()) {
                throw new IllegalArgumentException("churn lexicon entry without id");
            }
            if (lang == null || lang.isBlank()) {
                throw new IllegalArgumentException("entry " + id + ": lang is required");
            }
            if (kind == null) {
                throw new IllegalArgumentException("entry " + id + ": kind is required");
            }
            if (strength == ChurnClass.NONE) {
                throw new IllegalArgumentException("entry " + id + ": strength must be DIRECT or INDIRECT");
            }
            patterns = LexiconYaml.list(patterns);
            if (patterns.isEmpty()) {
                throw new IllegalArgumentException("entry " + id + ": at least one pattern is required");
            }
            suppressBefore = LexiconYaml.list(suppressBefore);
            suppressAfter = LexiconYaml.list(suppressAfter);
        }

        public ChurnClass effectiveStrength() {
            if (strength != null) {
                return strength;
            }
            return kind == SignalKind.DIRECT ? ChurnClass.DIRECT : ChurnClass.INDIRECT;
        }

        public boolean isNegatable() {
            return negatable == null || negatable;
        }
    }

    /** The shipped lexicon (parsed once; the record is immutable). */
    public static ChurnLexicon loadDefault() {
        return DefaultHolder.DEFAULT;
    }

    /**
     * Reads a lexicon from YAML: a whole policy (uses {@code signals.churn_lexicon}, or the default
     * when absent), a {@code churn_lexicon:} fragment, or a bare lexicon.
     */
    public static ChurnLexicon fromYaml(InputStream yaml) {
        return fromYaml(LexiconYaml.read(yaml));
    }

    /** As {@link #fromYaml(InputStream)}, for a tree the caller already parsed. */
    public static ChurnLexicon fromYaml(JsonNode node) {
        JsonNode lexiconNode = LexiconYaml.locate(node, POLICY_KEY);
        if (lexiconNode == null) {
            return loadDefault();
        }
        ChurnLexicon parsed = LexiconYaml.bind(lexiconNode, ChurnLexicon.class, "churn lexicon");
        return LexiconYaml.extendsDefault(parsed.base()) ? loadDefault().overlay(parsed) : parsed;
    }

    /** This lexicon with {@code over} laid on top (see the class comment for the rules). */
    public ChurnLexicon overlay(ChurnLexicon over) {
        Map<String, Entry> byId = new LinkedHashMap<>();
        entries.forEach(e -> byId.put(e.id(), e));
        over.entries.forEach(e -> byId.put(e.id(), e));
        over.disabledEntries.forEach(byId::remove);
        disabledEntries.forEach(byId::remove);
        return new ChurnLexicon("none",
                LexiconYaml.union(competitors, over.competitors),
                LexiconYaml.mergeMaps(vocab, over.vocab, LexiconYaml::union),
                LexiconYaml.mergeMaps(languages, over.languages, LanguageRules::overlay),
                new ArrayList<>(byId.values()),
                List.of());
    }

    private static Map<String, List<String>> copyLists(Map<String, List<String>> in) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        if (in != null) {
            in.forEach((k, v) -> {
                if (v == null || v.isEmpty()) {
                    throw new IllegalArgumentException("vocabulary list '" + k + "' is empty");
                }
                out.put(k, List.copyOf(v));
            });
        }
        return out;
    }

    private static final class DefaultHolder {
        static final ChurnLexicon DEFAULT = LexiconYaml.bind(
                LexiconYaml.readResource(DEFAULT_RESOURCE), ChurnLexicon.class, "default churn lexicon");
    }
}
