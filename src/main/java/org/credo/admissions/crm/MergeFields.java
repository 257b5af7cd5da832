package org.credo.admissions.crm;

import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.web.util.HtmlUtils;

/**
 * Fills a campaign's merge fields ({@code {{preferredName}}}, {@code {{name}}}, {@code {{email}}}) for one recipient,
 * and turns the plain-text body into the HTML part: everything escaped, blank lines make paragraphs, {@code **words**}
 * become bold. Nothing a campaign author or a recipient typed is ever taken as HTML.
 */
public final class MergeFields {

    /** The merge fields a subject or body may use. */
    public static final Set<String> NAMES = Set.of("preferredName", "name", "email");

    private static final Pattern FIELD = Pattern.compile("\\{\\{\\s*([A-Za-z]+)\\s*}}");
    private static final Pattern BOLD = Pattern.compile("\\*\\*(.+?)\\*\\*");

    private MergeFields() {}

    /** The merge fields used in a text that do not exist, to tell the author before anything is sent. */
    public static Set<String> unknown(String text) {
        var unknown = new TreeSet<String>();
        Matcher m = FIELD.matcher(text);
        while (m.find()) {
            if (!NAMES.contains(m.group(1))) {
                unknown.add(m.group(1));
            }
        }
        return unknown;
    }

    /** The text with each merge field replaced by the recipient's value. */
    public static String fill(String text, Recipient recipient) {
        var values = Map.of(
                "preferredName", recipient.preferredName(), "name", recipient.name(), "email", recipient.email());
        return FIELD.matcher(text)
                .replaceAll(m -> Matcher.quoteReplacement(values.getOrDefault(m.group(1), m.group())));
    }

    /** The HTML part of a filled text, with an optional unsubscribe link at its foot. */
    public static String html(String filledText, @Nullable String unsubscribeUrl) {
        var html = new StringBuilder("<!DOCTYPE html><html><body style=\"font-family:sans-serif;line-height:1.5\">");
        for (var paragraph : filledText.strip().split("\\R\\s*\\R")) {
            var escaped = HtmlUtils.htmlEscape(paragraph.strip(), "UTF-8");
            escaped = BOLD.matcher(escaped).replaceAll("<strong>$1</strong>");
            html.append("<p>").append(escaped.replaceAll("\\R", "<br>")).append("</p>");
        }
        if (unsubscribeUrl != null) {
            html.append("<p style=\"font-size:small;color:#555\">You receive this because you asked us about our")
                    .append(" programs. <a href=\"")
                    .append(HtmlUtils.htmlEscape(unsubscribeUrl, "UTF-8"))
                    .append("\">Unsubscribe</a> from these emails.</p>");
        }
        return html.append("</body></html>").toString();
    }

    /** The plain-text part, with an optional unsubscribe line at its foot. */
    public static String text(String filledText, @Nullable String unsubscribeUrl) {
        var text = filledText.strip().replace("**", "");
        return unsubscribeUrl == null
                ? text + "\n"
                : text + "\n\n--\nTo receive no more of these emails: " + unsubscribeUrl + "\n";
    }
}
