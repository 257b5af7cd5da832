package org.credo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureElement;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureNode;
import org.apache.xmpbox.xml.DomXmpParser;

/** What a screen reader needs from a PDF, read back with PDFBox (ADR 32). */
public final class TaggedPdfs {

    private TaggedPdfs() {}

    /**
     * Checks that a PDF is tagged for PDF/UA: a structure tree, marked content, a language, the title in the XMP
     * metadata shown by viewers, and every font embedded.
     */
    public static void assertTagged(PDDocument pdf, String title, String language) throws Exception {
        var catalog = pdf.getDocumentCatalog();
        assertThat(catalog.getStructureTreeRoot()).as("structure tree").isNotNull();
        assertThat(catalog.getMarkInfo()).as("mark info").isNotNull();
        assertThat(catalog.getMarkInfo().isMarked()).as("marked").isTrue();
        assertThat(catalog.getLanguage()).isEqualTo(language);
        assertThat(catalog.getViewerPreferences()).as("viewer preferences").isNotNull();
        assertThat(catalog.getViewerPreferences().displayDocTitle())
                .as("DisplayDocTitle")
                .isTrue();
        assertThat(pdf.getDocumentInformation().getTitle()).isEqualTo(title);
        try (var xmp = catalog.getMetadata().exportXMPMetadata()) {
            var parser = new DomXmpParser();
            parser.setStrictParsing(false);
            var dublinCore = parser.parse(xmp).getDublinCoreSchema();
            assertThat(dublinCore).as("Dublin Core schema").isNotNull();
            assertThat(dublinCore.getTitle()).as("dc:title").isEqualTo(title);
        }
        for (var page : pdf.getPages()) {
            for (var name : page.getResources().getFontNames()) {
                var font = page.getResources().getFont(name);
                assertThat(font.isEmbedded())
                        .as("font %s embedded", font.getName())
                        .isTrue();
            }
        }
    }

    /** The alternative texts of the figures (images) in the structure tree, in reading order. */
    public static List<String> figureAltTexts(PDDocument pdf) {
        var texts = new ArrayList<String>();
        collectFigures(pdf.getDocumentCatalog().getStructureTreeRoot(), texts);
        return texts;
    }

    private static void collectFigures(PDStructureNode node, List<String> texts) {
        for (var kid : node.getKids()) {
            if (kid instanceof PDStructureElement element) {
                if ("Figure".equals(element.getStructureType())) {
                    texts.add(element.getAlternateDescription());
                }
                collectFigures(element, texts);
            }
        }
    }
}
