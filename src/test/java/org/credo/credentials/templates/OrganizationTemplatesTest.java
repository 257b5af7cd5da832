package org.credo.credentials.templates;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;
import jakarta.servlet.http.Cookie;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.awaitility.Awaitility;
import org.credo.CredoTest;
import org.credo.Mailbox;
import org.credo.TaggedPdfs;
import org.credo.WebSessions;
import org.credo.credentials.CredentialFixtures;
import org.credo.credentials.achievement.Achievements;
import org.credo.credentials.issuance.Issuance;
import org.credo.credentials.issuance.IssueRequest;
import org.credo.credentials.issuance.IssuedCredential;
import org.credo.credentials.signing.Cryptosuite;
import org.credo.notifications.outbox.OutboxSender;
import org.credo.platform.Role;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

@CredoTest
class OrganizationTemplatesTest {

    static final String NAME = "Zoë <b>O'Brien</b> & \"Co\"";

    static final String EMAIL_HTML = """
            <div class="letter">
              <h1>Congratulations, {{recipientName}}!</h1>
              <p>{{issuerName}} awards you <em>{{achievementName}}</em>.</p>
              <p><a href="{{claimUrl}}">Claim it here</a>{{#validUntil}} (valid until {{validUntil}}){{/validUntil}}.</p>
              <p>[[${T(java.lang.Runtime).getRuntime()}]] stays text.</p>
            </div>
            """;

    static final String EMAIL_TEXT = """
            Dear {{recipientName}},
            claim {{achievementName}} at {{claimUrl}} within {{claimDays}} days.
            """;

    static final String CERTIFICATE = """
            <html>
            <head><style>body { font-family: serif; text-align: center; }</style></head>
            <body>
              <h1>Certificate of Excellence</h1>
              <p>presented to {{recipientName}}</p>
              <p>for {{achievementName}}, {{issuedOn}}</p>
              <img src="{{qrCode}}" alt="QR code" style="width: 30mm"/>
              <p>Check it at {{verificationUrl}}</p>
            </body>
            </html>
            """;

    @RegisterExtension
    static GreenMailExtension mail = Mailbox.server();

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Issuance issuance;

    @Autowired
    Achievements achievements;

    @Autowired
    OutboxSender sender;

    @Autowired
    OrganizationTemplates templates;

    @AfterEach
    void backToBuiltIn() {
        var organization = CredentialFixtures.northfield(jdbc);
        for (var kind : TemplateKind.values()) {
            if (!templates.current(organization, kind).builtIn()) {
                templates.reset(organization, kind);
            }
        }
    }

    @Test
    void theBuiltInTemplatesPassTheirOwnChecks() {
        for (var kind : TemplateKind.values()) {
            assertThat(templates.validate(kind, templates.builtIn(kind)))
                    .as(kind.name())
                    .isEmpty();
        }
    }

    @Test
    void aSavedClaimEmailTemplateWordsTheEmailWithEscapedValuesAndIsAudited() throws Exception {
        var registrar = WebSessions.signIn(mvc, Role.REGISTRAR);
        var saved = perform(
                post("/manage/templates/claim-email")
                        .with(csrf())
                        .param("subject", "Your {{achievementName}} from {{issuerName}}")
                        .param("html", EMAIL_HTML)
                        .param("text", EMAIL_TEXT),
                registrar);
        assertThat(saved.getRedirectedUrl()).isEqualTo("/manage/templates/claim-email");
        var page = perform(get("/manage/templates/claim-email"), registrar).getContentAsString();
        assertThat(page).contains("your version").contains("Congratulations, {{recipientName}}!");

        var email = earnerEmail();
        var credential = issue(email, NAME);
        sender.sendDue();
        var message = Mailbox.awaitMessageTo(mail, email);

        var organizationName = jdbc.sql("SELECT name FROM organization WHERE slug = 'northfield'")
                .query(String.class)
                .single();
        assertThat(message.getSubject())
                .isEqualTo("Your " + credential.achievementName() + " from " + organizationName);
        var html = part(message, "text/html");
        assertThat(html)
                .contains("Congratulations, Zoë &lt;b&gt;O&#39;Brien&lt;/b&gt; &amp; &quot;Co&quot;!")
                .doesNotContain("<b>O'Brien</b>")
                .contains("[[${T(java.lang.Runtime).getRuntime()}]] stays text.")
                .contains("/wallet/claim/");
        var text = part(message, "text/plain");
        assertThat(text).contains("Dear " + NAME + ",").containsPattern("within \\d+ days");
        assertThat(Mailbox.link(message, "/wallet/claim/")).startsWith("/wallet/claim/");

        var organization = CredentialFixtures.northfield(jdbc);
        Awaitility.await()
                .atMost(Duration.ofSeconds(10))
                .until(() -> jdbc.sql("SELECT count(*) FROM audit_entry WHERE organization_id = ?"
                                        + " AND action = 'credential-template.changed' AND subject_id = ?")
                                .params(organization, organization + "/CLAIM_EMAIL")
                                .query(Long.class)
                                .single()
                        > 0);
    }

