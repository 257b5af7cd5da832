package org.credo.credentials.templates;

import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.credo.platform.Brandings;
import org.credo.platform.Colours;
import org.credo.platform.ImagePurpose;
import org.credo.platform.Images;
import org.credo.platform.ProblemException;
import org.credo.platform.Timestamps;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The certificate designer: a form's choices (logo, signature and signer, colours, paper, orientation) become a
 * certificate template, saved as a new version like one written by hand, so the "Advanced" raw editor shows and
 * changes the same template. Every text the form takes is XML-escaped into the template; the pictures are filled in
 * at rendering time as {@code data:} URIs, since the PDF renderer loads nothing else.
 */
@Service
public class CertificateDesigner {

    /** Paper sizes the designer offers. */
    public enum Paper {
        A4,
        LETTER
    }

    /** Page orientations. */
    public enum Orientation {
        LANDSCAPE,
        PORTRAIT
    }

    /** What the designer's form chooses. */
    public record Design(
            String signerName,
            String signerTitle,
            String primaryColour,
            String accentColour,
            Paper paper,
            Orientation orientation,
            boolean showLogo,
            @Nullable UUID signatureImageId) {}

    private final JdbcClient jdbc;
    private final OrganizationTemplates templates;
    private final Images images;
    private final Brandings brandings;

    CertificateDesigner(JdbcClient jdbc, OrganizationTemplates templates, Images images, Brandings brandings) {
        this.jdbc = jdbc;
        this.templates = templates;
        this.images = images;
        this.brandings = brandings;
    }

    /** The saved design, or one in the organization's colours on A4 landscape. */
    public Design current(UUID organizationId) {
        return jdbc.sql("SELECT * FROM certificate_design WHERE organization_id = ?")
                .param(organizationId)
                .query((rs, row) -> new Design(
                        rs.getString("signer_name"),
                        rs.getString("signer_title"),
                        rs.getString("primary_colour"),
                        rs.getString("accent_colour"),
                        Paper.valueOf(rs.getString("paper")),
                        Orientation.valueOf(rs.getString("orientation")),
                        rs.getBoolean("show_logo"),
                        rs.getObject("signature_image_id", UUID.class)))
                .optional()
                .orElseGet(() -> {
                    var branding = brandings.of(organizationId);
                    return new Design(
                            "",
                            "",
                            branding.primaryColour(),
                            branding.accentColour(),
                            Paper.A4,
                            Orientation.LANDSCAPE,
                            true,
                            null);
                });
    }

    /**
     * Checks a design's texts and colours.
     *
     * @throws ProblemException naming the field
     */
    public Design checked(Design design) {
        var name = design.signerName() == null ? "" : design.signerName().strip();
        var title = design.signerTitle() == null ? "" : design.signerTitle().strip();
        if (name.length() > 200) {
            throw ProblemException.invalidField("signerName", "keep the signer's name under 200 characters.");
        }
        if (title.length() > 200) {
            throw ProblemException.invalidField("signerTitle", "keep the signer's title under 200 characters.");
        }
        return new Design(
                name,
                title,
                Colours.check("primaryColour", design.primaryColour(), Colours.TEXT),
                Colours.check("accentColour", design.accentColour(), Colours.GRAPHIC),
                design.paper(),
                design.orientation(),
                design.showLogo(),
                design.signatureImageId());
    }

    /** Stores an uploaded signature picture (PNG or checked SVG); it is never served publicly. */
    public UUID signature(UUID organizationId, byte[] file) {
        return images.upload(organizationId, ImagePurpose.SIGNATURE, "signature", file)
                .id();
    }

    /** Saves the design and writes it as the organization's new certificate template. */
    @Transactional
    public Design save(UUID organizationId, Design design) {
        var checked = checked(design);
        var now = Timestamps.sql(Timestamps.now());
        int updated = jdbc.sql("""
                        UPDATE certificate_design SET signature_image_id = ?, signer_name = ?, signer_title = ?,
                          primary_colour = ?, accent_colour = ?, paper = ?, orientation = ?, show_logo = ?,
                          updated_at = ? WHERE organization_id = ?""").params(values(checked, now, organizationId)).update();
        if (updated == 0) {
            jdbc.sql("""
                            INSERT INTO certificate_design (signature_image_id, signer_name, signer_title,
                              primary_colour, accent_colour, paper, orientation, show_logo, updated_at,
                              organization_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""").params(values(checked, now, organizationId)).update();
        }
        var problems = templates.save(organizationId, TemplateKind.CERTIFICATE, template(checked));
        if (!problems.isEmpty()) {
            throw new IllegalStateException("The designer wrote an invalid template: " + problems);
        }
        return checked;
    }

