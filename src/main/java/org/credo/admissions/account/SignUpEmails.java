package org.credo.admissions.account;

import com.samskivert.mustache.Mustache;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;

/**
 * The two applicant account emails, worded by the organization's own template when it has one (table
 * {@code applicant_email_template}), else by the built-in one. Templates are Mustache over a fixed set of plain
 * values; the HTML part is the text, escaped, with the link made clickable.
 */
@Component
class SignUpEmails {

    /** Which email. */
    enum Kind {
        /** The verification link of a new account. */
        VERIFY,
        /** The address already has an account: sign in or reset the password. */
        EXISTING
    }

    /** An email ready for the outbox. */
    record Message(String subject, String text, String html) {}

    static final String VERIFY_SUBJECT = "Confirm your email to apply to {{organization}}";
    static final String VERIFY_TEXT = """
            Hello {{name}},

            Thank you for signing up to apply to {{organization}}. Confirm your email address to open your applicant
            account (the link works once and expires in {{hours}} hours):

            {{link}}

            If you did not sign up, ignore this email: no account is opened.
            """;
    static final String EXISTING_SUBJECT = "You already have an account with {{organization}}";
    static final String EXISTING_TEXT = """
            Hello,

            Someone (hopefully you) asked to open an applicant account with {{organization}} for this email address.
            You already have an account: sign in, or reset your password if you forgot it.

            Sign in: {{signInLink}}
            Reset your password: {{resetLink}}

            If you did not ask for this, ignore this email; nothing changes.
            """;

    private static final Mustache.Compiler PLAIN = Mustache.compiler()
            .escapeHTML(false)
            .defaultValue("")
            .withLoader(name -> {
                throw new IllegalArgumentException("Partials are not allowed.");
            });

    private final JdbcClient jdbc;

    SignUpEmails(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Message render(UUID organizationId, Kind kind, Map<String, String> values) {
        var own = jdbc.sql(
                        "SELECT subject, text_body FROM applicant_email_template WHERE organization_id = ? AND kind = ?")
                .params(organizationId, kind.name())
                .query((rs, n) -> new String[] {rs.getString(1), rs.getString(2)})
                .optional();
        var subject = own.map(o -> o[0]).orElse(kind == Kind.VERIFY ? VERIFY_SUBJECT : EXISTING_SUBJECT);
        var text = own.map(o -> o[1]).orElse(kind == Kind.VERIFY ? VERIFY_TEXT : EXISTING_TEXT);
        var renderedText = PLAIN.compile(text).execute(values);
        return new Message(
                PLAIN.compile(subject)
                        .execute(values)
                        .replaceAll("[\\r\\n]+", " ")
                        .strip(),
                renderedText,
                html(renderedText));
    }

    private static String html(String text) {
        var escaped = HtmlUtils.htmlEscape(text);
        var linked = escaped.replaceAll("(https?://[^\\s<]+)", "<a href=\"$1\">$1</a>");
        var html = new StringBuilder();
        for (var paragraph : linked.strip().split("\\n\\s*\\n")) {
            html.append("<p>").append(paragraph.strip().replace("\n", "<br>\n")).append("</p>\n");
        }
        return html.toString();
    }
}
