package org.credo.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

import java.nio.charset.StandardCharsets;
import org.credo.CredoTest;
import org.credo.platform.demo.DemoData;
import org.credo.platform.people.Accounts;
import org.credo.platform.tokens.ApiTokenRequest;
import org.credo.platform.tokens.ApiTokenService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

/** Administrators set the organization's colours (checked) and logo; public pages show them. */
@CredoTest
class BrandingTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    ApiTokenService tokens;

    @Autowired
    Accounts accounts;

    String admin;
    String registrar;

    @BeforeEach
    void setUp() {
        admin = token(Role.ADMINISTRATOR);
        registrar = token(Role.REGISTRAR);
    }

    @Test
    void coloursAreValidatedNamingTheField() throws Exception {
        var malformed = colours(admin, "#12345", "#b45309");
        assertThat(malformed.getStatus()).isEqualTo(400);
        assertThat(malformed.getContentAsString()).contains("\"field\":\"primaryColour\"");
        var unreadable = colours(admin, "#14532d", "#fafafa");
        assertThat(unreadable.getStatus()).isEqualTo(400);
        assertThat(unreadable.getContentAsString())
                .contains("\"field\":\"accentColour\"")
                .contains("contrast");
        assertThat(colours(registrar, "#14532d", "#b45309").getStatus()).isEqualTo(403);
        var saved = colours(admin, "#14532D", "#b45309");
        assertThat(saved.getStatus()).isEqualTo(200);
        assertThat(saved.getContentAsString()).contains("\"primaryColour\":\"#14532d\"");
        // The public header is painted in them: the style sheet carries the colours as colours, not as escaped names.
        var catalog = mvc.perform(get("/catalog/northfield").accept(MediaType.TEXT_HTML))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(catalog).contains("--brand-primary: #14532d;").contains("--brand-accent: #b45309;");
    }

    @Test
    void aLogoWithAScriptIsRefusedAndAGoodOneAppearsOnPublicPages() throws Exception {
        var bad = mvc.perform(multipart(HttpMethod.PUT, "/api/v1/organization/logo")
                        .file(new MockMultipartFile(
                                "logo",
                                "logo.svg",
                                "image/svg+xml",
                                "<svg xmlns=\"http://www.w3.org/2000/svg\"><script>x()</script></svg>"
                                        .getBytes(StandardCharsets.UTF_8)))
                        .header("Authorization", "Bearer " + admin))
                .andReturn()
                .getResponse();
        assertThat(bad.getStatus()).isEqualTo(400);
        assertThat(bad.getContentAsString()).contains("\"field\":\"logo\"");

        var good = mvc.perform(multipart(HttpMethod.PUT, "/api/v1/organization/logo")
                        .file(new MockMultipartFile(
                                "logo",
                                "logo.svg",
                                "image/svg+xml",
                                "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 10 10\"><rect width=\"10\" height=\"10\" fill=\"#14532d\"/></svg>"
                                        .getBytes(StandardCharsets.UTF_8)))
                        .header("Authorization", "Bearer " + admin))
                .andReturn()
                .getResponse();
        assertThat(good.getStatus()).isEqualTo(200);
        var logoId = good.getContentAsString().replaceAll(".*\"logoImageId\":\"([^\"]+)\".*", "$1");
        var catalog = mvc.perform(get("/catalog/northfield").accept(MediaType.TEXT_HTML))
                .andReturn()
                .getResponse();
        var program = mvc.perform(get("/api/v1/organization/branding").header("Authorization", "Bearer " + admin))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(program).contains(logoId);
        assertThat(catalog.getStatus()).isLessThan(500);
    }

    private org.springframework.mock.web.MockHttpServletResponse colours(String token, String primary, String accent)
            throws Exception {
        return mvc.perform(put("/api/v1/organization/branding")
                        .header("Authorization", "Bearer " + token)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"primaryColour\":\"" + primary + "\",\"accentColour\":\"" + accent + "\"}"))
                .andReturn()
                .getResponse();
    }

    private String token(Role role) {
        return tokens.create(
                        accounts.loadUserByUsername(DemoData.email(role)), new ApiTokenRequest("branding", null, 1))
                .token();
    }
}
