package org.credo.credentials.templates;

import com.samskivert.mustache.Template;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.credo.credentials.CredentialTemplateChanged;
import org.credo.credentials.templates.MustacheTemplates.Markup;
import org.credo.platform.ChangeStamp;
import org.credo.platform.ProblemException;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.core.io.ClassPathResource;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Each organization's templates of the earner emails (claim, expiry reminder, wallet sign-in, address confirmation)
 * and the certificate: the one in force, its history, saving a new version after validation, resetting to the
 * built-in one, and rendering with real values. An email that speaks for no one organization uses the built-in one.
 */
@Service
public class OrganizationTemplates {

    /** The template in force, and where it came from. */
    public record Current(
            TemplateKind kind,
            TemplateText text,
            boolean builtIn,
            int version,
            @Nullable Instant changedAt,
            @Nullable String changedBy) {}

    /** One saved version, for the history list. */
    public record Version(int version, boolean resetToDefault, Instant changedAt, String changedBy) {}

    /** A rendered email. */
    public record RenderedEmail(String subject, String text, String html) {}

    private record Compiled(Template subject, Template html, Template text) {}

    private record Key(UUID organizationId, TemplateKind kind, int version) {}

    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;
    private final Map<TemplateKind, TemplateText> defaults = new EnumMap<>(TemplateKind.class);
    private final Map<TemplateKind, Compiled> compiledDefaults = new EnumMap<>(TemplateKind.class);
    private final Map<Key, Compiled> compiled = new ConcurrentHashMap<>();

    OrganizationTemplates(JdbcClient jdbc, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.events = events;
        for (var kind : TemplateKind.values()) {
            var text = kind.isEmail()
                    ? new TemplateText(
                            resource(kind, "subject.mustache").strip(),
                            resource(kind, "html.mustache"),
                            resource(kind, "txt.mustache"))
                    : new TemplateText("", resource(kind, "xhtml.mustache"), "");
            defaults.put(kind, text);
            compiledDefaults.put(kind, compile(kind, text));
        }
    }

    /** The built-in template of a kind. */
    public TemplateText builtIn(TemplateKind kind) {
        return defaults.get(kind);
    }

    /** The template an organization has in force. */
    public Current current(UUID organizationId, TemplateKind kind) {
        return jdbc.sql("""
                        SELECT version, is_default, subject, html_body, text_body, changed_at, changed_by
                        FROM credential_template WHERE organization_id = ? AND kind = ?
                        ORDER BY version DESC LIMIT 1""")
                .params(organizationId, kind.name())
                .query((rs, row) -> rs.getBoolean("is_default")
                        ? new Current(
                                kind,
                                defaults.get(kind),
                                true,
                                rs.getInt("version"),
                                rs.getTimestamp("changed_at").toInstant(),
                                rs.getString("changed_by"))
                        : new Current(
                                kind,
                                new TemplateText(
                                        nonNull(rs.getString("subject")),
                                        nonNull(rs.getString("html_body")),
                                        nonNull(rs.getString("text_body"))),
                                false,
                                rs.getInt("version"),
                                rs.getTimestamp("changed_at").toInstant(),
                                rs.getString("changed_by")))
                .optional()
                .orElseGet(() -> new Current(kind, defaults.get(kind), true, 0, null, null));
    }

    /** Every saved version of an organization's template, newest first. */
    public List<Version> history(UUID organizationId, TemplateKind kind) {
        return jdbc.sql("""
                        SELECT version, is_default, changed_at, changed_by FROM credential_template
                        WHERE organization_id = ? AND kind = ? ORDER BY version DESC""")
                .params(organizationId, kind.name())
                .query((rs, row) -> new Version(
                        rs.getInt("version"),
                        rs.getBoolean("is_default"),
                        rs.getTimestamp("changed_at").toInstant(),
                        rs.getString("changed_by")))
                .list();
    }

    /** What is wrong with a template; empty when it may be saved. */
    public List<TemplateProblem> validate(TemplateKind kind, TemplateText text) {
        var allowed = kind.placeholders().keySet();
        var sample = sample(kind, "Sample Organization");
        var problems = new ArrayList<TemplateProblem>();
        if (kind.isEmail()) {
            if (text.subject().isBlank()) {
                problems.add(new TemplateProblem("subject", "Write a subject."));
            } else if (text.subject().contains("\n")) {
                problems.add(new TemplateProblem("subject", "The subject must be one line."));
            } else {
                problems.addAll(MustacheTemplates.check(
                        "subject", text.subject(), Markup.NONE, allowed, java.util.Set.of(), sample));
            }
            problems.addAll(checkBody("html", text.html(), Markup.FRAGMENT, kind, sample));
            problems.addAll(checkBody("text", text.text(), Markup.NONE, kind, sample));
        } else {
            problems.addAll(checkBody("html", text.html(), Markup.DOCUMENT, kind, sample));
        }
        return problems;
    }

