package org.credo.credentials.badges;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import jakarta.servlet.http.Cookie;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import javax.imageio.ImageIO;
import javax.imageio.metadata.IIOMetadataNode;
import javax.xml.parsers.DocumentBuilderFactory;
import org.credo.CredoTest;
import org.credo.Mailbox;
import org.credo.WebSessions;
import org.credo.credentials.CredentialFixtures;
import org.credo.credentials.achievement.AchievementDraft;
import org.credo.credentials.achievement.AchievementType;
import org.credo.credentials.achievement.Achievements;
import org.credo.credentials.issuance.Issuance;
import org.credo.credentials.issuance.IssueRequest;
import org.credo.credentials.issuance.IssuedCredential;
import org.credo.credentials.signing.Cryptosuite;
import org.credo.credentials.verification.CredentialVerifier;
import org.credo.credentials.verification.VerificationReport.Verdict;
import org.credo.notifications.outbox.OutboxSender;
import org.credo.platform.Role;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.w3c.dom.Element;

@CredoTest
class BakedBadgeTest {

    /** User text that must neither break the SVG's XML nor end its CDATA section early. */
    static final String HOSTILE_ACHIEVEMENT = "Bake & <script>alert(1)</script> \"]]>\" Badge";

    static final String HOSTILE_RECIPIENT = "Zoë ]]><x/> O'Brien";

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
    CredentialVerifier verifier;

    @Test
    void theBakedSvgCarriesTheSignedCredentialInCdataAndItVerifies() throws Exception {
        var email = earnerEmail();
        var credential = issue(email, HOSTILE_RECIPIENT, HOSTILE_ACHIEVEMENT, Cryptosuite.RDFC);
        var wallet = claim(email);

        var page =
                perform(get("/wallet/credentials/" + credential.id()), wallet).getContentAsString();
        assertThat(page).contains("Download badge (SVG)").contains("Download badge (PNG)");

        var response = perform(get("/wallet/credentials/" + credential.id() + ".svg"), wallet);
        assertThat(response.getStatus()).isEqualTo(200);
        assertThat(response.getContentType()).startsWith("image/svg+xml");
        assertThat(response.getHeader("Content-Disposition"))
                .contains("attachment")
                .contains(".svg");
        var svg = response.getContentAsByteArray();
        assertThat(credential.document()).contains("]]>");

        var factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        var document = factory.newDocumentBuilder().parse(new ByteArrayInputStream(svg));
        var root = document.getDocumentElement();
        assertThat(root.getLocalName()).isEqualTo("svg");
        assertThat(root.getAttribute("xmlns:openbadges")).isEqualTo("https://purl.imsglobal.org/ob/v3p0");
        var elements = document.getElementsByTagNameNS("https://purl.imsglobal.org/ob/v3p0", "credential");
        assertThat(elements.getLength()).isEqualTo(1);
        var element = (Element) elements.item(0);
        assertThat(element.getParentNode()).isSameAs(root);
        assertThat(firstElementChild(root)).isSameAs(element);
        assertThat(element.hasAttribute("verify")).isFalse();
        assertThat(element.getTextContent()).isEqualTo(credential.document());
        assertThat(verifier.verify(element.getTextContent()).verdict()).isEqualTo(Verdict.VERIFIED);

        // The user's text is escaped in the picture: no element came from it.
        assertThat(document.getElementsByTagName("script").getLength()).isZero();
        assertThat(document.getElementsByTagName("x").getLength()).isZero();
        assertThat(new String(svg, StandardCharsets.UTF_8)).contains("Bake &amp; &lt;script&gt;");
        assertThat(BakedCredentials.extract(svg)).contains(credential.document());
    }

    @Test
    void theBakedPngCarriesTheSignedCredentialInAnUncompressedItxtChunkAndItVerifies() throws Exception {
        var email = earnerEmail();
        var credential = issue(email, HOSTILE_RECIPIENT, HOSTILE_ACHIEVEMENT, Cryptosuite.JCS);
        var wallet = claim(email);

        var response = perform(get("/wallet/credentials/" + credential.id() + ".png"), wallet);
        assertThat(response.getStatus()).isEqualTo(200);
        assertThat(response.getContentType()).isEqualTo("image/png");
        var png = response.getContentAsByteArray();

        var reader = ImageIO.getImageReadersByFormatName("png").next();
        reader.setInput(ImageIO.createImageInputStream(new ByteArrayInputStream(png)));
        var image = reader.read(0);
        assertThat(image.getWidth()).isEqualTo(512);
        var tree = (IIOMetadataNode) reader.getImageMetadata(0).getAsTree("javax_imageio_png_1.0");
        var entries = tree.getElementsByTagName("iTXtEntry");
        var baked = new java.util.ArrayList<Element>();
        for (int i = 0; i < entries.getLength(); i++) {
            var entry = (Element) entries.item(i);
            if (entry.getAttribute("keyword").equals("openbadgecredential")) {
                baked.add(entry);
            }
        }
        assertThat(baked).hasSize(1);
        assertThat(baked.get(0).getAttribute("compressionFlag")).isEqualToIgnoringCase("false");
        var text = baked.get(0).getAttribute("text");
        assertThat(text).isEqualTo(credential.document());
        assertThat(verifier.verify(text).verdict()).isEqualTo(Verdict.VERIFIED);
        // Uncompressed means the JSON's UTF-8 bytes are in the file as they are.
        assertThat(indexOf(png, credential.document().getBytes(StandardCharsets.UTF_8)))
                .isPositive();
    }

