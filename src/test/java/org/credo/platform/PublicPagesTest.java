package org.credo.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import org.credo.CredoTest;
import org.credo.WebSessions;
import org.credo.credentials.CredentialFixtures;
import org.credo.credentials.achievement.Achievements;
import org.credo.credentials.issuance.Issuance;
import org.credo.credentials.issuance.IssuedCredential;
import org.credo.credentials.issuance.IssuedCredentials;
import org.credo.credentials.signing.Cryptosuite;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The public pages as a crawler, a browser and a cache meet them (ADR 29): no session for an anonymous reader, an
 * entity tag and a max-age on every page, 304 when nothing changed, HEAD like GET without a body, and a new tag once a
 * credential is revoked. Real HTTP against the running server, so Tomcat's HEAD handling and the session filter are
 * the real ones.
 */
@CredoTest
class PublicPagesTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Issuance issuance;

    @Autowired
    Achievements achievements;

    @Autowired
    IssuedCredentials credentials;

    @Autowired
    MockMvc mvc;

    final HttpClient http =
            HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @Test
    void anonymousReadersGetCacheablePagesAndNoSession() throws Exception {
        var credential = sharedCredential();
        var pages = List.of(
                "/catalog",
                "/catalog?q=data&kind=PROGRAM",
                "/catalog/programs/CERT-DA",
                "/catalog/courses/DATA/101",
                "/verify",
                "/verify/" + credential.id(),
                "/verify/" + credential.id() + "/badge.png",
                "/share/" + credential.id());
        for (var page : pages) {
            var first = send("GET", page, null);
            assertThat(first.statusCode()).as(page).isEqualTo(200);
            assertThat(first.headers().allValues("Set-Cookie")).as(page).isEmpty();
            var etag = first.headers().firstValue("ETag").orElseThrow(() -> new AssertionError(page + ": no ETag"));
            assertThat(first.headers().firstValue("Cache-Control").orElse(""))
                    .as(page)
                    .contains("max-age=")
                    .contains("public")
                    .doesNotContain("no-store");
            assertThat(first.body()).as(page).isNotEmpty();

            var kept = send("GET", page, null);
            assertThat(kept.body()).as(page + ", sent again from the kept page").isEqualTo(first.body());
            assertThat(kept.headers().firstValue("ETag")).as(page).contains(etag);

            var again = send("GET", page, etag);
            assertThat(again.statusCode()).as(page).isEqualTo(304);
            assertThat(again.body()).as(page).isEmpty();
            assertThat(again.headers().allValues("Set-Cookie")).as(page).isEmpty();

            var head = send("HEAD", page, null);
            assertThat(head.statusCode()).as(page).isEqualTo(200);
            assertThat(head.body()).as(page).isEmpty();
            assertThat(head.headers().firstValue("ETag")).as(page).contains(etag);
            assertThat(head.headers().allValues("Set-Cookie")).as(page).isEmpty();
        }
    }

    @Test
    void revokingACredentialChangesItsVerificationPage() throws Exception {
        var credential = sharedCredential();
        var page = "/verify/" + credential.id();
        var before = send("GET", page, null);
        var etag = before.headers().firstValue("ETag").orElseThrow();
        assertThat(new String(before.body(), StandardCharsets.UTF_8)).contains("Verified");
        assertThat(send("GET", page, etag).statusCode()).isEqualTo(304);

        issuance.revoke(credential.organizationId(), credential.id(), "Issued in error");

        var after = send("GET", page, etag);
        assertThat(after.statusCode()).isEqualTo(200);
        assertThat(after.headers().firstValue("ETag")).isPresent().get().isNotEqualTo(etag);
        assertThat(new String(after.body(), StandardCharsets.UTF_8))
                .contains("Revoked")
                .contains("Issued in error");
        var share = send("GET", "/share/" + credential.id(), null);
        assertThat(new String(share.body(), StandardCharsets.UTF_8)).contains("Revoked");
    }

    @Test
    void theFormsOfThePublicPagesWorkWithoutASession() throws Exception {
        var credential = sharedCredential();
        var verified = post("/verify", "credential=" + encode(credential.document()));
        assertThat(verified.statusCode()).isEqualTo(200);
        assertThat(verified.headers().allValues("Set-Cookie")).isEmpty();
        assertThat(new String(verified.body(), StandardCharsets.UTF_8)).contains("Verified");

        var inquiry = post(
                "/catalog/programs/CERT-DA/inquiries",
                "kind=INFORMATION&name=Ada+Reader&email=ada.reader%40example.org&phone=&message=Hello&website=");
        assertThat(inquiry.statusCode()).isEqualTo(302);
        assertThat(inquiry.headers().firstValue("Location").orElse("")).contains("/inquiry-sent");
        assertThat(inquiry.headers().allValues("Set-Cookie")).isEmpty();
    }

    @Test
    void signedInReadersKeepTheirSessionAndGetPagesOfTheirOwn() throws Exception {
        var anonymous = send("GET", "/catalog", null);
        var session = WebSessions.signIn(mvc, Role.REGISTRAR);
        var signedIn = mvc.perform(get("/catalog").cookie(session)).andReturn().getResponse();
        assertThat(signedIn.getStatus()).isEqualTo(200);
        assertThat(signedIn.getHeader("Cache-Control")).contains("private").contains("max-age=");
        assertThat(signedIn.getHeader("ETag"))
                .isNotNull()
                .isNotEqualTo(anonymous.headers().firstValue("ETag").orElseThrow());
        assertThat(signedIn.getContentAsString()).contains("name=\"_csrf\"").contains("Sign out");
    }

    private IssuedCredential sharedCredential() {
        var organization = CredentialFixtures.northfield(jdbc);
        var achievement = CredentialFixtures.publishedAchievement(achievements, organization);
        var email = "public-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
        var credential = issuance.issue(
                organization, CredentialFixtures.request(achievement.id(), email, Cryptosuite.JCS), "Test", null);
        credentials.share(credential.id(), true);
        return credential;
    }

    private HttpResponse<byte[]> send(String method, String path, String ifNoneMatch) throws Exception {
        var request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .method(method, HttpRequest.BodyPublishers.noBody())
                .header("Accept", "text/html");
        if (ifNoneMatch != null) {
            request.header("If-None-Match", ifNoneMatch);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private HttpResponse<byte[]> post(String path, String form) throws Exception {
        var request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .POST(HttpRequest.BodyPublishers.ofString(form))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "text/html")
                .build();
        return http.send(request, HttpResponse.BodyHandlers.ofByteArray());
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
