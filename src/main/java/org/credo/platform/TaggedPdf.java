package org.credo.platform;

import com.openhtmltopdf.css.constants.IdentValue;
import com.openhtmltopdf.pdfboxout.PDFontSupplier;
import com.openhtmltopdf.pdfboxout.PdfBoxFontResolver.FontGroup;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.xml.sax.ErrorHandler;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/**
 * Renders an XHTML document as a tagged PDF in openhtmltopdf's PDF/UA mode, so that a screen reader can read it: a
 * structure tree, a title that viewers show, the document's language and an embedded font (ADR 32). Only {@code data:}
 * resources load, so a document cannot make the server fetch anything or read a local file.
 */
@Component
public class TaggedPdf {

    /**
     * Liberation Sans Regular (SIL Open Font License 1.1), the font PDFBox ships as its own fallback. PDF/UA forbids the
     * unembedded standard fonts, so every family a document names is drawn with it, and openhtmltopdf simulates bold
     * and italic by stroking and slanting it.
     */
    static final String FONT = "org/apache/pdfbox/resources/ttf/LiberationSans-Regular.ttf";

    /** The family name a document may use to ask for the embedded font by name. */
    static final String FONT_FAMILY = "Liberation Sans";

    /** Reports nothing on standard error; a fatal error becomes the exception. */
    private static final ErrorHandler QUIET = new ErrorHandler() {
        @Override
        public void warning(SAXParseException e) {}

        @Override
        public void error(SAXParseException e) throws SAXException {
            throw e;
        }

        @Override
        public void fatalError(SAXParseException e) throws SAXException {
            throw e;
        }
    };

    private final byte[] font;

    /** Loads the embedded font once. */
    public TaggedPdf() {
        try (InputStream in = TaggedPdf.class.getClassLoader().getResourceAsStream(FONT)) {
            if (in == null) {
                throw new IllegalStateException("The PDF font " + FONT + " is not on the classpath");
            }
            this.font = in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The tagged PDF of a well-formed XHTML document. What the document does not say itself is filled in: the title
     * from {@code title}, the description (the PDF's subject) from {@code description}, and English as the language.
     *
     * @throws IllegalArgumentException when the document is not well-formed XML
     */
    public byte[] render(String xhtml, String title, String description) {
        var document = parse(xhtml);
        completeHead(document, title, description);
        var out = new ByteArrayOutputStream(64 * 1024);
        var builder = new PdfRendererBuilder();
        builder.usePdfUaAccessibility(true);
        builder.useUriResolver((base, uri) -> uri != null && uri.startsWith("data:") ? uri : null);
        builder.withW3cDocument(document, null);
        builder.toStream(out);
        try (var renderer = builder.buildPdfRenderer();
                var font = new TTFParser().parse(new RandomAccessReadBuffer(this.font))) {
            // PDFBox would run every string through the font's glyph substitution rules (ligatures), a third of the
            // rendering time; a certificate's text reads the same without them.
            font.setEnableGsub(false);
            renderer.getFontResolver()
                    .addFont(
                            new PDFontSupplier(PDType0Font.load(renderer.getPdfDocument(), font, true)),
                            FONT_FAMILY,
                            400,
                            IdentValue.NORMAL,
                            true,
                            FontGroup.FINAL_FALLBACK);
            renderer.createPDF();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** Gives the document a language, a title and a description where it names none; what it names itself stays. */
    private static void completeHead(Document document, String title, String description) {
        var html = document.getDocumentElement();
        if (html.getAttribute("lang").isBlank()) {
            // openhtmltopdf reads the language from lang only.
            var xmlLang = html.getAttribute("xml:lang");
            html.setAttribute("lang", xmlLang.isBlank() ? "en" : xmlLang);
        }
        var head = firstChild(html, "head");
        if (head == null) {
            head = document.createElement("head");
            html.insertBefore(head, html.getFirstChild());
        }
        var existing = firstChild(head, "title");
        if (existing == null) {
            var element = document.createElement("title");
            element.setTextContent(title);
            head.insertBefore(element, head.getFirstChild());
        } else if (existing.getTextContent().isBlank()) {
            existing.setTextContent(title);
        }
        if (!hasMeta(head, "subject")) {
            var meta = document.createElement("meta");
            meta.setAttribute("name", "subject");
            meta.setAttribute("content", description);
            head.appendChild(meta);
        }
    }

    private static boolean hasMeta(Element head, String name) {
        for (var node = head.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element element
                    && "meta".equals(element.getTagName())
                    && name.equals(element.getAttribute("name"))) {
                return true;
            }
        }
        return false;
    }

    private static @Nullable Element firstChild(Element parent, String name) {
        for (var node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element element && name.equals(element.getTagName())) {
                return element;
            }
        }
        return null;
    }

    private static Document parse(String xhtml) {
        try {
            var factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setXIncludeAware(false);
            factory.setExpandEntityReferences(false);
            var builder = factory.newDocumentBuilder();
            builder.setErrorHandler(QUIET);
            return builder.parse(new InputSource(new StringReader(xhtml)));
        } catch (SAXException e) {
            throw new IllegalArgumentException("The document is not well-formed XHTML: " + e.getMessage(), e);
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
