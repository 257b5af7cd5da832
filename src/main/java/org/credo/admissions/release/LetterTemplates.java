package org.credo.admissions.release;

import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.credo.admissions.DecisionLetterSaved;
import org.credo.admissions.decision.Outcome;
import org.credo.platform.ChangeStamp;
import org.credo.platform.ProblemException;
import org.credo.platform.Timestamps;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The organization's wording of the decision email and letter per outcome. Placeholders {{name}}, {{program}},
 * {{cycle}}, {{number}}, {{organization}}, {{conditions}}, {{respondBy}} and {{link}} are filled in per applicant.
 * A release fills them in and stores the letter text with the decision, so a change applies to decisions released
 * after it and a letter already released keeps its words.
 */
@Service
public class LetterTemplates {

    /** The wording for one outcome. */
    public record Template(Outcome outcome, String subject, String emailBody, String letterBody) {}

    /** A template filled in for a sample applicant: the email's subject and text, and the letter's paragraphs. */
    public record Preview(String subject, String emailBody, List<String> letterParagraphs) {}

    /** The merge fields a template may use, in the order staff read them. */
    public static final List<String> FIELDS =
            List.of("name", "program", "cycle", "number", "organization", "conditions", "respondBy", "link");

    private static final Map<String, String> SAMPLE = Map.of(
            "name", "Alex Sample",
            "program", "BSc Data Science",
            "cycle", "Fall 2027",
            "number", "APP-2027-00042",
            "organization", "Your organization",
            "conditions", "Send your final transcript by 1 August.",
            "respondBy", "15 May 2027 (Europe/London)",
            "link", "https://credo.example/apply/applications/sample/decision");

    private static final Map<Outcome, Template> DEFAULTS = new EnumMap<>(Map.of(
            Outcome.ADMIT,
            new Template(Outcome.ADMIT, "Your admission decision from {{organization}}", """
                    Dear {{name}},

                    Congratulations: you are admitted to {{program}} ({{cycle}}).

                    Read your decision letter and accept your place by {{respondBy}}:
                    {{link}}
                    """, """
                    Dear {{name}},

                    On behalf of {{organization}}, I am delighted to offer you admission to {{program}}, {{cycle}} (application {{number}}).

                    Please accept or decline this offer by {{respondBy}} in the applicant portal.

                    We look forward to welcoming you.

                    The Admissions Office"""),
            Outcome.CONDITIONAL_ADMIT,
            new Template(Outcome.CONDITIONAL_ADMIT, "Your admission decision from {{organization}}", """
                    Dear {{name}},

                    You are conditionally admitted to {{program}} ({{cycle}}).

                    Read your decision letter, with its conditions, and accept your place by {{respondBy}}:
                    {{link}}
                    """, """
                    Dear {{name}},

                    On behalf of {{organization}}, I am pleased to offer you conditional admission to {{program}}, {{cycle}} (application {{number}}).

                    Your admission becomes final once you meet these conditions: {{conditions}}

                    Please accept or decline this offer by {{respondBy}} in the applicant portal.

                    The Admissions Office"""),
            Outcome.WAITLIST,
            new Template(Outcome.WAITLIST, "Your admission decision from {{organization}}", """
                    Dear {{name}},

                    Your application to {{program}} ({{cycle}}) is on our waitlist. Read your decision letter:
                    {{link}}
                    """, """
                    Dear {{name}},

                    Thank you for applying to {{program}}, {{cycle}} (application {{number}}). The committee found your application qualified, but the program is full, and we have placed you on the waitlist.

                    We will write to you as soon as a place becomes available.

                    The Admissions Office"""),
            Outcome.DENY,
            new Template(Outcome.DENY, "Your admission decision from {{organization}}", """
                    Dear {{name}},

                    A decision on your application to {{program}} ({{cycle}}) is available:
                    {{link}}
                    """, """
                    Dear {{name}},

                    Thank you for applying to {{program}}, {{cycle}} (application {{number}}). After careful review, we are unable to offer you admission this time.

                    We wish you every success in your studies and hope you will consider {{organization}} again.

                    The Admissions Office""")));

    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;

    LetterTemplates(JdbcClient jdbc, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.events = events;
    }

    /** Credo's wording for an outcome, which "reset to the default" brings back. */
    public Template defaults(Outcome outcome) {
        var t = DEFAULTS.get(outcome);
        return new Template(
                outcome, t.subject(), t.emailBody().strip(), t.letterBody().strip());
    }

    /** The organization's templates, one per outcome, seeding the defaults the first time. */
    @Transactional
    public Map<Outcome, Template> all(UUID organizationId) {
        var templates = new EnumMap<Outcome, Template>(Outcome.class);
        jdbc.sql("SELECT outcome, subject, email_body, letter_body FROM decision_template WHERE organization_id = ?")
                .param(organizationId)
                .query((rs, n) -> templates.put(
                        Outcome.valueOf(rs.getString("outcome")),
                        new Template(
                                Outcome.valueOf(rs.getString("outcome")),
                                rs.getString("subject"),
                                rs.getString("email_body"),
                                rs.getString("letter_body"))))
                .list();
        for (var outcome : Outcome.values()) {
            if (!templates.containsKey(outcome)) {
                var t = DEFAULTS.get(outcome);
                insert(organizationId, t);
                templates.put(outcome, t);
            }
        }
        return templates;
    }

