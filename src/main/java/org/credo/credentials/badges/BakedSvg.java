package org.credo.credentials.badges;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.util.Optional;
import javax.xml.XMLConstants;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.parsers.SAXParserFactory;
import org.credo.platform.ProblemException;
import org.jspecify.annotations.Nullable;
import org.xml.sax.Attributes;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.ext.DeclHandler;
import org.xml.sax.helpers.DefaultHandler;

/**
 * Reads the first {@code openbadges:credential} element of an SVG with a streaming parser. A DOCTYPE is accepted, as
 * 1EdTech's own sample has one, but its external DTD is never loaded and any entity declaration is refused: an entity
 * can read a file of the server or a URL (XXE), or expand a few bytes into gigabytes (billion laughs).
 */
final class BakedSvg extends DefaultHandler implements DeclHandler {

    private static final String DECLARATION_HANDLER = "http://xml.org/sax/properties/declaration-handler";

    private final StringBuilder text = new StringBuilder();
    private @Nullable String found;
    private int depthInCredential;

    private BakedSvg() {}

    /**
     * The credential, exactly as baked, or empty when the SVG carries none.
     *
     * @throws IllegalArgumentException when the file is not well-formed XML
     * @throws ProblemException when the SVG declares an entity
     */
    static Optional<String> credential(byte[] file) {
        var handler = new BakedSvg();
        try {
            var reader = parserFactory().newSAXParser().getXMLReader();
            reader.setProperty(DECLARATION_HANDLER, handler);
            reader.setContentHandler(handler);
            reader.setEntityResolver(handler);
            reader.setErrorHandler(handler);
            reader.parse(new InputSource(new ByteArrayInputStream(file)));
        } catch (EntityDeclared e) {
            throw e.problem;
        } catch (SAXException e) {
            throw new IllegalArgumentException("The SVG file is not well-formed XML: " + e.getMessage(), e);
        } catch (IOException | ParserConfigurationException e) {
            throw new IllegalArgumentException("The SVG file could not be read.", e);
        }
        return Optional.ofNullable(handler.found);
    }

    private static SAXParserFactory parserFactory() throws ParserConfigurationException, SAXException {
        var factory = SAXParserFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setXIncludeAware(false);
        factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
        factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
        return factory;
    }

    @Override
    public void startElement(String uri, String localName, String qName, Attributes attributes) {
        if (depthInCredential > 0) {
            depthInCredential++;
        } else if (found == null && BadgeImages.NAMESPACE.equals(uri) && "credential".equals(localName)) {
            depthInCredential = 1;
            // A VC-JWT sits in the verify attribute; the embedded-proof form is the element's text.
            var verify = attributes.getValue("verify");
            if (verify != null && !verify.isEmpty()) {
                found = verify;
                depthInCredential = 0;
            }
        }
    }

    @Override
    public void characters(char[] ch, int start, int length) {
        if (depthInCredential > 0) {
            text.append(ch, start, length);
        }
    }

    @Override
    public void endElement(String uri, String localName, String qName) {
        if (depthInCredential > 0 && --depthInCredential == 0) {
            found = text.toString().strip();
        }
    }

    @Override
    public void fatalError(org.xml.sax.SAXParseException e) throws SAXException {
        throw e;
    }

    // Never fetch anything an SVG names; with external DTDs off, this is only a second lock.
    @Override
    public InputSource resolveEntity(@Nullable String publicId, @Nullable String systemId) {
        return new InputSource(new StringReader(""));
    }

    @Override
    public void internalEntityDecl(String name, String value) throws SAXException {
        throw new EntityDeclared(name, "an entity");
    }

    @Override
    public void externalEntityDecl(String name, @Nullable String publicId, @Nullable String systemId)
            throws SAXException {
        throw new EntityDeclared(name, "an external entity" + (systemId == null ? "" : " (" + systemId + ")"));
    }

    @Override
    public void elementDecl(String name, String model) {}

    @Override
    public void attributeDecl(String eName, String aName, String type, @Nullable String mode, @Nullable String value) {}

    /** Carries the refusal through the parser, which accepts only SAX exceptions from a handler. */
    private static final class EntityDeclared extends SAXException {

        private final transient ProblemException problem;

        EntityDeclared(String name, String kind) {
            super(name);
            this.problem = ProblemException.badRequest(
                    "Entities not allowed",
                    "The SVG declares " + kind + " named " + name.replace("%", "")
                            + ": Credo reads no entities in an uploaded image, as they can read files or expand a few"
                            + " bytes into gigabytes. Save the SVG without entity declarations (a DOCTYPE alone is"
                            + " fine).");
        }
    }
}
