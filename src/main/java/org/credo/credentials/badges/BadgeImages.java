package org.credo.credentials.badges;

import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Ellipse2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.Locale;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.metadata.IIOInvalidTreeException;
import javax.imageio.metadata.IIOMetadataNode;
import org.credo.credentials.issuance.IssuedCredential;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Badge pictures of a credential, plain or baked with the signed credential as Open Badges 3.0 says (§ "Baked
 * Badge"): in an SVG, an {@code <openbadges:credential>} element directly after the {@code <svg>} tag, holding the
 * credential's JSON in CDATA; in a PNG, one uncompressed {@code iTXt} chunk with the keyword {@code
 * openbadgecredential}. The picture is drawn from the names alone: an achievement's image URL is never fetched.
 */
@Component
public class BadgeImages {

    /** The XML namespace of the {@code openbadges} prefix in a baked SVG. */
    public static final String NAMESPACE = "https://purl.imsglobal.org/ob/v3p0";

    /** The keyword of the PNG iTXt chunk that carries the credential. */
    public static final String PNG_KEYWORD = "openbadgecredential";

    static final String PNG_METADATA = "javax_imageio_png_1.0";

    private static final int TEXT_WIDTH = 360;
    private static final Font INITIALS = new Font(Font.SANS_SERIF, Font.BOLD, 120);
    private static final Font NAME = new Font(Font.SANS_SERIF, Font.BOLD, 30);
    private static final Font ISSUER = new Font(Font.SANS_SERIF, Font.PLAIN, 20);

    /** The badge of an issued credential as SVG, with the signed credential baked in. */
    public String bakedSvg(IssuedCredential credential) {
        return svg(credential.achievementName(), issuerName(credential.document()), credential.document());
    }

    /** The badge of an issued credential as PNG, with the signed credential baked in. */
    public byte[] bakedPng(IssuedCredential credential) {
        return png(credential.achievementName(), issuerName(credential.document()), credential.document());
    }

    /** The badge of an issued credential as PNG with only the achievement and issuer names: safe to show anyone. */
    public byte[] plainPng(IssuedCredential credential) {
        return png(credential.achievementName(), issuerName(credential.document()), null);
    }

    /** The issuer's name as the signed credential states it. */
    public static String issuerName(String credentialJson) {
        try {
            var credential = Json.createReader(new StringReader(credentialJson)).readObject();
            var issuer = credential.get("issuer");
            if (issuer != null && issuer.getValueType() == JsonValue.ValueType.OBJECT) {
                var name = issuer.asJsonObject().get("name");
                if (name instanceof JsonString text) {
                    return text.getString();
                }
            }
        } catch (JsonException | ClassCastException e) {
            // Fall through: a badge without the issuer's name is still a badge.
        }
        return "";
    }

    /** The badge as SVG with the credential baked in. */
    public String bakedSvg(String achievementName, String issuerName, String credentialJson) {
        return svg(achievementName, issuerName, credentialJson);
    }

    /** The badge as SVG, with no credential in it. */
    public String plainSvg(String achievementName, String issuerName) {
        return svg(achievementName, issuerName, null);
    }

    /** The badge as PNG with the credential baked in. */
    public byte[] bakedPng(String achievementName, String issuerName, String credentialJson) {
        return png(achievementName, issuerName, credentialJson);
    }

    /** The badge as PNG, with no credential in it: safe to show anyone. */
    public byte[] plainPng(String achievementName, String issuerName) {
        return png(achievementName, issuerName, null);
    }

    private String svg(String achievementName, String issuerName, @Nullable String credentialJson) {
        // About 0.6 em a character for a bold sans-serif: close enough to wrap like the PNG does.
        var design = BadgeDesign.of(
                achievementName, issuerName, text -> (int) (text.codePointCount(0, text.length()) * 18.5), TEXT_WIDTH);
        var label = xml(BadgeDesign.clean(achievementName) + ", issued by " + design.issuer());
        var svg = new StringBuilder(2048 + (credentialJson == null ? 0 : credentialJson.length()));
        svg.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
                .append("<svg xmlns=\"http://www.w3.org/2000/svg\" xmlns:openbadges=\"")
                .append(NAMESPACE)
                .append("\" viewBox=\"0 0 512 512\" width=\"512\" height=\"512\" role=\"img\" aria-label=\"")
                .append(label)
                .append("\">");
        if (credentialJson != null) {
            svg.append("<openbadges:credential><![CDATA[")
                    .append(cdata(credentialJson))
                    .append("]]></openbadges:credential>");
        }
        svg.append("\n<title>").append(label).append("</title>\n");
        svg.append("<circle cx=\"256\" cy=\"256\" r=\"248\" fill=\"")
                .append(design.background())
                .append("\"/>\n")
                .append("<circle cx=\"256\" cy=\"256\" r=\"226\" fill=\"none\" stroke=\"#ffffff\" stroke-width=\"5\""
                        + " stroke-opacity=\"0.85\"/>\n")
                .append("<g fill=\"#ffffff\" font-family=\"DejaVu Sans, Helvetica, Arial, sans-serif\""
                        + " text-anchor=\"middle\">\n")
                .append("<text x=\"256\" y=\"")
                .append(initialsBaseline(design))
                .append("\" font-size=\"120\" font-weight=\"bold\">")
                .append(xml(design.initials()))
                .append("</text>\n");
        int y = nameBaseline(design);
        for (var line : design.nameLines()) {
            svg.append("<text x=\"256\" y=\"")
                    .append(y)
                    .append("\" font-size=\"30\" font-weight=\"bold\">")
                    .append(xml(line))
                    .append("</text>\n");
            y += 38;
        }
        svg.append("<text x=\"256\" y=\"438\" font-size=\"20\" fill-opacity=\"0.9\">")
                .append(xml(design.issuer()))
                .append("</text>\n</g>\n</svg>\n");
        return svg.toString();
    }

