package io.viplane.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/**
 * The policy's sections of the human document: the comments that cite the seeds land on their rules. The
 * committed documents (policy sections plus the notification routes) are golden-tested in the app module
 * ({@code PolicyDocumentsTest}), where the routes are read.
 */
class PolicyMarkdownTest {
    @ParameterizedTest
    @ValueSource(strings = {"white-glove", "dynamic-sla", "escalation-matrix"})
    void theCommittedDocumentStartsWithWhatThePolicyRendersTo(String name) throws IOException {
        Path golden = Path.of("topology/policy-docs/" + name + ".md");
        assertTrue(Files.readString(golden).startsWith(PolicyMarkdown.render(name)),
                "regenerate with: scripts/viplane policy doc " + name + " > " + golden);
    }

    @Test
    void aCommentIsTheNoteOfTheRuleOnItsLineNamedByItsTierInALists() {
        Map<String, String> notes = PolicyNotes.of("""
                tiers:
                  - tier: T1
                    account:
                      arr: {gt: 500000}     # "Annual contract value > $500K"
                  - tier: T2
                    badge: "GOLD # not a comment"
                    account:
                      arr: {gte: 100000}    # "$100K-$500K"
                entitlements:
                  T1:
                    first_response_minutes: 15   # 24/7
                """);
        assertEquals(Map.of("tiers.T1.account.arr", "\"Annual contract value > $500K\"",
                "tiers.T2.account.arr", "\"$100K-$500K\"",
                "entitlements.T1.first_response_minutes", "24/7"), notes);
    }

    @Test
    void theShippedDocumentCitesTheSeedSentenceOfATierRule() {
        String md = PolicyMarkdown.render("white-glove");
        assertTrue(md.contains("| T1 | PLATINUM | Executive/Strategic | arr gt 500000 (\"Annual contract value > $500K\")"), md);
        assertTrue(md.contains("| T2 | 30 min | 30 min | 120 min | account | L2_PLUS | L2 | 5 min | SUPPORT_MANAGER within 30 min |"), md);
        assertTrue(md.contains("| 1.0 | 2026-12-03 | first governed version"), md);
    }
}
