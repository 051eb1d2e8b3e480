package io.viplane.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.viplane.policy.PolicyLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The human policy document as users get it: Markdown and HTML golden files, a PDF whose text is the rules. */
class PolicyDocumentsTest {
    @TempDir
    Path dir;

    private static String markdown(String name) {
        PolicyLoader.LoadedPolicy loaded = PolicyLoader.load(name);
        return PolicyDocuments.markdown(loaded, PolicyDocuments.routesBeside(loaded));
    }

    @ParameterizedTest
    @ValueSource(strings = {"white-glove", "dynamic-sla", "escalation-matrix"})
    void theCommittedDocumentsAreWhatThePolicyAndItsRoutesRenderTo(String name) throws Exception {
        String md = markdown(name);
        Path golden = Path.of("topology/policy-docs/" + name + ".md");
        assertEquals(Files.readString(golden), md, "regenerate with: scripts/viplane policy doc " + name + " > " + golden);
        Path html = Path.of("topology/policy-docs/" + name + ".html");
        assertEquals(Files.readString(html), Rendering.html(md, "VIP Customer Support Policy: " + name),
                "regenerate with: scripts/viplane policy doc " + name + " --out DIR, then copy DIR/policy.html to " + html);
    }

    @Test
    void onlyAPolicyWithARoutesFileBesideItGetsTheRoutesAppendix() {
        String md = markdown("white-glove");
        assertTrue(md.contains("## Appendix A. Notification routes"));
        assertTrue(md.contains("| support-vp-page | sources ESCALATION; targets SUPPORT_VP | support-vp-pager | immediate | "
                + "seed 000 T1: \"Direct phone/SMS to support VP\" |"), md);
        assertTrue(md.contains("(urgent): tiers T1; priorities P1; kinds EXEC_CONTACT; risk levels CRITICAL."), md);
        assertFalse(markdown("dynamic-sla").contains("Appendix A"), "no topology/notify/dynamic-sla.yaml");
    }

    @Test
    void thePdfCarriesTheRulesAsText() throws Exception {
        String md = markdown("white-glove");
        Path pdf = dir.resolve("policy.pdf");
        Rendering.pdf(Rendering.html(md, "VIP Customer Support Policy: white-glove"), pdf);
        try (PDDocument d = PDDocument.load(pdf.toFile())) {
            assertTrue(d.getNumberOfPages() >= 3, "pages: " + d.getNumberOfPages());
            String text = new PDFTextStripper().getText(d).replaceAll("\\s+", " ");
            assertTrue(text.contains("VIP Customer Support Policy: white-glove"), text);
            assertTrue(text.contains("SUPPORT_VP within 15 min"), "the T1 ladder: " + text);
            assertTrue(text.contains("Appendix A. Notification routes"), text);
            assertTrue(text.contains("Approved by: Head of Support"), text);
        }
    }

    @Test
    void theHtmlIsAStandalonePageWithTheTablesAsTables() {
        String html = Rendering.html(markdown("white-glove"), "VIP Customer Support Policy: white-glove");
        assertTrue(html.startsWith("<!DOCTYPE html>\n<html xmlns=\"http://www.w3.org/1999/xhtml\""));
        assertTrue(html.contains("<title>VIP Customer Support Policy: white-glove</title>"));
        assertTrue(html.contains("<td>T1</td>\n<td>15 min</td>"), "the service-level table");
        assertTrue(html.contains("<h2>Appendix A. Notification routes</h2>"));
    }
}
