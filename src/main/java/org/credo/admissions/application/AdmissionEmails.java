package org.credo.admissions.application;

import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.credo.notifications.Notifications;
import org.credo.platform.Organizations;
import org.credo.platform.Timestamps;
import org.credo.platform.config.CredoProperties;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;

/**
 * The emails admissions sends, in each organization's words (admission_email_template) or Credo's when it has none,
 * through the notifications outbox inside the caller's transaction.
 */
@Component
public class AdmissionEmails {

    /** The kinds of email and Credo's own wording of each: subject, then body. */
    public static final Map<String, String[]> DEFAULTS = Map.of(
            "APPLICATION_SUBMITTED", new String[] {"We received your application {{number}} to {{program}}", """
                Hello {{name}},

                Thank you for applying to {{program}} ({{cycle}}) at {{organization}}. We received your application \
                {{number}} and will be in touch once it has been reviewed.

                Follow your application here:
                {{link}}
                """});

    /** A template as an organization words it. */
    public record Template(String kind, String subject, String body, boolean custom) {}

    private final Notifications notifications;
    private final Organizations organizations;
    private final CredoProperties properties;
    private final JdbcClient jdbc;

    AdmissionEmails(
            Notifications notifications, Organizations organizations, CredoProperties properties, JdbcClient jdbc) {
        this.notifications = notifications;
        this.organizations = organizations;
        this.properties = properties;
        this.jdbc = jdbc;
    }

    /** The organization's template of a kind, or Credo's wording. */
    public Template template(UUID organizationId, String kind) {
        Optional<Template> custom = jdbc.sql(
                        "SELECT subject, body FROM admission_email_template WHERE organization_id = ? AND kind = ?")
                .params(organizationId, kind)
                .query((rs, n) -> new Template(kind, rs.getString(1), rs.getString(2), true))
                .optional();
        return custom.orElseGet(() -> new Template(kind, DEFAULTS.get(kind)[0], DEFAULTS.get(kind)[1], false));
    }

    /** Saves the organization's wording of a kind of email. */
    public void save(UUID organizationId, String kind, String subject, String body) {
        if (!DEFAULTS.containsKey(kind)) {
            throw org.credo.platform.ProblemException.invalidField("kind", "choose one of " + DEFAULTS.keySet() + ".");
        }
        if (subject.isBlank() || subject.length() > 300) {
            throw org.credo.platform.ProblemException.invalidField(
                    "subject", "write a subject of at most 300 characters.");
        }
        if (body.isBlank() || body.length() > 10_000) {
            throw org.credo.platform.ProblemException.invalidField(
                    "body", "write a body of at most 10,000 characters.");
        }
        var now = Timestamps.sql(Timestamps.now());
        int updated = jdbc.sql("UPDATE admission_email_template SET subject = ?, body = ?, updated_at = ?"
                        + " WHERE organization_id = ? AND kind = ?")
                .params(subject.strip(), body, now, organizationId, kind)
                .update();
        if (updated == 0) {
            jdbc.sql("INSERT INTO admission_email_template (organization_id, kind, subject, body, updated_at)"
                            + " VALUES (?, ?, ?, ?, ?)")
                    .params(organizationId, kind, subject.strip(), body, now)
                    .update();
        }
    }

    /** Confirms a submission to the applicant; a second call for the same application sends nothing more. */
    void submitted(Application application) {
        var organization = organizations
                .find(application.organizationId())
                .map(o -> o.name())
                .orElse("");
        var values = Map.of(
                "name", application.applicantName(),
                "number", application.number(),
                "program", application.programName(),
                "cycle", application.cycleName(),
                "organization", organization,
                "link", properties.link("/apply/applications/" + application.id()));
        var template = template(application.organizationId(), "APPLICATION_SUBMITTED");
        var subject = fill(template.subject(), values, false).replaceAll("[\\r\\n]+", " ");
        var text = fill(template.body(), values, false);
        var html = "<p>"
                + fill(HtmlUtils.htmlEscape(template.body()), values, true)
                        .replace("\n\n", "</p><p>")
                        .replace("\n", "<br>")
                + "</p>";
        notifications.enqueue(
                application.organizationId(),
                application.applicantEmail(),
                subject,
                text,
                html,
                "admissions-application:" + application.id() + ":submitted");
    }

    private static String fill(String template, Map<String, String> values, boolean escape) {
        var out = template;
        for (var e : values.entrySet()) {
            out = out.replace("{{" + e.getKey() + "}}", escape ? HtmlUtils.htmlEscape(e.getValue()) : e.getValue());
        }
        return out;
    }
}