    @Test
    void theVerificationPageChecksAnUploadedBakedBadge() throws Exception {
        var email = earnerEmail();
        var credential = issue(email, "Vera Verifier", HOSTILE_ACHIEVEMENT, Cryptosuite.JCS);
        var wallet = claim(email);
        for (var format : List.of("png", "svg")) {
            var file = perform(get("/wallet/credentials/" + credential.id() + "." + format), wallet)
                    .getContentAsByteArray();
            var page = mvc.perform(multipart("/verify")
                            .file(new MockMultipartFile("file", "badge." + format, "image/" + format, file))
                            .with(csrf()))
                    .andReturn()
                    .getResponse()
                    .getContentAsString();
            assertThat(page).as(format).contains("id=\"verdict\">Verified<").contains("Vera Verifier");
        }
        var plain = mvc.perform(multipart("/verify")
                        .file(new MockMultipartFile(
                                "file",
                                "plain.svg",
                                "image/svg+xml",
                                "<svg xmlns=\"http://www.w3.org/2000/svg\"/>".getBytes(StandardCharsets.UTF_8)))
                        .with(csrf()))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(plain).contains("carries no Open Badges credential");
    }

    @Test
    void staffDownloadTheSameBakedBadgesAndOthersSeeNothing() throws Exception {
        var email = earnerEmail();
        var credential = issue(email, "Stan Staff", "Staff Badge " + UUID.randomUUID(), Cryptosuite.JCS);
        var registrar = WebSessions.signIn(mvc, Role.REGISTRAR);
        for (var format : List.of("png", "svg")) {
            var response = perform(get("/manage/credentials/" + credential.id() + "." + format), registrar);
            assertThat(response.getStatus()).as(format).isEqualTo(200);
            assertThat(BakedCredentials.extract(response.getContentAsByteArray()))
                    .contains(credential.document());
            assertThat(perform(get("/wallet/credentials/" + credential.id() + "." + format), null)
                            .getStatus())
                    .isEqualTo(404);
        }
    }

    @Test
    void anSvgWithAnExternalEntityIsRefusedNotResolved() {
        var hostile = """
                <?xml version="1.0"?>
                <!DOCTYPE svg [<!ENTITY x SYSTEM "file:///etc/passwd">]>
                <svg xmlns="http://www.w3.org/2000/svg" xmlns:openbadges="https://purl.imsglobal.org/ob/v3p0">
                <openbadges:credential>&x;</openbadges:credential></svg>
                """.getBytes(StandardCharsets.UTF_8);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> BakedCredentials.extract(hostile))
                .isInstanceOf(org.credo.platform.ProblemException.class)
                .hasMessageContaining("declares an external entity");
    }

    private IssuedCredential issue(String email, String name, String achievementName, Cryptosuite suite) {
        var organization = CredentialFixtures.northfield(jdbc);
        var draft = achievements.draft(
                organization,
                new AchievementDraft(
                        achievementName + " " + UUID.randomUUID().toString().substring(0, 6),
                        "Awarded for baking a badge.",
                        "Bake one badge.",
                        null,
                        AchievementType.Badge,
                        null,
                        null,
                        List.of(),
                        List.of(),
                        List.of()));
        var achievement = achievements.publish(organization, draft.id());
        var request = new IssueRequest(
                achievement.id(), new IssueRequest.Recipient(name, email, null, null), null, null, null, null, suite);
        return issuance.issue(organization, request, "Baked badge test", null);
    }

    private Cookie claim(String email) throws Exception {
        sender.sendDue();
        var link = Mailbox.link(Mailbox.awaitMessageTo(mail, email), "/wallet/claim/");
        var response = perform(post(link).with(csrf()), null);
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

    private static @Nullable Element firstElementChild(Element parent) {
        for (var node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element element) {
                return element;
            }
        }
        return null;
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    private static String earnerEmail() {
        return "baker-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
    }
}
