package org.credo.credentials.wallet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import jakarta.servlet.http.Cookie;
import java.time.Instant;
import java.util.UUID;
import org.credo.CredoTest;
import org.credo.Mailbox;
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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** Earners keep access to their wallet: sign-in links, passwords, more addresses, and the public profile. */
@CredoTest
class EarnerAccountsTest {

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
    org.credo.platform.tokens.ApiTokenService tokens;

    @Autowired
    org.credo.platform.people.Accounts people;

    @Test
    void aSignInLinkOpensTheWalletOnceAndAnUnknownAddressGetsTheSameAnswer() throws Exception {
        var email = earnerEmail();
        var credential = issue(northfield(), email, "Lena Link");
        var unknown = earnerEmail();

        var known = perform(post("/wallet/sign-in/link").param("email", email).with(csrf()), null);
        var stranger =
                perform(post("/wallet/sign-in/link").param("email", unknown).with(csrf()), null);
        assertThat(known.getStatus()).isEqualTo(stranger.getStatus()).isEqualTo(200);
        assertThat(main(known).replace(email, "ADDRESS"))
                .isEqualTo(main(stranger).replace(unknown, "ADDRESS"));
        assertThat(outboxTo(unknown)).isZero();

        var link = signInLink(email);
        assertThat(perform(get(link), null).getContentAsString()).contains("Open my wallet");
        var wallet = useLink(link);
        assertThat(perform(get("/wallet"), wallet).getContentAsString())
                .contains(credential.achievementName())
                .contains("Northfield College");

        var again = perform(post(link).with(csrf()), null);
        assertThat(again.getStatus()).isEqualTo(410);
        assertThat(again.getContentAsString()).contains("already used");
    }

    @Test
    void anExpiredSignInLinkIsRefusedWithAClearMessage() throws Exception {
        var email = earnerEmail();
        issue(northfield(), email, "Ezra Expired");
        perform(post("/wallet/sign-in/link").param("email", email).with(csrf()), null);
        var link = signInLink(email);
        jdbc.sql("UPDATE earner_link SET expires_at = ? WHERE email = ?")
                .params(java.sql.Timestamp.from(Instant.now().minusSeconds(1)), email)
                .update();

        var page = perform(get(link), null);
        assertThat(page.getStatus()).isEqualTo(410);
        assertThat(page.getContentAsString()).contains("This link has expired");
        var posted = perform(post(link).with(csrf()), null);
        assertThat(posted.getStatus()).isEqualTo(410);
        assertThat(posted.getRedirectedUrl()).isNull();
        assertThat(perform(get("/wallet/sign-in/not-a-token"), null).getStatus())
                .isEqualTo(404);
    }

    @Test
    void signInLinksAreThrottledPerAddress() throws Exception {
        var email = earnerEmail();
        issue(northfield(), email, "Theo Throttled");
        for (int i = 0; i < 5; i++) {
            assertThat(perform(
                                    post("/wallet/sign-in/link")
                                            .param("email", email)
                                            .with(csrf()),
                                    null)
                            .getStatus())
                    .isEqualTo(200);
        }
        assertThat(outboxTo(email)).isEqualTo(1 + EarnerLinks.MAX_RECENT); // the claim email and three links
    }

    @Test
    void anEarnerAddsAnAddressAndSeesCredentialsOfTwoOrganizations() throws Exception {
        var first = earnerEmail();
        var second = earnerEmail();
        var fromNorthfield = issue(northfield(), first, "Olga Two-Orgs");
        var fromHarbor = issue(harbor(), second, "Olga Two-Orgs");
        var wallet = claim(first);
        assertThat(perform(get("/wallet"), wallet).getContentAsString())
                .doesNotContain(fromHarbor.achievementName() + "-" + fromHarbor.id());

        var added =
                perform(post("/wallet/account/emails").param("email", second).with(csrf()), wallet);
        assertThat(added.getRedirectedUrl()).isEqualTo("/wallet/account");
        sender.sendDue();
        var link = Mailbox.link(Mailbox.awaitMessageTo(mail, second), "/wallet/account/emails/verify/");
        assertThat(perform(get(link), null).getContentAsString()).contains(second);
        var verified = perform(post(link).with(csrf()), wallet);
        assertThat(verified.getRedirectedUrl()).isEqualTo("/wallet");

        var page = perform(get("/wallet"), wallet).getContentAsString();
        assertThat(page)
                .contains("/wallet/credentials/" + fromNorthfield.id())
                .contains("/wallet/credentials/" + fromHarbor.id())
                .contains("Northfield College")
                .contains("Harbor Coding Bootcamp");
        assertThat(perform(get("/wallet/credentials/" + fromHarbor.id()), wallet)
                        .getStatus())
                .isEqualTo(200);
        var harborOnly = perform(get("/wallet").param("organization", harbor().toString()), wallet)
                .getContentAsString();
        assertThat(harborOnly)
                .contains("/wallet/credentials/" + fromHarbor.id())
                .doesNotContain("/wallet/credentials/" + fromNorthfield.id());
        assertThat(perform(post(link).with(csrf()), wallet).getStatus()).isEqualTo(410);
    }