    @Test
    void theLatestSavedVersionIsTheOneInForce() throws Exception {
        var organization = CredentialFixtures.northfield(jdbc);
        for (var greeting : List.of("First", "Second", "Third")) {
            assertThat(templates.save(
                            organization,
                            TemplateKind.CLAIM_EMAIL,
                            new TemplateText(
                                    greeting + " wording for {{recipientName}}",
                                    "<p><a href=\"{{claimUrl}}\">" + greeting + "</a></p>",
                                    greeting + " {{claimUrl}}")))
                    .isEmpty();
            var email = earnerEmail();
            issue(email, "Vic Version");
            sender.sendDue();
            assertThat(Mailbox.awaitMessageTo(mail, email).getSubject())
                    .isEqualTo(greeting + " wording for Vic Version");
        }
        assertThat(templates
                        .history(organization, TemplateKind.CLAIM_EMAIL)
                        .get(0)
                        .resetToDefault())
                .isFalse();
    }

    @Test
    void brokenTemplatesAreRefusedWithTheReasonAndWhatWasTypedStaysInTheForm() throws Exception {
        var registrar = WebSessions.signIn(mvc, Role.REGISTRAR);
        var organization = CredentialFixtures.northfield(jdbc);
        int versions = templates.history(organization, TemplateKind.CLAIM_EMAIL).size();

        record Case(String subject, String html, String text, String expected) {}
        var cases = List.of(
                new Case(
                        "Hi",
                        "<p>Hello {{recipientName}}\n<p><a href=\"{{claimUrl}}\">x</a></p>",
                        "{{claimUrl}}",
                        "Broken markup at line 2"),
                new Case(
                        "Hi",
                        "<p><a href=\"{{claimUrl}}\">{{recipientEmail}}</a></p>",
                        "{{claimUrl}}",
                        "unknown placeholder {{recipientEmail}}"),
                new Case(
                        "Hi",
                        "<p><a href=\"{{claimUrl}}\">x</a></p>",
                        "line one\n{{#validUntil}} until {{claimUrl}}",
                        "Template syntax"),
                new Case("Hi", "<p>No link here, {{recipientName}}</p>", "{{claimUrl}}", "It must use {{claimUrl}}"),
                new Case(
                        "Hi",
                        "<p><a href=\"{{claimUrl}}\">{{{recipientName}}}</a></p>",
                        "{{claimUrl}}",
                        "{{{ is not allowed"),
                new Case(
                        "Hi {{recipientName.class.classLoader}}",
                        "<p><a href=\"{{claimUrl}}\">x</a></p>",
                        "{{claimUrl}}",
                        "unknown placeholder {{recipientName.class.classLoader}}"),
                new Case("", "<p><a href=\"{{claimUrl}}\">x</a>&nbsp;</p>", "{{claimUrl}}", "&amp;#160;"));
        for (var c : cases) {
            var response = perform(
                    post("/manage/templates/claim-email")
                            .with(csrf())
                            .param("subject", c.subject())
                            .param("html", c.html())
                            .param("text", c.text()),
                    registrar);
            var body = response.getContentAsString();
            assertThat(response.getStatus()).as(c.expected()).isEqualTo(422);
            assertThat(body).as(c.expected()).contains("Nothing was saved").contains(c.expected());
            // What was typed is still in the form, escaped.
            assertThat(body)
                    .as(c.expected())
                    .contains(org.springframework.web.util.HtmlUtils.htmlEscape(c.html())
                            .replace("&#39;", "'"));
        }
        assertThat(templates.history(organization, TemplateKind.CLAIM_EMAIL)).hasSize(versions);
        assertThat(templates.current(organization, TemplateKind.CLAIM_EMAIL).builtIn())
                .isTrue();
        var problems = templates.validate(
                TemplateKind.CLAIM_EMAIL,
                new TemplateText("Hi", "<p>\n  <a href=\"{{claimUrl}}\">x</b>\n</p>", "{{claimUrl}}"));
        assertThat(problems).singleElement().satisfies(p -> {
            assertThat(p.field()).isEqualTo("html");
            assertThat(p.message()).contains("line 2, column");
        });
    }

