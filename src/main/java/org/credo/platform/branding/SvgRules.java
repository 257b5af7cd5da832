package org.credo.platform.branding;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import javax.xml.XMLConstants;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.parsers.SAXParserFactory;
import org.jspecify.annotations.Nullable;
import org.xml.sax.Attributes;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;
import org.xml.sax.ext.DefaultHandler2;

/**
 * Decides whether an uploaded SVG is safe to store and serve (ADR 26). Credo refuses rather than cleans: a picture
 * that needs cleaning was made by a tool that would make it again, and a refusal that names the element tells the
 * author what to export differently, where silent cleaning would change their picture. Refused: a DOCTYPE (entities
 * can read server files or expand into gigabytes), scripts, event handler attributes, foreign objects and embedded
 * documents, animations that rewrite links, and any reference outside the file other than an embedded raster image.
 */
final class SvgRules extends DefaultHandler2 {

    static final String SVG_NAMESPACE = "http://www.w3.org/2000/svg";
    private static final Set<String> FORBIDDEN_ELEMENTS =
            Set.of("script", "foreignobject", "iframe", "embed", "object", "audio", "video", "handler", "listener");
    private static final Set<String> ANIMATIONS = Set.of("set", "animate", "animatemotion", "animatetransform");
    private static final Pattern EMBEDDED_IMAGE =
            Pattern.compile("data:image/(png|jpeg|gif|webp);base64,[A-Za-z0-9+/=\\s]*");
    private static final Pattern CSS_URL =
            Pattern.compile("url\\(\\s*['\"]?\\s*([^)'\"\\s]*)", Pattern.CASE_INSENSITIVE);

    private boolean rootSeen;
    private int elements;

    private SvgRules() {}

    /**
     * Nothing when the SVG may be stored; otherwise why not, in words for the author.
     */
    static @Nullable String problem(byte[] file) {
        var rules = new SvgRules();
        try {
            var factory = SAXParserFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setXIncludeAware(false);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
            factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
            factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            var reader = factory.newSAXParser().getXMLReader();
            reader.setProperty("http://xml.org/sax/properties/lexical-handler", rules);
            reader.setContentHandler(rules);
            reader.setEntityResolver(rules);
            reader.setErrorHandler(rules);
            reader.parse(new InputSource(new ByteArrayInputStream(file)));
        } catch (Refused e) {
            return e.getMessage();
        } catch (SAXException e) {
            return "the SVG is not well-formed XML (" + e.getMessage()
                    + "); export it again from your drawing program.";
        } catch (IOException | ParserConfigurationException e) {
            return "the SVG could not be read.";
        }
        return rules.rootSeen ? null : "the file is XML but not an SVG picture.";
    }

    @Override
    public void startDTD(String name, @Nullable String publicId, @Nullable String systemId) throws SAXException {
        throw new Refused("the SVG has a DOCTYPE declaration, which Credo refuses because its entities can read files"
                + " of the server or expand a few bytes into gigabytes; export the SVG without a DOCTYPE.");
    }

    @Override
    public InputSource resolveEntity(@Nullable String publicId, @Nullable String systemId) {
        return new InputSource(new StringReader(""));
    }

    @Override
    public void startElement(String uri, String localName, String qName, Attributes attributes) throws SAXException {
        if (++elements > 50_000) {
            throw new Refused("the SVG has more than 50,000 elements; simplify the picture.");
        }
        var name = localName.toLowerCase(Locale.ROOT);
        if (!rootSeen) {
            if (!SVG_NAMESPACE.equals(uri) || !name.equals("svg")) {
                throw new Refused("the file is XML but its root element is <" + qName + ">, not an SVG <svg>.");
            }
            rootSeen = true;
        }
        if (FORBIDDEN_ELEMENTS.contains(name)) {
            throw new Refused("the SVG contains a <" + qName + "> element; Credo stores no scripts or embedded"
                    + " documents in a picture. Remove it and upload again.");
        }
        for (int i = 0; i < attributes.getLength(); i++) {
            var attribute = attributes.getLocalName(i).toLowerCase(Locale.ROOT);
            var value = attributes.getValue(i);
            if (attribute.startsWith("on")) {
                throw new Refused("the SVG has an event handler attribute (" + attributes.getQName(i) + " on <" + qName
                        + ">); Credo stores no scripts in a picture. Remove it and upload again.");
            }
            if (attribute.equals("href")) {
                checkReference(qName, attributes.getQName(i), value);
            }
            if (ANIMATIONS.contains(name) && attribute.equals("attributename")) {
                var target = value.toLowerCase(Locale.ROOT);
                if (target.contains("href") || target.startsWith("on")) {
                    throw new Refused("the SVG animates the " + value + " attribute of an element, which can turn it"
                            + " into a link or a script; remove the <" + qName + "> element.");
                }
            }
            if (attribute.equals("style")) {
                checkCss(qName, value);
            }
        }
    }

    @Override
    public void characters(char[] ch, int start, int length) throws SAXException {
        // Text of <style> elements (and any other text) must not load anything from elsewhere.
        var text = new String(ch, start, length);
        if (text.contains("url(") || text.toLowerCase(Locale.ROOT).contains("@import")) {
            checkCss("style", text);
        }
    }

    private static void checkReference(String element, String attribute, String value) throws Refused {
        var target = value.strip();
        if (target.startsWith("#") || EMBEDDED_IMAGE.matcher(target).matches()) {
            return;
        }
        throw new Refused("the SVG refers to something outside the file (" + attribute + "=\"" + shorten(target)
                + "\" on <" + element + ">); Credo never fetches anything a picture names. Embed the image or"
                + " remove the reference.");
    }

    private static void checkCss(String element, String css) throws Refused {
        if (css.toLowerCase(Locale.ROOT).contains("@import")) {
            throw new Refused("the SVG's style imports another style sheet; Credo never fetches anything a picture"
                    + " names. Remove the @import.");
        }
        var urls = CSS_URL.matcher(css);
        while (urls.find()) {
            var target = urls.group(1);
            if (!target.startsWith("#") && !EMBEDDED_IMAGE.matcher(target).lookingAt()) {
                throw new Refused("the SVG's style on <" + element + "> refers to " + shorten(target)
                        + "; Credo never fetches anything a picture names. Refer only to parts of the same file.");
            }
        }
    }

    private static String shorten(String text) {
        return text.length() > 60 ? text.substring(0, 59) + "…" : text;
    }

    @Override
    public void fatalError(SAXParseException e) throws SAXException {
        throw e;
    }

    /** Carries a refusal through the parser, which accepts only SAX exceptions from a handler. */
    private static final class Refused extends SAXException {
        Refused(String message) {
            super(message);
        }
    }
}
