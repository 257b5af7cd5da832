package org.credo.credentials.wallet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.MultiFormatReader;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import jakarta.servlet.http.Cookie;
import java.util.UUID;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.credo.CredoTest;
import org.credo.Mailbox;
import org.credo.TaggedPdfs;
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
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

@CredoTest
class WalletTest {

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
    void theClaimEmailSignsTheEarnerInOnceAndTheWalletListsTheCredential() throws Exception {
        var email = earnerEmail();
        var credential = issue(email, "Leo Learner");
        var link = claimLink(email);

        var page = perform(get(link), null);
        assertThat(page.getStatus()).isEqualTo(200);
        assertThat(page.getContentAsString()).contains("Open my wallet");

        var wallet = claim(link);
        var list = perform(get("/wallet"), wallet).getContentAsString();
        assertThat(list).contains(credential.achievementName()).contains(email);

        var again = perform(post(link).with(csrf()), null);
        assertThat(again.getStatus()).isEqualTo(410);
        assertThat(again.getContentAsString()).contains("already used");
        assertThat(
                        again.getCookie("CREDO_SESSION") == null
                                ? "signed out"
                                : perform(get("/wallet"), again.getCookie("CREDO_SESSION"))
                                        .getContentAsString())
                .doesNotContain(credential.achievementName());
    }

    @Test
    void anExpiredLinkIsRefusedAndChangesNothing() throws Exception {
        var email = earnerEmail();
        var credential = issue(email, "Eve Expired");
        var link = claimLink(email);
        jdbc.sql("UPDATE credential_claim SET expires_at = ? WHERE credential_id = ?")
                .params(java.sql.Timestamp.from(java.time.Instant.now().minusSeconds(60)), credential.id())
                .update();

        var page = perform(get(link), null);
        assertThat(page.getStatus()).isEqualTo(410);
        assertThat(page.getContentAsString()).contains("expired");
        var posted = perform(post(link).with(csrf()), null);
        assertThat(posted.getStatus()).isEqualTo(410);
        assertThat(jdbc.sql("SELECT count(*) FROM credential_claim WHERE credential_id = ? AND used_at IS NOT NULL")
                        .param(credential.id())
                        .query(Long.class)
                        .single())
                .isZero();
        assertThat(perform(get("/wallet/claim/not-a-token"), null).getStatus()).isEqualTo(404);
    }

    @Test
    void anotherEarnersCredentialIsNotFound() throws Exception {
        var mine = earnerEmail();
        issue(mine, "Mia Mine");
        var theirs = issue(earnerEmail(), "Theo Theirs");
        var wallet = claim(claimLink(mine));

        for (var path : new String[] {"", ".pdf", ".json"}) {
            var response = perform(get("/wallet/credentials/" + theirs.id() + path), wallet);
            assertThat(response.getStatus()).as(path).isEqualTo(404);
            assertThat(response.getContentAsString()).doesNotContain("Theo Theirs");
        }
        assertThat(perform(get("/wallet/credentials/" + theirs.id()), null).getStatus())
                .isEqualTo(404);
    }

    @Test
    void theCertificatePrintsTheRecipientAndVerificationUrlAndItsQrCodeDecodesToIt() throws Exception {
        var email = earnerEmail();
        var credential = issue(email, "Zoë <b>O'Brien</b> & Co");
        var wallet = claim(claimLink(email));

        var page =
                perform(get("/wallet/credentials/" + credential.id()), wallet).getContentAsString();
        assertThat(page)
                .contains("Zoë &lt;b&gt;O&#39;Brien&lt;/b&gt; &amp; Co")
                .contains("https://www.linkedin.com/profile/add?startTask=CERTIFICATION_NAME")
                .contains("certId=" + credential.id());

        var pdf = perform(get("/wallet/credentials/" + credential.id() + ".pdf"), wallet);
        assertThat(pdf.getContentType()).isEqualTo("application/pdf");
        var verifyUrl = "http://localhost:8080/verify/" + credential.id();
        try (var document = Loader.loadPDF(pdf.getContentAsByteArray())) {
            var text = new PDFTextStripper().getText(document);
            assertThat(text).contains("Zoë <b>O'Brien</b> & Co").contains(verifyUrl);
            TaggedPdfs.assertTagged(
                    document, credential.achievementName() + ": certificate of Zoë <b>O'Brien</b> & Co", "en");
            assertThat(TaggedPdfs.figureAltTexts(document)).contains("QR code that opens " + verifyUrl);
            var image = new PDFRenderer(document).renderImageWithDPI(0, 200);
            var decoded = new MultiFormatReader()
                    .decode(new BinaryBitmap(new HybridBinarizer(new BufferedImageLuminanceSource(image))));
            assertThat(decoded.getText()).isEqualTo(verifyUrl);
        }

        var json = perform(get("/wallet/credentials/" + credential.id() + ".json"), wallet);
        assertThat(json.getContentAsString())
                .contains("\"proof\"")
                .contains(credential.id().toString());
    }

    @Test
    void theSharePageShowsNothingUntilTheEarnerTurnsItOn() throws Exception {
        var email = earnerEmail();
        var credential = issue(email, "Sam Sharer");
        var wallet = claim(claimLink(email));
        var share = "/share/" + credential.id();

        assertThat(perform(get(share), null).getStatus()).isEqualTo(404);
        perform(
                post("/wallet/credentials/" + credential.id() + "/share")
                        .param("enabled", "true")
                        .with(csrf()),
                wallet);
        var on = perform(get(share), null);
        assertThat(on.getStatus()).isEqualTo(200);
        assertThat(on.getContentAsString()).contains("Sam Sharer").doesNotContain(email);
        perform(
                post("/wallet/credentials/" + credential.id() + "/share")
                        .param("enabled", "false")
                        .with(csrf()),
                wallet);
        assertThat(perform(get(share), null).getStatus()).isEqualTo(404);
    }

    private IssuedCredential issue(String email, String name) {
        var organization = CredentialFixtures.northfield(jdbc);
        var achievement = CredentialFixtures.publishedAchievement(achievements, organization);
        var request = CredentialFixtures.request(achievement.id(), email, Cryptosuite.JCS);
        var named = new IssueRequest(
                request.achievementId(),
                new IssueRequest.Recipient(name, email, null, null),
                null,
                null,
                request.evidence(),
                request.results(),
                request.cryptosuite());
        return issuance.issue(organization, named, "Wallet test", null);
    }

    private String claimLink(String email) {
        sender.sendDue();
        return Mailbox.link(Mailbox.awaitMessageTo(mail, email), "/wallet/claim/");
    }

    /** Opens the wallet with a claim link and returns the wallet's session cookie. */
    private Cookie claim(String link) throws Exception {
        var response = perform(post(link).with(csrf()), null);
        assertThat(response.getRedirectedUrl()).isEqualTo("/wallet");
        var cookie = response.getCookie("CREDO_SESSION");
        assertThat(cookie).isNotNull();
        return cookie;
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
