package org.credo.credentials.templates;

/**
 * The text of a template as staff write it: a subject and a plain-text body (emails only) and an HTML body (the
 * email's HTML part, or the certificate's XHTML).
 */
public record TemplateText(String subject, String html, String text) {

    /** Normalizes line ends, so that a template reads the same from any browser. */
    public TemplateText {
        subject = normalize(subject);
        html = normalize(html);
        text = normalize(text);
    }

    private static String normalize(String value) {
        return value.replace("\r\n", "\n").replace('\r', '\n');
    }
}