    @Test
    void aSavedCertificateTemplateLaysOutThePdfAndBrokenXhtmlKeepsTheOldOne() throws Exception {
        var admin = WebSessions.signIn(mvc, Role.ADMINISTRATOR);
        var saved = perform(post("/manage/templates/certificate").with(csrf()).param("html", CERTIFICATE), admin);
        assertThat(saved.getRedirectedUrl()).isEqualTo("/manage/templates/certificate");

        var broken = perform(
                post("/manage/templates/certificate").with(csrf()).param("html", CERTIFICATE.replace("</h1>", "</h2>")),
                admin);
        assertThat(broken.getStatus()).isEqualTo(422);
        assertThat(broken.getContentAsString()).contains("Broken markup at line 4, column");
        var fetching = perform(
                post("/manage/templates/certificate")
                        .with(csrf())
                        .param("html", CERTIFICATE.replace("{{qrCode}}", "http://127.0.0.1:9/logo.png")),
                admin);
        assertThat(fetching.getStatus()).isEqualTo(422);
        assertThat(fetching.getContentAsString()).contains("never fetches files from the network");
        var noLink = perform(
                post("/manage/templates/certificate")
                        .with(csrf())
                        .param("html", CERTIFICATE.replace("{{verificationUrl}}", "our website")),
                admin);
        assertThat(noLink.getContentAsString()).contains("It must use {{verificationUrl}}");
        var noAltText = perform(
                post("/manage/templates/certificate")
                        .with(csrf())
                        .param("html", CERTIFICATE.replace(" alt=\"QR code\"", "")),
                admin);
        assertThat(noAltText.getStatus()).isEqualTo(422);
        assertThat(noAltText.getContentAsString()).contains("Every &lt;img&gt; needs an alt text");

        var email = earnerEmail();
        var credential = issue(email, NAME);
        var wallet = claim(email);
        var pdf = perform(get("/wallet/credentials/" + credential.id() + ".pdf"), wallet);
        assertThat(pdf.getContentType()).isEqualTo("application/pdf");
        try (var document = Loader.loadPDF(pdf.getContentAsByteArray())) {
            var text = new PDFTextStripper().getText(document);
            assertThat(text)
                    .contains("Certificate of Excellence")
                    .contains("presented to " + NAME)
                    .contains("Check it at http://localhost:8080/verify/" + credential.id())
                    .doesNotContain("certifies that");
        }

        var reset = perform(post("/manage/templates/certificate/reset").with(csrf()), admin);
        assertThat(reset.getRedirectedUrl()).isEqualTo("/manage/templates/certificate");
        try (var document = Loader.loadPDF(perform(get("/wallet/credentials/" + credential.id() + ".pdf"), wallet)
                .getContentAsByteArray())) {
            assertThat(new PDFTextStripper().getText(document)).contains("certifies that");
        }
        var history = templates.history(CredentialFixtures.northfield(jdbc), TemplateKind.CERTIFICATE);
        assertThat(history.get(0).resetToDefault()).isTrue();
        assertThat(history.get(1).resetToDefault()).isFalse();
    }