    private static List<TemplateProblem> checkBody(
            String field, String source, Markup markup, TemplateKind kind, Map<String, String> sample) {
        if (source.isBlank()) {
            return List.of(new TemplateProblem(
                    field, "Write the " + (field.equals("text") ? "plain-text" : "HTML") + " body."));
        }
        if (source.length() > 100_000) {
            return List.of(new TemplateProblem(field, "Keep it under 100,000 characters."));
        }
        return MustacheTemplates.check(
                field, source, markup, kind.placeholders().keySet(), kind.required(), sample);
    }

    /**
     * Saves a template as the organization's new version if it is valid; otherwise returns its problems and the
     * template in force stays as it was.
     */
    @Transactional
    public List<TemplateProblem> save(UUID organizationId, TemplateKind kind, TemplateText text) {
        var problems = validate(kind, text);
        if (!problems.isEmpty()) {
            return problems;
        }
        insert(organizationId, kind, text, false);
        return List.of();
    }

    /** Goes back to the built-in template (as a new version, so the history keeps the old one). */
    @Transactional
    public void reset(UUID organizationId, TemplateKind kind) {
        insert(organizationId, kind, null, true);
    }

    private void insert(UUID organizationId, TemplateKind kind, @Nullable TemplateText text, boolean reset) {
        var stamp = ChangeStamp.now(organizationId);
        int version = jdbc.sql("SELECT COALESCE(MAX(version), 0) + 1 FROM credential_template"
                        + " WHERE organization_id = ? AND kind = ?")
                .params(organizationId, kind.name())
                .query(Integer.class)
                .single();
        try {
            jdbc.sql("""
                            INSERT INTO credential_template (id, organization_id, kind, version, is_default, subject,
                              html_body, text_body, changed_at, changed_by)
                            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                    .params(
                            UUID.randomUUID(),
                            organizationId,
                            kind.name(),
                            version,
                            reset,
                            text == null ? null : text.subject(),
                            text == null ? null : text.html(),
                            text == null ? null : text.text(),
                            java.sql.Timestamp.from(stamp.occurredAt()),
                            stamp.actorName())
                    .update();
        } catch (DuplicateKeyException e) {
            throw ProblemException.conflict(
                    "Template changed meanwhile",
                    "Someone else saved this template at the same moment. Reload the page and try again.");
        }
        events.publishEvent(new CredentialTemplateChanged(stamp, organizationId, kind.name(), version, reset));
    }

    /** The organization's claim email with real values. */
    public RenderedEmail claimEmail(UUID organizationId, Map<String, String> values) {
        return email(compiledInForce(organizationId, TemplateKind.CLAIM_EMAIL), values);
    }

    /**
     * The organization's claim email template in force now, for many emails in a row (one lookup for
     * a whole bulk issuance chunk).
     */
    public java.util.function.Function<Map<String, String>, RenderedEmail> claimEmailRenderer(UUID organizationId) {
        var template = compiledInForce(organizationId, TemplateKind.CLAIM_EMAIL);
        return values -> email(template, values);
    }

    /** The organization's expiry reminder email with real values. */
    public RenderedEmail expiryReminderEmail(UUID organizationId, Map<String, String> values) {
        return email(compiledInForce(organizationId, TemplateKind.EXPIRY_REMINDER), values);
    }

    /**
     * The wallet sign-in email of an organization, or the built-in one when the email speaks for no one organization
     * ({@code null}: an earner whose credentials come from several).
     */
    public RenderedEmail earnerSignInEmail(@Nullable UUID organizationId, Map<String, String> values) {
        return email(inForceOrBuiltIn(organizationId, TemplateKind.EARNER_SIGN_IN), values);
    }

    /**
     * The address confirmation email of an organization, or the built-in one when the email speaks for no one
     * organization ({@code null}).
     */
    public RenderedEmail earnerAddressEmail(@Nullable UUID organizationId, Map<String, String> values) {
        return email(inForceOrBuiltIn(organizationId, TemplateKind.EARNER_ADDRESS), values);
    }

    private Compiled inForceOrBuiltIn(@Nullable UUID organizationId, TemplateKind kind) {
        return organizationId == null ? compiledDefaults.get(kind) : compiledInForce(organizationId, kind);
    }

    /** The organization's certificate as XHTML, with real values, ready for the PDF renderer. */
    public String certificate(UUID organizationId, Map<String, String> values) {
        return compiledInForce(organizationId, TemplateKind.CERTIFICATE).html().execute(clean(values));
    }

    /** A template that passed {@link #validate} rendered as an email, for a preview. */
    public RenderedEmail previewEmail(TemplateText text, Map<String, String> values) {
        return email(compile(TemplateKind.CLAIM_EMAIL, text), values);
    }

    /** A template that passed {@link #validate} rendered as a certificate, for a preview. */
    public String previewCertificate(TemplateText text, Map<String, String> values) {
        return compile(TemplateKind.CERTIFICATE, text).html().execute(clean(values));
    }

    private static RenderedEmail email(Compiled template, Map<String, String> values) {
        var clean = clean(values);
        var subject = template.subject().execute(clean).replaceAll("\\s+", " ").strip();
        return new RenderedEmail(
                subject, template.text().execute(clean), template.html().execute(clean));
    }

    /** Sample values for previews and for checking that a template renders to well-formed markup. */
    public static Map<String, String> sample(TemplateKind kind, String issuerName) {
        var values = new LinkedHashMap<String, String>();
        values.put("recipientName", "Alex Sample");
        values.put("achievementName", "Sample Achievement in Data Analysis");
        values.put("issuerName", issuerName);
        values.put("claimUrl", "https://credo.example/wallet/claim/sample-token");
        values.put("claimDays", "30");
        values.put("verificationUrl", "https://credo.example/verify/00000000-0000-0000-0000-000000000000");
        values.put("issuedOn", "3 March 2026");
        values.put("validUntil", "3 March 2029");
        values.put("daysLeft", "30");
        values.put("email", "alex.sample@example.org");
        values.put("signInUrl", "https://credo.example/wallet/sign-in/sample-token");
        values.put("confirmUrl", "https://credo.example/wallet/account/emails/verify/sample-token");
        values.put("minutes", "15");
        values.put("description", "Awarded for completing the sample program.");
        values.put("criteria", "Complete three courses with a grade of C or better.");
        values.put("qrCode", SAMPLE_IMAGE);
        values.put("credentialId", "00000000-0000-0000-0000-000000000000");
        values.put("organizationLogo", SAMPLE_IMAGE);
        values.put("signatureImage", SAMPLE_IMAGE);
        values.keySet().retainAll(kind.placeholders().keySet());
        return values;
    }

    /** A one-pixel PNG, standing in for the QR code when a template is only checked. */
    private static final String SAMPLE_IMAGE = "data:image/png;base64,"
            + "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=";

    private Compiled compiledInForce(UUID organizationId, TemplateKind kind) {
        var latest = jdbc.sql("""
                        SELECT version, is_default FROM credential_template WHERE organization_id = ? AND kind = ?
                        ORDER BY version DESC LIMIT 1""")
                .params(organizationId, kind.name())
                .query((rs, row) -> rs.getBoolean("is_default") ? -1 : rs.getInt("version"))
                .optional()
                .orElse(-1);
        if (latest < 0) {
            return compiledDefaults.get(kind);
        }
        var key = new Key(organizationId, kind, latest);
        var hit = compiled.get(key);
        if (hit != null) {
            return hit;
        }
        // Older versions of this template are never used again (not inside computeIfAbsent: no map updates there).
        compiled.keySet()
                .removeIf(k -> k.organizationId().equals(organizationId) && k.kind() == kind && k.version() != latest);
        var text = jdbc.sql("""
                        SELECT subject, html_body, text_body FROM credential_template
                        WHERE organization_id = ? AND kind = ? AND version = ?""")
                .params(organizationId, kind.name(), latest)
                .query((rs, row) -> new TemplateText(
                        nonNull(rs.getString("subject")),
                        nonNull(rs.getString("html_body")),
                        nonNull(rs.getString("text_body"))))
                .single();
        var loaded = compile(kind, text);
        var earlier = compiled.putIfAbsent(key, loaded);
        return earlier == null ? loaded : earlier;
    }

    private static Compiled compile(TemplateKind kind, TemplateText text) {
        var htmlMarkup = kind.isEmail() ? Markup.FRAGMENT : Markup.DOCUMENT;
        return new Compiled(
                MustacheTemplates.compile(text.subject(), Markup.NONE),
                MustacheTemplates.compile(text.html(), htmlMarkup),
                MustacheTemplates.compile(text.text(), Markup.NONE));
    }

    /** Values without characters that XML cannot carry, so that user text cannot break the certificate. */
    private static Map<String, String> clean(Map<String, String> values) {
        var clean = new LinkedHashMap<String, String>();
        values.forEach((key, value) -> clean.put(key, value == null ? "" : xmlSafe(value)));
        return clean;
    }

    private static String xmlSafe(String text) {
        var out = new StringBuilder(text.length());
        text.codePoints().forEach(c -> {
            boolean allowed = c == 0x9
                    || c == 0xA
                    || c == 0xD
                    || (c >= 0x20 && c <= 0xD7FF)
                    || (c >= 0xE000 && c <= 0xFFFD)
                    || c >= 0x10000;
            out.appendCodePoint(allowed ? c : ' ');
        });
        return out.toString();
    }

    private static String nonNull(@Nullable String value) {
        return value == null ? "" : value;
    }

    private static String resource(TemplateKind kind, String suffix) {
        var path = "credentials/templates/" + kind.slug() + "." + suffix;
        try (var in = new ClassPathResource(path).getInputStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Missing built-in template " + path, e);
        }
    }
}