    private byte[] png(String achievementName, String issuerName, @Nullable String credentialJson) {
        var image = new BufferedImage(BadgeDesign.SIZE, BadgeDesign.SIZE, BufferedImage.TYPE_INT_ARGB);
        var g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_ON);
            var nameMetrics = g.getFontMetrics(NAME);
            var design = BadgeDesign.of(achievementName, issuerName, nameMetrics::stringWidth, TEXT_WIDTH);
            g.setColor(Color.decode(design.background()));
            g.fill(new Ellipse2D.Double(8, 8, 496, 496));
            g.setColor(new Color(255, 255, 255, 217));
            g.setStroke(new java.awt.BasicStroke(5f));
            g.draw(new Ellipse2D.Double(30, 30, 452, 452));
            g.setColor(Color.WHITE);
            centred(g, INITIALS, design.initials(), initialsBaseline(design));
            int y = nameBaseline(design);
            for (var line : design.nameLines()) {
                centred(g, NAME, line, y);
                y += 38;
            }
            g.setColor(new Color(255, 255, 255, 230));
            centred(g, ISSUER, design.issuer(), 438);
        } finally {
            g.dispose();
        }
        return encode(image, credentialJson);
    }

    private static void centred(Graphics2D g, Font font, String text, int baseline) {
        g.setFont(font);
        int width = g.getFontMetrics().stringWidth(text);
        g.drawString(text, (BadgeDesign.SIZE - width) / 2, baseline);
    }

    /** Initials sit higher when the name takes three lines, so the block stays centred. */
    private static int initialsBaseline(BadgeDesign design) {
        return 230 - 19 * Math.max(0, design.nameLines().size() - 1);
    }

    private static int nameBaseline(BadgeDesign design) {
        return initialsBaseline(design) + 70;
    }

    /** Writes the PNG with ImageIO; the credential goes in through the PNG plug-in's own iTXt metadata. */
    private static byte[] encode(BufferedImage image, @Nullable String credentialJson) {
        var writer = ImageIO.getImageWritersByFormatName("png").next();
        var out = new ByteArrayOutputStream(64 * 1024);
        try (var stream = ImageIO.createImageOutputStream(out)) {
            writer.setOutput(stream);
            var param = writer.getDefaultWriteParam();
            var metadata = writer.getDefaultImageMetadata(ImageTypeSpecifier.createFromRenderedImage(image), param);
            if (credentialJson != null) {
                var entry = new IIOMetadataNode("iTXtEntry");
                entry.setAttribute("keyword", PNG_KEYWORD);
                entry.setAttribute("compressionFlag", "FALSE");
                entry.setAttribute("compressionMethod", "0");
                entry.setAttribute("languageTag", "");
                entry.setAttribute("translatedKeyword", "");
                entry.setAttribute("text", credentialJson);
                var itxt = new IIOMetadataNode("iTXt");
                itxt.appendChild(entry);
                var root = new IIOMetadataNode(PNG_METADATA);
                root.appendChild(itxt);
                metadata.mergeTree(PNG_METADATA, root);
            }
            writer.write(null, new IIOImage(image, null, metadata), param);
        } catch (IIOInvalidTreeException e) {
            throw new IllegalStateException("The PNG plug-in refused the iTXt chunk", e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            writer.dispose();
        }
        return out.toByteArray();
    }

    /** Escapes text for an XML attribute or element. */
    static String xml(String text) {
        var clean = BadgeDesign.clean(text);
        var out = new StringBuilder(clean.length() + 16);
        for (int i = 0; i < clean.length(); i++) {
            char c = clean.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    /**
     * A CDATA section ends at its first closing marker; one inside the JSON (a string value may hold it) is split across
     * two sections, which an XML parser joins back into the same characters.
     */
    static String cdata(String text) {
        return text.replace("]]>", "]]]]><![CDATA[>");
    }

    /** The Content-Disposition of a credential's badge download. */
    public static String attachment(IssuedCredential credential, String extension) {
        return "attachment; filename=\"" + fileName(credential.achievementName()) + "-" + credential.id() + "."
                + extension + "\"";
    }

    /** The file name stem of a credential's badge, for downloads. */
    static String fileName(String achievementName) {
        var stem = BadgeDesign.clean(achievementName)
                .toLowerCase(Locale.ROOT)
                .replaceAll("[^a-z0-9]+", "-")
                .replaceAll("(^-|-$)", "");
        return stem.isEmpty() ? "badge" : stem.length() > 60 ? stem.substring(0, 60) : stem;
    }
}