    /**
     * Checks a wording without saving it: a subject of up to 300 characters, email and letter texts of up to 8,000,
     * {{link}} kept in the email, and only the known merge fields. Refused (400) with the field named.
     */
    public void validate(String subject, String emailBody, String letterBody) {
        if (subject == null || subject.isBlank()) {
            throw ProblemException.invalidField("subject", "give a subject.");
        }
        if (subject.length() > 300) {
            throw ProblemException.invalidField("subject", "keep the subject to 300 characters.");
        }
        unknownField("subject", subject);
        if (emailBody == null || emailBody.isBlank()) {
            throw ProblemException.invalidField("emailBody", "give the text of the email.");
        }
        if (emailBody.length() > 8000) {
            throw ProblemException.invalidField("emailBody", "keep the email to 8,000 characters.");
        }
        unknownField("emailBody", emailBody);
        if (!emailBody.contains("{{link}}")) {
            throw ProblemException.invalidField(
                    "emailBody", "keep {{link}} in the email, so the applicant finds the letter.");
        }
        if (letterBody == null || letterBody.isBlank()) {
            throw ProblemException.invalidField("letterBody", "give the text of the letter.");
        }
        if (letterBody.length() > 8000) {
            throw ProblemException.invalidField("letterBody", "keep the letter to 8,000 characters.");
        }
        unknownField("letterBody", letterBody);
    }

    private static void unknownField(String field, String text) {
        int i = 0;
        while (true) {
            int open = text.indexOf("{{", i);
            if (open < 0) {
                return;
            }
            int close = text.indexOf("}}", open);
            if (close < 0) {
                throw ProblemException.invalidField(field, "close the merge field opened with {{ using }}.");
            }
            var key = text.substring(open + 2, close).trim();
            if (!FIELDS.contains(key)) {
                throw ProblemException.invalidField(
                        field,
                        "{{" + key + "}} is not a merge field; use "
                                + String.join(
                                        ", ",
                                        FIELDS.stream()
                                                .map(f -> "{{" + f + "}}")
                                                .toList()) + ".");
            }
            i = close + 2;
        }
    }

    /** A wording filled in for a sample applicant, for the live preview; the page escapes every piece of it. */
    public Preview preview(String organizationName, String subject, String emailBody, String letterBody) {
        var values = new HashMap<>(SAMPLE);
        values.put("organization", organizationName);
        return new Preview(
                fill(subject == null ? "" : subject, values),
                fill(emailBody == null ? "" : emailBody, values),
                Releases.paragraphs(fill(letterBody == null ? "" : letterBody, values)));
    }

    /** Changes the wording for one outcome; decisions released after it use it, released letters keep theirs. */
    @Transactional
    public Template save(UUID organizationId, Outcome outcome, String subject, String emailBody, String letterBody) {
        validate(subject, emailBody, letterBody);
        var saved = write(organizationId, outcome, subject, emailBody, letterBody);
        events.publishEvent(new DecisionLetterSaved(ChangeStamp.now(organizationId), outcome.name(), false));
        return saved;
    }

    /** Brings back Credo's wording for one outcome. */
    @Transactional
    public Template reset(UUID organizationId, Outcome outcome) {
        var d = defaults(outcome);
        var saved = write(organizationId, outcome, d.subject(), d.emailBody(), d.letterBody());
        events.publishEvent(new DecisionLetterSaved(ChangeStamp.now(organizationId), outcome.name(), true));
        return saved;
    }

    private Template write(UUID organizationId, Outcome outcome, String subject, String emailBody, String letterBody) {
        all(organizationId);
        jdbc.sql("UPDATE decision_template SET subject = ?, email_body = ?, letter_body = ?, updated_at = ?"
                        + " WHERE organization_id = ? AND outcome = ?")
                .params(
                        subject.trim(),
                        emailBody.strip(),
                        letterBody.strip(),
                        Timestamps.sql(Timestamps.now()),
                        organizationId,
                        outcome.name())
                .update();
        return all(organizationId).get(outcome);
    }

    private void insert(UUID organizationId, Template t) {
        jdbc.sql(
                        "INSERT INTO decision_template (organization_id, outcome, subject, email_body, letter_body, updated_at)"
                                + " VALUES (?, ?, ?, ?, ?, ?)")
                .params(
                        organizationId,
                        t.outcome().name(),
                        t.subject(),
                        t.emailBody().strip(),
                        t.letterBody().strip(),
                        Timestamps.sql(Timestamps.now()))
                .update();
    }

    /** Fills the placeholders of a text with the values given (unknown placeholders stay as they are). */
    static String fill(String text, Map<String, String> values) {
        var out = new StringBuilder(text.length() + 200);
        int i = 0;
        while (i < text.length()) {
            int open = text.indexOf("{{", i);
            if (open < 0) {
                out.append(text, i, text.length());
                break;
            }
            int close = text.indexOf("}}", open);
            if (close < 0) {
                out.append(text, i, text.length());
                break;
            }
            out.append(text, i, open);
            var key = text.substring(open + 2, close).trim();
            var value = values.get(key);
            out.append(value == null ? text.substring(open, close + 2) : value);
            i = close + 2;
        }
        return out.toString();
    }
}