    /** The design as certificate template text. */
    public TemplateText template(Design design) {
        var paper = design.paper() == Paper.LETTER ? "letter" : "A4";
        var orientation = design.orientation().name().toLowerCase(Locale.ROOT);
        var signer = new StringBuilder();
        if (design.signatureImageId() != null || !design.signerName().isEmpty()) {
            signer.append("  <div class=\"signer\">\n");
            if (design.signatureImageId() != null) {
                signer.append("    {{#signatureImage}}<img class=\"signature\" src=\"{{signatureImage}}\" alt=\"")
                        .append(
                                design.signerName().isEmpty()
                                        ? "Signature"
                                        : "Signature of " + xml(design.signerName()))
                        .append("\"/>{{/signatureImage}}\n");
            }
            signer.append("    <div class=\"signer-name\">")
                    .append(xml(design.signerName()))
                    .append("</div>\n    <div class=\"signer-title\">")
                    .append(xml(design.signerTitle()))
                    .append("</div>\n  </div>\n");
        }
        var html = """
                <html lang="en">
                <head>
                <title>{{achievementName}}: certificate of {{recipientName}}</title>
                <style>
                  @page { size: %s %s; margin: 14mm; }
                  body { font-family: "Liberation Sans", sans-serif; color: #1d2b3a; text-align: center; }
                  .frame { border: 3px solid %s; outline: 1px solid %s; padding: 10mm 12mm; }
                  .logo { height: 18mm; margin-bottom: 3mm; }
                  .issuer { font-size: 16pt; letter-spacing: 1px; text-transform: uppercase; color: %s; }
                  .certifies { font-size: 12pt; margin-top: 6mm; }
                  .name { font-size: 28pt; font-weight: bold; margin: 4mm 0; color: %s; }
                  .achievement { font-size: 20pt; margin: 2mm 0 4mm 0; }
                  .criteria { font-size: 10pt; color: #44546a; margin: 0 16mm; }
                  .dates { font-size: 11pt; margin-top: 5mm; }
                  .signer { margin-top: 6mm; }
                  .signature { height: 14mm; }
                  .signer-name { font-weight: bold; border-top: 1px solid %s; display: inline-block; padding-top: 1mm; }
                  .signer-title { font-size: 9pt; color: #44546a; }
                  .verify { margin-top: 5mm; font-size: 8pt; }
                  .verify img { width: 26mm; height: 26mm; }
                </style>
                </head>
                <body>
                <div class="frame">
                %s  <div class="issuer">{{issuerName}}</div>
                  <div class="certifies">certifies that</div>
                  <div class="name">{{recipientName}}</div>
                  <div class="certifies">has earned</div>
                  <div class="achievement">{{achievementName}}</div>
                  <div class="criteria">{{criteria}}</div>
                  <div class="dates">Issued {{issuedOn}}{{#validUntil}} · valid until {{validUntil}}{{/validUntil}}</div>
                %s  <div class="verify">
                    <img src="{{qrCode}}" alt="QR code that opens {{verificationUrl}}"/>
                    <div>Verify this credential at {{verificationUrl}}</div>
                    <div>Credential id {{credentialId}}</div>
                  </div>
                </div>
                </body>
                </html>
                """.formatted(
                        paper,
                        orientation,
                        design.primaryColour(),
                        design.accentColour(),
                        design.primaryColour(),
                        design.primaryColour(),
                        design.accentColour(),
                        design.showLogo()
                                ? "  {{#organizationLogo}}<img class=\"logo\" src=\"{{organizationLogo}}\""
                                        + " alt=\"Logo of {{issuerName}}\"/>{{/organizationLogo}}\n"
                                : "",
                        signer);
        return new TemplateText("", html, "");
    }

    /** The pictures a certificate of the organization shows, as data URIs (empty when it has none). */
    public java.util.Map<String, String> pictures(UUID organizationId) {
        var values = new java.util.HashMap<String, String>();
        var logo = brandings.of(organizationId).logoImageId();
        values.put("organizationLogo", dataUri(logo).orElse(""));
        var signature = jdbc.sql("SELECT signature_image_id FROM certificate_design WHERE organization_id = ?")
                .param(organizationId)
                .query((rs, row) -> Optional.ofNullable(rs.getObject("signature_image_id", UUID.class)))
                .optional()
                .flatMap(id -> id);
        values.put("signatureImage", dataUri(signature.orElse(null)).orElse(""));
        return values;
    }

    private Optional<String> dataUri(@Nullable UUID imageId) {
        return imageId == null
                ? Optional.empty()
                : images.find(imageId).map(org.credo.platform.StoredImage::pngDataUri);
    }

    private static Object[] values(Design d, Object now, UUID organizationId) {
        return new Object[] {
            d.signatureImageId(),
            d.signerName(),
            d.signerTitle(),
            d.primaryColour(),
            d.accentColour(),
            d.paper().name(),
            d.orientation().name(),
            d.showLogo(),
            now,
            organizationId
        };
    }

    private static String xml(String text) {
        return text.replace("&", "&amp;")
                .replace("<", "&lt;")
                .replace(">", "&gt;")
                .replace("\"", "&quot;")
                .replace("{{", "&#123;&#123;");
    }
}
