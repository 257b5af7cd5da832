package org.credo.credentials.templates;

import org.credo.platform.TaggedPdf;
import org.springframework.stereotype.Component;

/**
 * Turns a certificate's XHTML into a tagged PDF (ADR 32). Only {@code data:} resources load: an organization's template
 * cannot make the server fetch anything from the network or read a local file.
 */
@Component
public class CertificatePdf {

    private final TaggedPdf pdf;

    CertificatePdf(TaggedPdf pdf) {
        this.pdf = pdf;
    }

    /**
     * The PDF of a certificate's XHTML. The names give the PDF its title and description where the template has none,
     * which PDF viewers show and screen readers announce.
     */
    public byte[] render(String xhtml, String achievementName, String recipientName, String issuerName) {
        return pdf.render(
                xhtml,
                achievementName + ": certificate of " + recipientName,
                issuerName + " certifies that " + recipientName + " has earned " + achievementName + ".");
    }
}