    @Test
    void previewsRenderWhatWasTypedWithSampleDataWithoutSavingIt() throws Exception {
        var registrar = WebSessions.signIn(mvc, Role.REGISTRAR);
        var organization = CredentialFixtures.northfield(jdbc);
        var email = perform(
                post("/manage/templates/claim-email/preview")
                        .with(csrf())
                        .param("subject", "Preview for {{recipientName}}")
                        .param("html", EMAIL_HTML)
                        .param("text", EMAIL_TEXT),
                registrar);
        assertThat(email.getStatus()).isEqualTo(200);
        assertThat(email.getContentAsString())
                .contains("Preview for Alex Sample")
                .contains("sandbox=\"\"")
                .contains("Dear Alex Sample,");
        var certificate = perform(
                post("/manage/templates/certificate/preview").with(csrf()).param("html", CERTIFICATE), registrar);
        assertThat(certificate.getContentType()).isEqualTo("application/pdf");
        try (var document = Loader.loadPDF(certificate.getContentAsByteArray())) {
            assertThat(new PDFTextStripper().getText(document)).contains("presented to Alex Sample");
            // The template names no title, language or font of its own: the renderer supplies them.
            TaggedPdfs.assertTagged(document, "Sample Achievement in Data Analysis: certificate of Alex Sample", "en");
            assertThat(TaggedPdfs.figureAltTexts(document)).containsExactly("QR code");
        }
        assertThat(templates.current(organization, TemplateKind.CLAIM_EMAIL).builtIn())
                .isTrue();
        assertThat(templates.current(organization, TemplateKind.CERTIFICATE).builtIn())
                .isTrue();
    }

    @Test
    void onlyRegistrarsAndAdministratorsReachTheTemplates() throws Exception {
        var learner = WebSessions.signIn(mvc, Role.LEARNER);
        assertThat(perform(get("/manage/templates"), learner).getStatus()).isEqualTo(403);
        var author = WebSessions.signIn(mvc, Role.CURRICULUM_AUTHOR);
        assertThat(perform(
                                post("/manage/templates/claim-email")
                                        .with(csrf())
                                        .param("subject", "x")
                                        .param("html", "<p>{{claimUrl}}</p>")
                                        .param("text", "{{claimUrl}}"),
                                author)
                        .getStatus())
                .isEqualTo(403);
        var registrar = WebSessions.signIn(mvc, Role.REGISTRAR);
        var list = perform(get("/manage/templates"), registrar);
        assertThat(list.getStatus()).isEqualTo(200);
        assertThat(list.getContentAsString()).contains("Claim email").contains("PDF certificate");
        assertThat(perform(get("/manage/templates/no-such-template"), registrar).getStatus())
                .isEqualTo(404);
    }

    private IssuedCredential issue(String email, String name) {
        var organization = CredentialFixtures.northfield(jdbc);
        var achievement = CredentialFixtures.publishedAchievement(achievements, organization);
        var request = new IssueRequest(
                achievement.id(),
                new IssueRequest.Recipient(name, email, null, null),
                null,
                null,
                null,
                null,
                Cryptosuite.JCS);
        return issuance.issue(organization, request, "Template test", null);
    }

    private Cookie claim(String email) throws Exception {
        sender.sendDue();
        var link = Mailbox.link(Mailbox.awaitMessageTo(mail, email), "/wallet/claim/");
        var cookie = perform(post(link).with(csrf()), null).getCookie("CREDO_SESSION");
        assertThat(cookie).isNotNull();
        return cookie;
    }

    private static String part(MimeMessage message, String type) throws Exception {
        var found = new ArrayList<String>();
        collect(message.getContent(), message.getContentType(), type, found);
        assertThat(found).as(type).isNotEmpty();
        return found.get(0);
    }

    private static void collect(Object content, String contentType, String type, List<String> found) throws Exception {
        if (content instanceof Multipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                var part = multipart.getBodyPart(i);
                collect(part.getContent(), part.getContentType(), type, found);
            }
        } else if (contentType.toLowerCase().startsWith(type) && content instanceof String text) {
            found.add(text);
        }
    }

    private MockHttpServletResponse perform(MockHttpServletRequestBuilder request, @Nullable Cookie session)
            throws Exception {
        if (session != null) {
            request.cookie(session);
        }
        return mvc.perform(request).andReturn().getResponse();
    }

    private static String earnerEmail() {
        return "templated-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
    }
}
