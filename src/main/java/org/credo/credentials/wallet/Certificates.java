package org.credo.credentials.wallet;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import javax.imageio.ImageIO;
import org.credo.credentials.issuance.IssuedCredential;
import org.credo.credentials.templates.CertificateDesigner;
import org.credo.credentials.templates.CertificatePdf;
import org.credo.credentials.templates.OrganizationTemplates;
import org.springframework.stereotype.Component;

/**
 * The printable certificate of a credential: a one-page PDF with the recipient, the achievement, the
 * issuer, and the verification URL printed and as a QR code, laid out by the organization's template (or the
 * built-in one). Every user-supplied text is escaped by the template engine.
 */
@Component
class Certificates {

    static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMMM yyyy", java.util.Locale.ENGLISH);

    private final OrganizationTemplates templates;
    private final CertificatePdf renderer;
    private final CertificateDesigner designer;

    Certificates(OrganizationTemplates templates, CertificatePdf renderer, CertificateDesigner designer) {
        this.designer = designer;
        this.templates = templates;
        this.renderer = renderer;
    }

    /** The PDF of a credential, laid out by its organization's certificate template. */
    byte[] pdf(IssuedCredential credential, CredentialDetails details, String verifyUrl) {
        var values = new HashMap<String, String>();
        values.put("recipientName", credential.recipientName());
        values.put("achievementName", credential.achievementName());
        values.put("issuerName", details.issuerName());
        values.put("description", details.description());
        values.put("criteria", details.criteria());
        values.put("issuedOn", DATE.format(credential.issuedAt().atZone(ZoneOffset.UTC)));
        values.put(
                "validUntil",
                credential.validUntil() == null
                        ? ""
                        : DATE.format(credential.validUntil().atZone(ZoneOffset.UTC)));
        values.put("verificationUrl", verifyUrl);
        values.put("qrCode", qrDataUri(verifyUrl));
        values.put("credentialId", credential.id().toString());
        values.putAll(designer.pictures(credential.organizationId()));
        return renderer.render(
                templates.certificate(credential.organizationId(), values),
                credential.achievementName(),
                credential.recipientName(),
                details.issuerName());
    }

    /**
     * A QR code of a text as a data: URI of a PNG: one bit a pixel, four pixels a module, which the PDF scales up;
     * a third of the CPU time of a 300-pixel colour image, in both drawing it and embedding it.
     */
    static String qrDataUri(String text) {
        try {
            var matrix = new QRCodeWriter()
                    .encode(
                            text,
                            BarcodeFormat.QR_CODE,
                            0,
                            0,
                            Map.of(EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M, EncodeHintType.MARGIN, 2));
            int scale = 4;
            var image = new BufferedImage(
                    matrix.getWidth() * scale, matrix.getHeight() * scale, BufferedImage.TYPE_BYTE_BINARY);
            var raster = image.getRaster();
            for (int y = 0; y < image.getHeight(); y++) {
                for (int x = 0; x < image.getWidth(); x++) {
                    raster.setSample(x, y, 0, matrix.get(x / scale, y / scale) ? 0 : 1);
                }
            }
            var png = new ByteArrayOutputStream(1024);
            if (!ImageIO.write(image, "png", png)) {
                throw new IllegalStateException("No PNG writer");
            }
            return "data:image/png;base64," + Base64.getEncoder().encodeToString(png.toByteArray());
        } catch (WriterException | IOException e) {
            throw new IllegalStateException("Could not draw the QR code", e);
        }
    }
}
