package org.credo.admissions.account;

import com.samskivert.mustache.Mustache;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import org.credo.admissions.SignUpEmailSaved;
import org.credo.platform.ChangeStamp;
import org.credo.platform.ProblemException;
import org.credo.platform.Timestamps;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
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

    /** The organization's wording of the confirmation email, or Credo's when {@code custom} is false. */
    record Template(String subject, String body, boolean custom) {}

    /** The placeholders the confirmation email may use, in the order the edit page lists them. */
    static final List<String> VERIFY_FIELDS = List.of("name", "email", "organization", "program", "hours", "link");

    /** The values the preview fills in for a sample applicant. */
    private static final Map<String, String> SAMPLE = Map.of(
            "name", "Ada Applicant",
            "email", "ada.applicant@example.org",
            "program", "DA-CERT",
            "hours", Long.toString(ApplicantSignUps.VALIDITY.toHours()),
            "link", "https://credo.example/apply/sign-up/verify?token=sample");

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{(.*?)}}", Pattern.DOTALL);

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
    private final ApplicationEventPublisher events;

    SignUpEmails(JdbcClient jdbc, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.events = events;
    }

    /** The organization's wording of the sign-up confirmation email, or Credo's. */
    Template verifyTemplate(UUID organizationId) {
        return own(organizationId, Kind.VERIFY)
                .map(o -> new Template(o[0], o[1], true))
                .orElseGet(() -> new Template(VERIFY_SUBJECT, VERIFY_TEXT.strip(), false));
    }

    /**
     * Checks a wording of the confirmation email without saving it: a subject of up to 300 characters, a text of up
     * to 10,000 that keeps {@code {{link}}} (without it no applicant could confirm), and only the listed placeholders.
     * Refused (400) with the field named.
     */
    static void validate(String subject, String body) {
        if (subject.isBlank()) {
            throw ProblemException.invalidField("subject", "give a subject.");
        }
        if (subject.length() > 300) {
            throw ProblemException.invalidField("subject", "keep the subject to 300 characters.");
        }
        placeholders("subject", subject);
        if (body.isBlank()) {
            throw ProblemException.invalidField("body", "give the text of the email.");
        }
        if (body.length() > 10_000) {
            throw ProblemException.invalidField("body", "keep the text to 10,000 characters.");
        }
        if (!placeholders("body", body).contains("link")) {
            throw ProblemException.invalidField(
                    "body", "keep {{link}} in the text: it is the link the applicant follows to confirm.");
        }
    }

    private static List<String> placeholders(String field, String text) {
        var found = new ArrayList<String>();
        var m = PLACEHOLDER.matcher(text);
        while (m.find()) {
            var key = m.group(1).strip();
            if (!VERIFY_FIELDS.contains(key)) {
                throw ProblemException.invalidField(
                        field,
                        "{{" + key + "}} is not a placeholder; use "
                                + String.join(
                                        ", ",
                                        VERIFY_FIELDS.stream()
                                                .map(f -> "{{" + f + "}}")
                                                .toList())
                                + ".");
            }
            found.add(key);
        }
        return found;
    }

    /** A wording filled in for a sample applicant, for the live preview; the page escapes it. */
    static Message preview(String organizationName, String subject, String body) {
        var values = new HashMap<>(SAMPLE);
        values.put("organization", organizationName);
        return fill(subject, body, values);
    }

    /** Saves the organization's wording of the confirmation email; sign-ups from now on use it. */
    @Transactional
    Template saveVerify(UUID organizationId, String subject, String body) {
        validate(subject, body);
        var now = Timestamps.sql(Timestamps.now());
        int updated = jdbc.sql("UPDATE applicant_email_template SET subject = ?, text_body = ?, updated_at = ?"
                        + " WHERE organization_id = ? AND kind = ?")
                .params(subject.strip(), body.strip(), now, organizationId, Kind.VERIFY.name())
                .update();
        if (updated == 0) {
            jdbc.sql("INSERT INTO applicant_email_template (organization_id, kind, subject, text_body, updated_at)"
                            + " VALUES (?, ?, ?, ?, ?)")
                    .params(organizationId, Kind.VERIFY.name(), subject.strip(), body.strip(), now)
                    .update();
        }
        events.publishEvent(new SignUpEmailSaved(ChangeStamp.now(organizationId), false));
        return verifyTemplate(organizationId);
    }

    /** Brings back Credo's wording of the confirmation email. */
    @Transactional
    Template resetVerify(UUID organizationId) {
        jdbc.sql("DELETE FROM applicant_email_template WHERE organization_id = ? AND kind = ?")
                .params(organizationId, Kind.VERIFY.name())
                .update();
        events.publishEvent(new SignUpEmailSaved(ChangeStamp.now(organizationId), true));
        return verifyTemplate(organizationId);
    }

    private Optional<String[]> own(UUID organizationId, Kind kind) {
        return jdbc.sql(
                        "SELECT subject, text_body FROM applicant_email_template WHERE organization_id = ? AND kind = ?")
                .params(organizationId, kind.name())
                .query((rs, n) -> new String[] {rs.getString(1), rs.getString(2)})
                .optional();
    }

    Message render(UUID organizationId, Kind kind, Map<String, String> values) {
        var own = own(organizationId, kind);
        var subject = own.map(o -> o[0]).orElse(kind == Kind.VERIFY ? VERIFY_SUBJECT : EXISTING_SUBJECT);
        var text = own.map(o -> o[1]).orElse(kind == Kind.VERIFY ? VERIFY_TEXT : EXISTING_TEXT);
        return fill(subject, text, values);
    }

    private static Message fill(String subject, String text, Map<String, String> values) {
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
