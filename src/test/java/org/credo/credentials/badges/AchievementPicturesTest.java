package org.credo.credentials.badges;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import jakarta.json.Json;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Random;
import java.util.UUID;
import javax.imageio.ImageIO;
import org.credo.CredoTest;
import org.credo.credentials.CredentialFixtures;
import org.credo.credentials.achievement.Achievements;
import org.credo.credentials.issuance.Issuance;
import org.credo.credentials.signing.Cryptosuite;
import org.credo.platform.Role;
import org.credo.platform.demo.DemoData;
import org.credo.platform.people.Accounts;
import org.credo.platform.tokens.ApiTokenRequest;
import org.credo.platform.tokens.ApiTokenService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

/** An author gives an achievement a picture; bad files are refused; badges and pages show the picture. */
@CredoTest
class AchievementPicturesTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Achievements achievements;

    @Autowired
    Issuance issuance;

    @Autowired
    BadgeImages badges;

    @Autowired
    ApiTokenService tokens;

    @Autowired
    Accounts accounts;

    String token;
    UUID organization;
    UUID achievementId;

    @BeforeEach
    void setUp() {
        token = tokens.create(
                        accounts.loadUserByUsername(DemoData.email(Role.REGISTRAR)),
                        new ApiTokenRequest("picture test", null, 1))
                .token();
        organization = CredentialFixtures.northfield(jdbc);
        achievementId = CredentialFixtures.publishedAchievement(achievements, organization)
                .id();
    }

    @Test
    void aPngUploadIsServedWithAnEtagAndAnsweredNotModifiedWhenUnchanged() throws Exception {
        var response = upload(png(Color.RED, 64, 48), "badge.png", "image/png");
        assertThat(response.getStatus()).isEqualTo(200);
        var body = Json.createReader(new StringReader(response.getContentAsString()))
                .readObject();
        assertThat(body.getString("contentType")).isEqualTo("image/png");
        assertThat(body.getInt("width")).isEqualTo(64);
        assertThat(body.getBoolean("generated")).isFalse();
        var path = body.getString("url").replace("http://localhost:8080", "");

        var image = mvc.perform(get(path)).andReturn().getResponse();
        assertThat(image.getStatus()).isEqualTo(200);
        assertThat(image.getContentType()).isEqualTo("image/png");
        assertThat(image.getHeader("Cache-Control"))
                .contains("max-age=31536000")
                .contains("immutable");
        var etag = image.getHeader("ETag");
        assertThat(etag).startsWith("\"").hasSizeGreaterThan(60);

        var again =
                mvc.perform(get(path).header("If-None-Match", etag)).andReturn().getResponse();
        assertThat(again.getStatus()).isEqualTo(304);
        assertThat(again.getContentAsByteArray()).isEmpty();

        var fetched = mvc.perform(get("/api/v1/achievements/" + achievementId + "/image")
                        .header("Authorization", "Bearer " + token))
                .andReturn()
                .getResponse();
        assertThat(fetched.getContentAsString()).contains(body.getString("imageId"));
        await().atMost(Duration.ofSeconds(10))
                .until(() -> jdbc.sql(
                                        "SELECT COUNT(*) FROM audit_entry WHERE action = 'achievement.image-changed' AND subject_id = ?")
                                .param(achievementId.toString())
                                .query(Integer.class)
                                .single()
                        > 0);
    }

    @Test
    void dangerousSvgsAreRefusedNamingTheFieldAndTheReason() throws Exception {
        assertRefused(svg("<script>alert(1)</script><circle r=\"5\"/>"), "<script>");
        assertRefused(svg("<circle r=\"5\" onload=\"alert(1)\"/>"), "event handler");
        assertRefused(
                svg("<image href=\"https://tracker.example/pixel.png\" width=\"5\" height=\"5\"/>"),
                "outside the file");
        assertRefused(
                svg("<foreignObject><div xmlns=\"http://www.w3.org/1999/xhtml\">x</div></foreignObject>"),
                "foreignObject");
        assertRefused(
                ("<?xml version=\"1.0\"?><!DOCTYPE svg [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>"
                                + "<svg xmlns=\"http://www.w3.org/2000/svg\"><text>&xxe;</text></svg>")
                        .getBytes(StandardCharsets.UTF_8),
                "DOCTYPE");
        assertRefused(
                ("<?xml version=\"1.0\"?><!DOCTYPE svg [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;\">]>"
                                + "<svg xmlns=\"http://www.w3.org/2000/svg\"><text>&b;</text></svg>")
                        .getBytes(StandardCharsets.UTF_8),
                "DOCTYPE");
        assertRefused(svg("<style>rect { fill: url(https://evil.example/x.svg#p) }</style>"), "refers to");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM achievement_image WHERE lineage_id = ?")
                        .param(achievements
                                .find(organization, achievementId)
                                .orElseThrow()
                                .lineageId())
                        .query(Integer.class)
                        .single())
                .isZero();

        var safe = upload(svg("<circle cx=\"50\" cy=\"50\" r=\"40\" fill=\"#1d4e89\"/>"), "ok.svg", "image/svg+xml");
        assertThat(safe.getStatus()).isEqualTo(200);
        var path = Json.createReader(new StringReader(safe.getContentAsString()))
                .readObject()
                .getString("url")
                .replace("http://localhost:8080", "");
        var served = mvc.perform(get(path)).andReturn().getResponse();
        assertThat(served.getContentType()).isEqualTo("image/svg+xml");
        assertThat(served.getHeader("Content-Security-Policy")).contains("default-src 'none'");
        var raster = mvc.perform(get(path + ".png")).andReturn().getResponse();
        assertThat(raster.getContentType()).isEqualTo("image/png");
        var drawn = ImageIO.read(new ByteArrayInputStream(raster.getContentAsByteArray()));
        assertThat(new Color(drawn.getRGB(drawn.getWidth() / 2, drawn.getHeight() / 2)))
                .isEqualTo(new Color(0x1d4e89));
    }

    @Test
    void oversizedAndNonImageFilesAreRefused() throws Exception {
        var noise = new byte[1024 * 1024 + 10];
        new Random(7).nextBytes(noise);
        var large = upload(noise, "huge.png", "image/png");
        assertThat(large.getStatus()).isEqualTo(413);
        assertThat(large.getContentAsString()).contains("too large");

        var text = upload("just some words, not a picture".getBytes(StandardCharsets.UTF_8), "fake.png", "image/png");
        assertThat(text.getStatus()).isEqualTo(400);
        assertThat(text.getContentAsString()).contains("\"field\":\"image\"").contains("not a PNG or SVG");

        var pdf = upload(
                "%PDF-1.4\n1 0 obj\n<<>>\nendobj\n".getBytes(StandardCharsets.US_ASCII), "x.svg", "image/svg+xml");
        assertThat(pdf.getStatus()).isEqualTo(400);
        assertThat(pdf.getContentAsString()).contains("application/pdf");
    }

    @Test
    void bakedBadgesAndTheVerificationPictureShowTheAchievementPicture() throws Exception {
        assertThat(upload(png(Color.RED, 100, 100), "red.png", "image/png").getStatus())
                .isEqualTo(200);
        var credential = issuance.issue(
                organization,
                CredentialFixtures.request(achievementId, "pictures@example.org", Cryptosuite.JCS),
                "picture test",
                null);
        var image = Json.createReader(new StringReader(credential.document()))
                .readObject()
                .getJsonObject("credentialSubject")
                .getJsonObject("achievement")
                .getJsonObject("image");
        assertThat(image.getString("type")).isEqualTo("Image");
        assertThat(image.getString("id")).startsWith("http://localhost:8080/images/");

        var baked = badges.bakedPng(credential);
        var picture = ImageIO.read(new ByteArrayInputStream(baked));
        assertThat(new Color(picture.getRGB(256, 256))).isEqualTo(Color.RED);
        assertThat(new Color(picture.getRGB(10, 256))).isEqualTo(Color.RED);
        assertThat(BakedCredentials.extract(baked)).contains(credential.document());

        var svg = badges.bakedSvg(credential);
        assertThat(svg).contains("<image ").contains("data:image/png;base64,");
        assertThat(BakedCredentials.extract(svg.getBytes(StandardCharsets.UTF_8)))
                .contains(credential.document());

        var preview = mvc.perform(get("/verify/" + credential.id() + "/badge.png"))
                .andReturn()
                .getResponse();
        var shown = ImageIO.read(new ByteArrayInputStream(preview.getContentAsByteArray()));
        assertThat(new Color(shown.getRGB(50, 50))).isEqualTo(Color.RED);
        var page = mvc.perform(get("/verify/" + credential.id()))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(page).contains("/verify/" + credential.id() + "/badge.png");
    }

    @Test
    void aGeneratedDesignIsDrawnInTheOrganizationsColours() throws Exception {
        var response = mvc.perform(post("/api/v1/achievements/" + achievementId + "/image/generated")
                        .header("Authorization", "Bearer " + token))
                .andReturn()
                .getResponse();
        assertThat(response.getStatus()).isEqualTo(200);
        var body = Json.createReader(new StringReader(response.getContentAsString()))
                .readObject();
        assertThat(body.getBoolean("generated")).isTrue();
        assertThat(body.getString("contentType")).isEqualTo("image/svg+xml");
        var path = body.getString("url").replace("http://localhost:8080", "");
        var svg = mvc.perform(get(path)).andReturn().getResponse().getContentAsString();
        var primary = jdbc.sql("SELECT primary_colour FROM organization_branding WHERE organization_id = ?")
                .param(organization)
                .query(String.class)
                .optional()
                .orElse("#1f3a5f");
        assertThat(svg).contains("fill=\"" + primary + "\"").contains("<text");
    }

    @Test
    void anAchievementOfAnotherOrganizationIsNotFound() throws Exception {
        var response = mvc.perform(multipart(HttpMethod.PUT, "/api/v1/achievements/" + UUID.randomUUID() + "/image")
                        .file(new MockMultipartFile("image", "a.png", "image/png", png(Color.RED, 8, 8)))
                        .header("Authorization", "Bearer " + token))
                .andReturn()
                .getResponse();
        assertThat(response.getStatus()).isEqualTo(404);
    }

    private void assertRefused(byte[] file, String reason) throws Exception {
        var response = upload(file, "bad.svg", "image/svg+xml");
        assertThat(response.getStatus()).isEqualTo(400);
        assertThat(response.getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        assertThat(response.getContentAsString())
                .contains("\"field\":\"image\"")
                .contains(reason);
    }

    private MockHttpServletResponse upload(byte[] file, String name, String type) throws Exception {
        return mvc.perform(multipart(HttpMethod.PUT, "/api/v1/achievements/" + achievementId + "/image")
                        .file(new MockMultipartFile("image", name, type, file))
                        .header("Authorization", "Bearer " + token))
                .andReturn()
                .getResponse();
    }

    static byte[] svg(String inside) {
        return ("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"100\" height=\"100\" viewBox=\"0 0 100 100\">"
                        + inside + "</svg>")
                .getBytes(StandardCharsets.UTF_8);
    }

    static byte[] png(Color colour, int width, int height) throws Exception {
        var image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        var g = image.createGraphics();
        g.setColor(colour);
        g.fillRect(0, 0, width, height);
        g.dispose();
        var out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }
}
