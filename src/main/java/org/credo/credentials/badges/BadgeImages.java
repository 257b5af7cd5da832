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
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.UUID;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.metadata.IIOInvalidTreeException;
import javax.imageio.metadata.IIOMetadataNode;
import org.credo.credentials.issuance.IssuedCredential;
import org.credo.platform.ImagePurpose;
import org.credo.platform.Images;
import org.credo.platform.StoredImage;
import org.credo.platform.config.CredoProperties;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Badge pictures of a credential, plain or baked with the signed credential as Open Badges 3.0 says (§ "Baked
 * Badge"): in an SVG, an {@code <openbadges:credential>} element directly after the {@code <svg>} tag, holding the
 * credential's JSON in CDATA; in a PNG, one uncompressed {@code iTXt} chunk with the keyword {@code
 * openbadgecredential}. The picture is the achievement's image when Credo holds it (ADR 26), or else drawn from the
 * names: an achievement's image URL elsewhere is never fetched.
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

    /** The colours of a drawn badge: a fill that carries white text, and a ring. */
    public record Colours(String fill, String ring) {}

    private final Images images;
    private final CredoProperties properties;

    BadgeImages(Images images, CredoProperties properties) {
        this.images = images;
        this.properties = properties;
    }

    /** The badge of an issued credential as SVG, with the signed credential baked in. */
    public String bakedSvg(IssuedCredential credential) {
        return svg(
                credential.achievementName(),
                issuerName(credential.document()),
                null,
                picture(credential.document()),
                credential.document());
    }

    /** The badge of an issued credential as PNG, with the signed credential baked in. */
    public byte[] bakedPng(IssuedCredential credential) {
        return png(
                credential.achievementName(),
                issuerName(credential.document()),
                null,
                picture(credential.document()),
                credential.document());
    }

    /** The badge of an issued credential as PNG with only its picture: safe to show anyone. */
    public byte[] plainPng(IssuedCredential credential) {
        var picture = picture(credential.document());
        if (picture != null) {
            return picture.png();
        }
        return png(credential.achievementName(), issuerName(credential.document()), null, null, null);
    }

    /**
     * The picture the credential names as its achievement's image, when it is one Credo holds: an image URL of
     * elsewhere is never fetched (the badge is then drawn from the names).
     */
    public @Nullable StoredImage picture(String credentialJson) {
        var reference = pictureReference(credentialJson);
        if (reference == null) {
            return null;
        }
        return images.find(reference)
                .filter(found -> found.purpose() == ImagePurpose.ACHIEVEMENT)
                .orElse(null);
    }

    /**
     * The id of the picture Credo holds that the credential names as its achievement's image, read from the document
     * alone (no database); null when it names none or one of elsewhere.
     */
    public @Nullable UUID pictureReference(String credentialJson) {
        var prefix = properties.link("/images/");
        try {
            var credential = Json.createReader(new StringReader(credentialJson)).readObject();
            var subject = credential.get("credentialSubject");
            if (subject == null || subject.getValueType() != JsonValue.ValueType.OBJECT) {
                return null;
            }
            var achievement = subject.asJsonObject().get("achievement");
            if (achievement == null || achievement.getValueType() != JsonValue.ValueType.OBJECT) {
                return null;
            }
            var image = achievement.asJsonObject().get("image");
            String url = null;
            if (image instanceof JsonString text) {
                url = text.getString();
            } else if (image != null && image.getValueType() == JsonValue.ValueType.OBJECT) {
                url = image.asJsonObject().getString("id", null);
            }
            if (url == null || !url.startsWith(prefix)) {
                return null;
            }
            return UUID.fromString(url.substring(prefix.length()));
        } catch (JsonException | ClassCastException | IllegalArgumentException e) {
            return null;
        }
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
        return svg(achievementName, issuerName, null, null, credentialJson);
    }

    /** The badge as SVG, with no credential in it. */
    public String plainSvg(String achievementName, String issuerName) {
        return svg(achievementName, issuerName, null, null, null);
    }

    /** The badge as PNG with the credential baked in. */
    public byte[] bakedPng(String achievementName, String issuerName, String credentialJson) {
        return png(achievementName, issuerName, null, null, credentialJson);
    }

    /** The badge as PNG, with no credential in it: safe to show anyone. */
    public byte[] plainPng(String achievementName, String issuerName) {
        return png(achievementName, issuerName, null, null, null);
    }

    /** A generated design for an achievement, as SVG: its initials and name in the organization's colours. */
    public String designSvg(String achievementName, String issuerName, Colours colours) {
        return svg(achievementName, issuerName, colours, null, null);
    }

    /** The same generated design as PNG, drawn with the same layout. */
    public byte[] designPng(String achievementName, String issuerName, Colours colours) {
        return png(achievementName, issuerName, colours, null, null);
    }

    private String svg(
            String achievementName,
            String issuerName,
            @Nullable Colours colours,
            @Nullable StoredImage picture,
            @Nullable String credentialJson) {
        // About 0.6 em a character for a bold sans-serif: close enough to wrap like the PNG does.
        var design = BadgeDesign.of(
                achievementName, issuerName, text -> (int) (text.codePointCount(0, text.length()) * 18.5), TEXT_WIDTH);
        var label = xml(BadgeDesign.clean(achievementName) + ", issued by " + design.issuer());
        var svg = new StringBuilder(2048
                + (credentialJson == null ? 0 : credentialJson.length())
                + (picture == null ? 0 : picture.png().length * 4 / 3 + 64));
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
        if (picture != null) {
            // The achievement's own picture, as its PNG copy: an SVG inside an SVG could carry what the checks refused.
            svg.append("<image x=\"0\" y=\"0\" width=\"512\" height=\"512\""
                            + " preserveAspectRatio=\"xMidYMid meet\" href=\"")
                    .append(picture.pngDataUri())
                    .append("\"/>\n</svg>\n");
            return svg.toString();
        }
        var fill = colours == null ? design.background() : colours.fill();
        var ring = colours == null ? "#ffffff" : colours.ring();
        svg.append("<circle cx=\"256\" cy=\"256\" r=\"248\" fill=\"")
                .append(fill)
                .append("\"/>\n")
                .append("<circle cx=\"256\" cy=\"256\" r=\"226\" fill=\"none\" stroke=\"")
                .append(ring)
                .append("\" stroke-width=\"")
                .append(colours == null ? "5" : "10")
                .append("\" stroke-opacity=\"0.85\"/>\n")
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

    private byte[] png(
            String achievementName,
            String issuerName,
            @Nullable Colours colours,
            @Nullable StoredImage picture,
            @Nullable String credentialJson) {
        var image = new BufferedImage(BadgeDesign.SIZE, BadgeDesign.SIZE, BufferedImage.TYPE_INT_ARGB);
        var g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_ON);
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BICUBIC);
            if (picture != null && drawPicture(g, picture)) {
                return encode(image, credentialJson);
            }
            var nameMetrics = g.getFontMetrics(NAME);
            var design = BadgeDesign.of(achievementName, issuerName, nameMetrics::stringWidth, TEXT_WIDTH);
            g.setColor(Color.decode(colours == null ? design.background() : colours.fill()));
            g.fill(new Ellipse2D.Double(8, 8, 496, 496));
            var ring = colours == null ? Color.WHITE : Color.decode(colours.ring());
            g.setColor(new Color(ring.getRed(), ring.getGreen(), ring.getBlue(), 217));
            g.setStroke(new java.awt.BasicStroke(colours == null ? 5f : 10f));
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

    /** Draws the picture's PNG copy centred in the badge, as large as fits; false when it cannot be read. */
    private static boolean drawPicture(Graphics2D g, StoredImage picture) {
        BufferedImage source;
        try {
            source = ImageIO.read(new ByteArrayInputStream(picture.png()));
        } catch (IOException e) {
            return false;
        }
        if (source == null) {
            return false;
        }
        double scale = (double) BadgeDesign.SIZE / Math.max(source.getWidth(), source.getHeight());
        int w = (int) Math.round(source.getWidth() * scale);
        int h = (int) Math.round(source.getHeight() * scale);
        g.drawImage(source, (BadgeDesign.SIZE - w) / 2, (BadgeDesign.SIZE - h) / 2, w, h, null);
        return true;
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
