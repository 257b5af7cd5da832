package org.credo.credentials.badges;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import jakarta.json.Json;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import org.credo.CredoTest;
import org.credo.Mailbox;
import org.credo.credentials.CredentialFixtures;
import org.credo.credentials.achievement.Achievements;
import org.credo.credentials.issuance.Issuance;
import org.credo.credentials.issuance.IssueRequest;
import org.credo.credentials.issuance.IssuedCredential;
import org.credo.credentials.signing.Cryptosuite;
import org.credo.notifications.outbox.OutboxSender;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.util.HtmlUtils;

@CredoTest
class OpenGraphTest {

    static final String NAME = "Priya Private";
    static final String IDENTIFIER = "SIS-SECRET-4242";

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

    @Test
    void theVerificationPagePreviewNamesTheAchievementAndIssuerButNotTheEarner() throws Exception {
        var email = earnerEmail();
        var credential = issue(email, null, null);
        var page = mvc.perform(get("/verify/" + credential.id()))
                .andReturn()
                .getResponse()
                .getContentAsString();
        var meta = meta(page);

        var url = "http://localhost:8080/verify/" + credential.id();
        assertThat(meta.get("og:title")).contains(credential.achievementName()).contains("Northfield");
        assertThat(meta.get("og:url")).isEqualTo(url);
        assertThat(meta.get("og:type")).isEqualTo("website");
        assertThat(meta.get("og:image")).isEqualTo(url + "/badge.png");
        assertThat(meta.get("og:description")).isNotBlank();
        assertThat(meta.get("twitter:card")).isEqualTo("summary");
        assertThat(meta.get("robots")).isEqualTo("noindex");
        assertThat(meta.values()).noneMatch(value -> value.contains("Priya"));
        assertNothingPrivate(page, email, credential);

        var image = mvc.perform(get("/verify/" + credential.id() + "/badge.png"))
                .andReturn()
                .getResponse();
        assertThat(image.getStatus()).isEqualTo(200);
        assertThat(image.getContentType()).isEqualTo("image/png");
        var png = image.getContentAsByteArray();
        assertThat(BakedCredentials.extract(png)).isEmpty();
        assertNothingPrivate(new String(png, StandardCharsets.ISO_8859_1), email, credential);
        assertThat(new String(png, StandardCharsets.ISO_8859_1)).doesNotContain("Priya");
        assertThat(mvc.perform(get("/verify/" + UUID.randomUUID() + "/badge.png"))
                        .andReturn()
                        .getResponse()
                        .getStatus())
                .isEqualTo(404);
    }

    @Test
    void theSharePagePreviewNamesTheEarnerWhoChoseToShareButNothingElsePrivate() throws Exception {
        var email = earnerEmail();
        var credential = issue(email, null, null);
        sender.sendDue();
        var link = Mailbox.link(Mailbox.awaitMessageTo(mail, email), "/wallet/claim/");
        var wallet =
                mvc.perform(post(link).with(csrf())).andReturn().getResponse().getCookie("CREDO_SESSION");
        assertThat(wallet).isNotNull();
        mvc.perform(post("/wallet/credentials/" + credential.id() + "/share")
                .param("enabled", "true")
                .with(csrf())
                .cookie(wallet));

        var page = mvc.perform(get("/share/" + credential.id()))
                .andReturn()
                .getResponse()
                .getContentAsString();
        var meta = meta(page);
        assertThat(meta.get("og:title")).isEqualTo(NAME + " earned " + credential.achievementName());
        assertThat(meta.get("og:url")).isEqualTo("http://localhost:8080/share/" + credential.id());
        assertThat(meta.get("og:image")).isEqualTo("http://localhost:8080/verify/" + credential.id() + "/badge.png");
        assertThat(meta.get("og:description")).contains("Issued by Northfield");
        assertThat(meta.get("twitter:card")).isEqualTo("summary");
        assertThat(meta).doesNotContainKey("robots");
        assertNothingPrivate(page, email, credential);
    }

    @Test
    void theBannerSaysTheVerdictInWordsWithARoleForAssistiveTechnology() throws Exception {
        var verified = issue(earnerEmail(), null, null);
        var page = mvc.perform(get("/verify/" + verified.id()))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(page).containsPattern("class=\"alert [^\"]*alert-success[^\"]*\"[^>]*role=\"status\"");
        assertThat(page).contains(">Verified</p>");

        var revoked = issue(earnerEmail(), null, null);
        issuance.revoke(revoked.organizationId(), revoked.id(), "Awarded in error");
        page = mvc.perform(get("/verify/" + revoked.id()))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(page).containsPattern("class=\"alert [^\"]*alert-danger[^\"]*\"[^>]*role=\"alert\"");
        assertThat(page).containsPattern(">Revoked on \\d{1,2} \\w+ \\d{4}: Awarded in error</p>");

        var suspended = issue(earnerEmail(), null, null);
        issuance.suspend(suspended.organizationId(), suspended.id(), "Under review");
        page = mvc.perform(get("/verify/" + suspended.id()))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(page).containsPattern("alert-warning[^\"]*\"[^>]*role=\"alert\"");
        assertThat(page).containsPattern(">Suspended on \\d{1,2} \\w+ \\d{4}: Under review</p>");

        var expired =
                issue(earnerEmail(), Instant.parse("2020-01-01T00:00:00Z"), Instant.parse("2021-01-01T00:00:00Z"));
        page = mvc.perform(get("/verify/" + expired.id()))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(page)
                .contains(">Expired</p>")
                .contains("validity period ended on 1 January 2021.")
                .containsPattern("role=\"alert\"");

        var tampered = Json.createObjectBuilder(
                        Json.createReader(new StringReader(verified.document())).readObject())
                .add("validFrom", "2019-01-01T00:00:00Z")
                .build()
                .toString();
        page = mvc.perform(post("/verify").with(csrf()).param("credential", tampered))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(page).contains(">Tampered</p>").containsPattern("alert-danger[^\"]*\"[^>]*role=\"alert\"");
    }

    private static void assertNothingPrivate(String text, String email, IssuedCredential credential) {
        assertThat(text).doesNotContain(email).doesNotContain(IDENTIFIER);
        var hash = Pattern.compile("\"identityHash\":\"(sha256\\$[0-9a-f]+)\"").matcher(credential.document());
        assertThat(hash.find()).isTrue();
        assertThat(text).doesNotContain(hash.group(1));
    }

    /** The page's meta tags by property or name. */
    private static Map<String, String> meta(String page) {
        var head = page.substring(0, page.indexOf("</head>"));
        var tags = new LinkedHashMap<String, String>();
        var matcher = Pattern.compile("<meta (?:property|name)=\"([^\"]+)\" content=\"([^\"]*)\"")
                .matcher(head);
        while (matcher.find()) {
            tags.put(matcher.group(1), HtmlUtils.htmlUnescape(matcher.group(2)));
        }
        return tags;
    }

    private IssuedCredential issue(String email, @Nullable Instant from, @Nullable Instant until) {
        var organization = CredentialFixtures.northfield(jdbc);
        var achievement = CredentialFixtures.publishedAchievement(achievements, organization);
        var request = new IssueRequest(
                achievement.id(),
                new IssueRequest.Recipient(NAME, email, IDENTIFIER, null),
                from,
                until,
                null,
                null,
                Cryptosuite.JCS);
        return issuance.issue(organization, request, "Open Graph test", null);
    }

    private static String earnerEmail() {
        return "og-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
    }
}
