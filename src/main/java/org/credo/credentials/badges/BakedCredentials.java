package org.credo.credentials.badges;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Optional;
import javax.imageio.ImageIO;
import javax.imageio.metadata.IIOMetadataNode;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Element;
import org.xml.sax.SAXException;

/**
 * Reads the credential out of a baked badge image: the first {@code openbadgecredential} iTXt chunk of a PNG, or the
 * first {@code openbadges:credential} element of an SVG. The SVG is parsed with DTDs and external entities off, as it
 * may come from anyone.
 */
public final class BakedCredentials {

    private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};

    private BakedCredentials() {}

    /** Whether the bytes look like a PNG or an SVG (XML) file, so that {@link #extract} applies. */
    public static boolean isImage(byte[] file) {
        return isPng(file) || looksLikeXml(file);
    }

    /**
     * The credential baked into a PNG or SVG file, exactly as it was baked, or empty when the image carries none.
     *
     * @throws IllegalArgumentException when the file is neither a readable PNG nor well-formed SVG
     */
    public static Optional<String> extract(byte[] file) {
        return isPng(file) ? fromPng(file) : fromSvg(file);
    }

    private static boolean isPng(byte[] file) {
        if (file.length < PNG_SIGNATURE.length) {
            return false;
        }
        for (int i = 0; i < PNG_SIGNATURE.length; i++) {
            if (file[i] != PNG_SIGNATURE[i]) {
                return false;
            }
        }
        return true;
    }

    private static boolean looksLikeXml(byte[] file) {
        var head = new String(file, 0, Math.min(file.length, 512), java.nio.charset.StandardCharsets.UTF_8).strip();
        if (!head.isEmpty() && head.charAt(0) == '\uFEFF') {
            head = head.substring(1);
        }
        return head.startsWith("<?xml") || head.startsWith("<svg") || head.startsWith("<!--");
    }

    private static Optional<String> fromPng(byte[] file) {
        try (var input = ImageIO.createImageInputStream(new ByteArrayInputStream(file))) {
            var readers = ImageIO.getImageReaders(input);
            if (!readers.hasNext()) {
                throw new IllegalArgumentException("The PNG file could not be read.");
            }
            var reader = readers.next();
            try {
                reader.setInput(input, true, false);
                var tree = (IIOMetadataNode) reader.getImageMetadata(0).getAsTree(BadgeImages.PNG_METADATA);
                var entries = tree.getElementsByTagName("iTXtEntry");
                for (int i = 0; i < entries.getLength(); i++) {
                    var entry = (Element) entries.item(i);
                    if (BadgeImages.PNG_KEYWORD.equals(entry.getAttribute("keyword"))) {
                        return Optional.of(entry.getAttribute("text"));
                    }
                }
                return Optional.empty();
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof IllegalArgumentException illegal) {
                throw illegal;
            }
            throw new IllegalArgumentException("The PNG file could not be read.", e);
        }
    }

    private static Optional<String> fromSvg(byte[] file) {
        try {
            var factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
            factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            factory.setXIncludeAware(false);
            factory.setExpandEntityReferences(false);
            var builder = factory.newDocumentBuilder();
            builder.setErrorHandler(null);
            var document = builder.parse(new ByteArrayInputStream(file));
            var found = document.getElementsByTagNameNS(BadgeImages.NAMESPACE, "credential");
            if (found.getLength() == 0) {
                return Optional.empty();
            }
            var element = (Element) found.item(0);
            // A VC-JWT would sit in the verify attribute; Credo reads the embedded-proof form.
            var verify = element.getAttribute("verify");
            return Optional.of(verify.isEmpty() ? element.getTextContent().strip() : verify);
        } catch (SAXException e) {
            throw new IllegalArgumentException("The SVG file is not well-formed XML: " + e.getMessage(), e);
        } catch (IOException | ParserConfigurationException e) {
            throw new IllegalArgumentException("The SVG file could not be read.", e);
        }
    }
}
