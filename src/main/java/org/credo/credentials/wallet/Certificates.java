package org.credo.credentials.wallet;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.client.j2se.MatrixToImageWriter;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.Map;
import org.credo.credentials.issuance.IssuedCredential;
import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;

/**
 * The printable certificate of a credential: a one-page PDF with the recipient, the achievement, the
 * issuer, and the verification URL printed and as a QR code. Every user-supplied text is escaped.
 */
@Component
class Certificates {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMMM yyyy", java.util.Locale.ENGLISH);

    /** The PDF of a credential. */
    byte[] pdf(IssuedCredential credential, CredentialDetails details, String verifyUrl) {
        var html = """
                <html><head><style>
                  @page { size: A4 landscape; margin: 18mm; }
                  body { font-family: sans-serif; color: #1d2b3a; text-align: center; }
                  .frame { border: 3px solid #1d4e89; padding: 12mm 14mm; }
                  .issuer { font-size: 16pt; letter-spacing: 1px; text-transform: uppercase; color: #1d4e89; }
                  .certifies { font-size: 12pt; margin-top: 8mm; }
                  .name { font-size: 30pt; font-weight: bold; margin: 4mm 0; }
                  .achievement { font-size: 20pt; margin: 2mm 0 4mm 0; }
                  .criteria { font-size: 10pt; color: #44546a; margin: 0 20mm; }
                  .dates { font-size: 11pt; margin-top: 6mm; }
                  .verify { margin-top: 6mm; font-size: 9pt; }
                  .verify img { width: 32mm; height: 32mm; }
                </style></head><body><div class="frame">
                  <div class="issuer">%s</div>
                  <div class="certifies">certifies that</div>
                  <div class="name">%s</div>
                  <div class="certifies">has earned</div>
                  <div class="achievement">%s</div>
                  <div class="criteria">%s</div>
                  <div class="dates">Issued %s%s</div>
                  <div class="verify">
                    <img src="%s" alt="QR code of the verification URL"/>
                    <div>Verify this credential at</div>
                    <div>%s</div>
                    <div>Credential id %s</div>
                  </div>
                </div></body></html>
                """.formatted(
                        escape(details.issuerName()),
                        escape(credential.recipientName()),
                        escape(credential.achievementName()),
                        escape(details.criteria()),
                        DATE.format(credential.issuedAt().atZone(ZoneOffset.UTC)),
                        credential.validUntil() == null
                                ? ""
                                : " · valid until "
                                        + DATE.format(credential.validUntil().atZone(ZoneOffset.UTC)),
                        qrDataUri(verifyUrl),
                        escape(verifyUrl),
                        credential.id());
        var out = new ByteArrayOutputStream();
        try {
            var builder = new PdfRendererBuilder();
            builder.useFastMode();
            builder.withHtmlContent(html, null);
            builder.toStream(out);
            builder.run();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** A QR code of a text as a data: URI of a PNG. */
    static String qrDataUri(String text) {
        try {
            var matrix = new QRCodeWriter()
                    .encode(
                            text,
                            BarcodeFormat.QR_CODE,
                            300,
                            300,
                            Map.of(EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M, EncodeHintType.MARGIN, 2));
            var png = new ByteArrayOutputStream();
            MatrixToImageWriter.writeToStream(matrix, "PNG", png);
            return "data:image/png;base64," + Base64.getEncoder().encodeToString(png.toByteArray());
        } catch (WriterException | IOException e) {
            throw new IllegalStateException("Could not draw the QR code", e);
        }
    }

    private static String escape(String text) {
        // Numeric escapes keep the XHTML well-formed for the PDF renderer (no named HTML entities).
        return HtmlUtils.htmlEscapeDecimal(text);
    }
}
