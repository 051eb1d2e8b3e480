package io.viplane.docs;

import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.commonmark.Extension;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;

/**
 * Markdown to a standalone XHTML page, and that page to PDF. The page is well-formed XML (openhtmltopdf
 * needs it) with its style inline, so it opens anywhere; the PDF uses DejaVu Sans when the machine has it
 * (Debian ships it; any Unicode the text carries), else the PDF base fonts.
 */
public final class Rendering {
    private static final List<Extension> EXTENSIONS = List.of(TablesExtension.create());
    private static final Parser PARSER = Parser.builder().extensions(EXTENSIONS).build();
    private static final HtmlRenderer HTML = HtmlRenderer.builder().extensions(EXTENSIONS).build();
    /** Held: java.util.logging keeps loggers weakly, and a collected one forgets its level. */
    private static final java.util.logging.Logger PDFBOX = java.util.logging.Logger.getLogger("org.apache.pdfbox");
    private static final Path FONTS = Path.of("/usr/share/fonts/truetype/dejavu");
    private static final String STYLE = """
            body { font-family: 'DejaVu Sans', Helvetica, Arial, sans-serif; font-size: 10pt; color: #1d1d1f; margin: 2em; }
            h1 { font-size: 18pt; } h2 { font-size: 13pt; margin-top: 1.6em; border-bottom: 1px solid #ccc; }
            table { border-collapse: collapse; margin: 0.6em 0; }
            th, td { border: 1px solid #bbb; padding: 3px 6px; text-align: left; vertical-align: top; }
            th { background: #f0f0f3; } th:empty { display: none; } code { font-family: 'DejaVu Sans Mono', monospace; font-size: 9pt; }
            @page { size: A4 landscape; margin: 1.5cm; }
            """;

    private Rendering() {
    }

    public static String html(String markdown, String title) {
        return "<!DOCTYPE html>\n<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"en\">\n<head>\n<meta charset=\"utf-8\" />\n"
                + "<title>" + escape(title) + "</title>\n<style>\n" + STYLE + "</style>\n</head>\n<body>\n"
                + HTML.render(PARSER.parse(markdown)) + "</body>\n</html>\n";
    }

    public static void pdf(String xhtml, Path file) throws IOException {
        quiet();
        try (OutputStream out = Files.newOutputStream(file)) {
            PdfRendererBuilder b = new PdfRendererBuilder();
            b.useFastMode();
            font(b, "DejaVuSans.ttf", "DejaVu Sans", 400);
            font(b, "DejaVuSans-Bold.ttf", "DejaVu Sans", 700);
            font(b, "DejaVuSansMono.ttf", "DejaVu Sans Mono", 400);
            b.withHtmlContent(xhtml, null);
            b.toStream(out);
            b.run();
        }
    }

    private static void font(PdfRendererBuilder b, String file, String family, int weight) {
        Path f = FONTS.resolve(file);
        if (Files.isRegularFile(f)) {
            b.useFont(f.toFile(), family, weight, PdfRendererBuilder.FontStyle.NORMAL, true);
        }
    }

    /** openhtmltopdf and PDFBox log every step and each font substitution to java.util.logging: noise on a CLI. */
    private static void quiet() {
        com.openhtmltopdf.util.XRLog.setLoggingEnabled(false);
        PDFBOX.setLevel(java.util.logging.Level.SEVERE);
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
