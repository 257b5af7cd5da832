package org.credo.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.credo.TaggedPdfs;
import org.junit.jupiter.api.Test;

/** PDFs that screen readers can read: tagged, titled, in a language, with embedded fonts and described images. */
class TaggedPdfTest {

    /** A one-pixel PNG. */
    static final String DOT = "data:image/png;base64,"
            + "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=";

    final TaggedPdf renderer = new TaggedPdf();

    @Test
    void aDocumentThatNamesNoTitleOrLanguageGetsThemAndIsTagged() throws Exception {
        var bytes = renderer.render("""
                <html><body style="font-family: Georgia, serif">
                  <h1>Hello &amp; <b>welcome</b>, Zoë</h1>
                  <p><i>Printed</i> for you.</p>
                  <img src="%s" alt="A blue dot" style="width: 10mm"/>
                </body></html>
                """.formatted(DOT), "Greeting for Zoë", "A short greeting.");

        try (var pdf = Loader.loadPDF(bytes)) {
            TaggedPdfs.assertTagged(pdf, "Greeting for Zoë", "en");
            assertThat(pdf.getDocumentInformation().getSubject()).isEqualTo("A short greeting.");
            assertThat(TaggedPdfs.figureAltTexts(pdf)).containsExactly("A blue dot");
            // openhtmltopdf paints styled words after the rest of their line, so the text is read by position.
            var text = new PDFTextStripper();
            text.setSortByPosition(true);
            assertThat(text.getText(pdf).replaceAll("\\s+", " "))
                    .contains("Hello & welcome, Zoë")
                    .contains("Printed for you.");
        }
    }

    @Test
    void theTitleLanguageAndDescriptionADocumentNamesStay() throws Exception {
        var bytes = renderer.render("""
                <html lang="fr"><head><title>Attestation</title><meta name="subject" content="Une attestation"/></head>
                <body><p>Bonjour</p></body></html>
                """, "Certificate", "A certificate.");

        try (var pdf = Loader.loadPDF(bytes)) {
            TaggedPdfs.assertTagged(pdf, "Attestation", "fr");
            assertThat(pdf.getDocumentInformation().getSubject()).isEqualTo("Une attestation");
        }
    }

    @Test
    void markupThatIsNotWellFormedIsRefused() {
        assertThatThrownBy(() -> renderer.render("<html><body><p>open</body></html>", "Broken", "Broken."))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not well-formed");
    }
}