    @Test
    void anAddressVerifiedByAnotherPersonIsRefusedAndNothingChanges() throws Exception {
        var mine = earnerEmail();
        var theirs = earnerEmail();
        issue(northfield(), mine, "Mo Mine");
        var theirCredential = issue(northfield(), theirs, "Tia Theirs");
        var wallet = claim(mine);
        claim(theirs);

        var refused =
                perform(post("/wallet/account/emails").param("email", theirs).with(csrf()), wallet);
        assertThat(refused.getStatus()).isEqualTo(400);
        assertThat(refused.getContentAsString())
                .contains("Another person already verified this address")
                .contains("aria-invalid=\"true\"")
                .contains("value=\"" + theirs + "\"");
        assertThat(outboxTo(theirs)).isEqualTo(1); // only the claim email
        assertThat(perform(get("/wallet"), wallet).getContentAsString())
                .doesNotContain(theirCredential.id().toString());

        // Two people ask for the same new address; the first to confirm keeps it, the second link changes nothing.
        var contested = earnerEmail();
        var other = claim(theirs);
        perform(post("/wallet/account/emails").param("email", contested).with(csrf()), wallet);
        perform(post("/wallet/account/emails").param("email", contested).with(csrf()), other);
        sender.sendDue();
        Mailbox.awaitMessageTo(mail, contested);
        var links = java.util.Arrays.stream(mail.getReceivedMessages())
                .filter(m -> subject(m).startsWith("Confirm your email address"))
                .map(m -> Mailbox.link(m, "/wallet/account/emails/verify/"))
                .distinct()
                .toList();
        assertThat(links).hasSize(2);
        var firstWins = perform(post(links.get(0)).with(csrf()), null);
        assertThat(firstWins.getRedirectedUrl()).isNotNull();
        var second = perform(post(links.get(1)).with(csrf()), null);
        assertThat(second.getStatus()).isEqualTo(409);
        assertThat(second.getContentAsString()).contains("Another person verified");
        assertThat(jdbc.sql("SELECT count(*) FROM earner_email WHERE email = ?")
                        .param(contested)
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
    }

    @Test
    void aPasswordSignsInAndAWrongOneDoesNot() throws Exception {
        var email = earnerEmail();
        issue(northfield(), email, "Pia Password");
        var wallet = claim(email);
        var tooShort = perform(
                post("/wallet/account/password").param("password", "short").with(csrf()), wallet);
        assertThat(tooShort.getStatus()).isEqualTo(400);
        assertThat(tooShort.getContentAsString()).contains("12 to 200 characters");
        assertThat(perform(
                                post("/wallet/account/password")
                                        .param("password", "a long enough password")
                                        .with(csrf()),
                                wallet)
                        .getRedirectedUrl())
                .isEqualTo("/wallet/account");

        var wrong = perform(
                post("/wallet/sign-in/password")
                        .param("email", email)
                        .param("password", "not the password")
                        .with(csrf()),
                null);
        assertThat(wrong.getStatus()).isEqualTo(400);
        assertThat(wrong.getContentAsString()).contains("do not match").contains("value=\"" + email + "\"");
        var unknown = perform(
                post("/wallet/sign-in/password")
                        .param("email", earnerEmail())
                        .param("password", "not the password")
                        .with(csrf()),
                null);
        assertThat(unknown.getStatus()).isEqualTo(400);

        var right = perform(
                post("/wallet/sign-in/password")
                        .param("email", email.toUpperCase())
                        .param("password", "a long enough password")
                        .with(csrf()),
                null);
        assertThat(right.getRedirectedUrl()).isEqualTo("/wallet");
        assertThat(perform(get("/wallet"), right.getCookie("CREDO_SESSION")).getContentAsString())
                .contains("Pia Password");
    }

    @Test
    void thePublicProfileShowsOnlyChosenCredentialsAndIsNotFoundWhenOff() throws Exception {
        var email = earnerEmail();
        var shown = issue(northfield(), email, "Pat Profile");
        var hidden = issue(northfield(), email, "Pat Profile");
        var revoked = issue(northfield(), email, "Pat Profile");
        var revokedFirst = issue(northfield(), email, "Pat Profile");
        var wallet = claim(email);
        var handle = "pat-" + UUID.randomUUID().toString().substring(0, 8);

        assertThat(perform(get("/p/" + handle), null).getStatus()).isEqualTo(404);
        var bad = perform(
                post("/wallet/account/profile")
                        .param("handle", "-X")
                        .param("enabled", "true")
                        .with(csrf()),
                wallet);
        assertThat(bad.getStatus()).isEqualTo(400);
        assertThat(bad.getContentAsString()).contains("3 to 40 letters");

        perform(
                post("/wallet/account/profile")
                        .param("handle", handle)
                        .param("enabled", "true")
                        .with(csrf()),
                wallet);
        perform(
                post("/wallet/credentials/" + shown.id() + "/profile")
                        .param("shown", "true")
                        .with(csrf()),
                wallet);
        perform(
                post("/wallet/credentials/" + revoked.id() + "/profile")
                        .param("shown", "true")
                        .with(csrf()),
                wallet);
        issuance.revoke(northfield(), revoked.id(), "Issued in error");
        issuance.revoke(northfield(), revokedFirst.id(), "Issued in error");
        perform(
                post("/wallet/credentials/" + revokedFirst.id() + "/profile")
                        .param("shown", "true")
                        .with(csrf()),
                wallet);
        assertThat(jdbc.sql("SELECT count(*) FROM earner_profile_credential WHERE credential_id = ?")
                        .param(revokedFirst.id())
                        .query(Long.class)
                        .single())
                .isZero();

        var page = perform(get("/p/" + handle), null);
        assertThat(page.getStatus()).isEqualTo(200);
        assertThat(page.getContentAsString())
                .contains("Pat Profile")
                .contains("/verify/" + shown.id())
                .doesNotContain(hidden.id().toString())
                .doesNotContain(revoked.id().toString())
                .doesNotContain(revokedFirst.id().toString())
                .doesNotContain(email);
        var json = perform(get("/api/v1/profiles/" + handle), null);
        assertThat(json.getStatus()).isEqualTo(200);
        assertThat(json.getContentAsString())
                .contains("\"name\":\"Pat Profile\"")
                .contains(shown.id().toString())
                .doesNotContain(hidden.id().toString())
                .doesNotContain(revoked.id().toString())
                .doesNotContain(revokedFirst.id().toString())
                .doesNotContain(email);

        perform(post("/wallet/account/profile").param("handle", handle).with(csrf()), wallet);
        assertThat(perform(get("/p/" + handle), null).getStatus()).isEqualTo(404);
        var gone = perform(get("/api/v1/profiles/" + handle), null);
        assertThat(gone.getStatus()).isEqualTo(404);
        assertThat(gone.getContentType()).startsWith("application/problem+json");

        var someoneElse = claim(issueAndReturnEmail("Sol Other"));
        var taken = perform(
                post("/wallet/account/profile")
                        .param("handle", handle)
                        .param("enabled", "true")
                        .with(csrf()),
                someoneElse);
        assertThat(taken.getStatus()).isEqualTo(400);
        assertThat(taken.getContentAsString()).contains("Someone else uses this name");
    }

    @Test
    void theCredentialPageOffersTheShareBar() throws Exception {
        var email = earnerEmail();
        var credential = issue(northfield(), email, "Sia Share");
        var wallet = claim(email);
        var page =
                perform(get("/wallet/credentials/" + credential.id()), wallet).getContentAsString();
        var verify = java.net.URLEncoder.encode(
                "http://localhost:8080/verify/" + credential.id(), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(page)
                .contains("https://www.linkedin.com/sharing/share-offsite/?url=" + verify)
                .contains("https://www.linkedin.com/profile/add?startTask=CERTIFICATION_NAME")
                .contains("certId=" + credential.id())
                .contains("https://twitter.com/intent/tweet?text=")
                .contains("https://www.facebook.com/sharer/sharer.php?u=" + verify)
                .contains("mailto:?subject=")
                .contains("id=\"copy-link\"")
                .contains("&lt;img src=&quot;http://localhost:8080/verify/" + credential.id() + "/badge.png");
    }

    @Test
    void theDemoLearnerSeesCredentialsOfTwoOrganizationsAfterSigningIn() throws Exception {
        var session = WebSessions.signIn(mvc, Role.LEARNER);
        var home = perform(get("/"), session).getContentAsString();
        assertThat(home).contains("href=\"/wallet\"").contains("My credentials");
        var wallet = perform(get("/wallet"), session);
        assertThat(wallet.getStatus()).isEqualTo(200);
        assertThat(wallet.getContentAsString())
                .contains("learner@northfield.test")
                .contains("Northfield College")
                .contains("Harbor Coding Bootcamp")
                .contains("Certificate in Data Analysis")
                .contains("Full-Stack Web Developer");
    }

    /** The page's main content, without the per-session CSRF token of the head. */
    private static String main(MockHttpServletResponse response) throws Exception {
        var page = response.getContentAsString();
        return page.substring(page.indexOf("<main"), page.indexOf("</main>"));
    }

    private static String subject(jakarta.mail.internet.MimeMessage message) {
        try {
            return message.getSubject();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void theDemoLearnerReadsTheWalletWithAnApiToken() throws Exception {
        var token = tokens.create(
                        people.loadUserByUsername(org.credo.platform.demo.DemoData.email(Role.LEARNER)),
                        new org.credo.platform.tokens.ApiTokenRequest("wallet test", null, 1))
                .token();
        var all = perform(get("/api/v1/wallet/credentials").header("Authorization", "Bearer " + token), null);
        assertThat(all.getStatus()).isEqualTo(200);
        assertThat(all.getContentAsString())
                .contains("\"items\"")
                .contains("\"totalItems\"")
                .contains("Northfield College")
                .contains("Harbor Coding Bootcamp");
        var harborOnly = perform(
                get("/api/v1/wallet/credentials")
                        .param("organizationId", harbor().toString())
                        .header("Authorization", "Bearer " + token),
                null);
        assertThat(harborOnly.getContentAsString())
                .contains("Harbor Coding Bootcamp")
                .doesNotContain("Northfield College");
        var badSize = perform(
                get("/api/v1/wallet/credentials").param("size", "0").header("Authorization", "Bearer " + token), null);
        assertThat(badSize.getStatus()).isEqualTo(400);
        assertThat(badSize.getContentType()).startsWith("application/problem+json");
        assertThat(perform(get("/api/v1/wallet/credentials"), null).getStatus()).isEqualTo(401);
    }

    private String issueAndReturnEmail(String name) {
        var email = earnerEmail();
        issue(northfield(), email, name);
        return email;
    }

    private UUID northfield() {
        return CredentialFixtures.northfield(jdbc);
    }

    private UUID harbor() {
        return jdbc.sql("SELECT id FROM organization WHERE slug = 'harbor'")
                .query(UUID.class)
                .single();
    }

    private IssuedCredential issue(UUID organization, String email, String name) {
        var achievement = CredentialFixtures.publishedAchievement(achievements, organization);
        var request = CredentialFixtures.request(achievement.id(), email, Cryptosuite.JCS);
        return issuance.issue(
                organization,
                new IssueRequest(
                        request.achievementId(),
                        new IssueRequest.Recipient(name, email, null, null),
                        null,
                        null,
                        request.evidence(),
                        request.results(),
                        request.cryptosuite()),
                "Earner test",
                null);
    }

    private long outboxTo(String email) {
        return jdbc.sql("SELECT count(*) FROM email_outbox WHERE recipient = ?")
                .param(email)
                .query(Long.class)
                .single();
    }

    private String signInLink(String email) {
        sender.sendDue();
        return Mailbox.link(Mailbox.awaitMessageTo(mail, email), "/wallet/sign-in/");
    }

    private Cookie useLink(String link) throws Exception {
        var response = perform(post(link).with(csrf()), null);
        assertThat(response.getRedirectedUrl()).isEqualTo("/wallet");
        return response.getCookie("CREDO_SESSION");
    }

    /** Opens a wallet with the claim link emailed at issuance. */
    private Cookie claim(String email) throws Exception {
        sender.sendDue();
        var link = Mailbox.link(Mailbox.awaitMessageTo(mail, email), "/wallet/claim/");
        var response = perform(post(link).with(csrf()), null);
        if (response.getRedirectedUrl() == null) {
            // The claim link was used by an earlier call: sign in with an emailed link instead.
            perform(post("/wallet/sign-in/link").param("email", email).with(csrf()), null);
            return useLink(signInLink(email));
        }
        assertThat(response.getRedirectedUrl()).isEqualTo("/wallet");
        return response.getCookie("CREDO_SESSION");
    }

    private MockHttpServletResponse perform(MockHttpServletRequestBuilder request, @Nullable Cookie session)
            throws Exception {
        if (session != null) {
            request.cookie(session);
        }
        return mvc.perform(request).andReturn().getResponse();
    }

    private static String earnerEmail() {
        return "earner-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
    }
}
