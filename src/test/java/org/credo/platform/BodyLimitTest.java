package org.credo.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import org.credo.CredoTest;
import org.credo.platform.demo.DemoData;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.json.JsonMapper;

/**
 * One body limit (1 MB) on every path, 413 with Problem Details, whether the client sends a
 * Content-Length or streams the body in chunks. Real HTTP: only a real connection is chunked.
 */
@CredoTest
class BodyLimitTest {

    static final int OVER_THE_LIMIT = 1_500_000;

    @LocalServerPort
    int port;

    @Autowired
    MockMvc mvc;

    @Autowired
    JsonMapper json;

    final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10))
            .build();

    String adminToken() throws Exception {
        var body = json.writeValueAsString(Map.of(
                "email",
                DemoData.email(Role.ADMINISTRATOR),
                "password",
                DemoData.PASSWORD,
                "name",
                "body limit",
                "organization",
                DemoData.ORGANIZATION));
        var response = mvc.perform(post("/api/v1/auth/tokens")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(body))
                .andExpect(status().isCreated())
                .andReturn()
                .getResponse()
                .getContentAsString();
        return json.readTree(response).get("token").asString();
    }

    /** Sends the body in chunks, without a Content-Length. */
    HttpResponse<String> streamed(String method, String path, String type, String body, String... headers)
            throws Exception {
        var bytes = body.getBytes(StandardCharsets.UTF_8);
        return send(
                method,
                path,
                type,
                HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(bytes)),
                headers);
    }

    HttpResponse<String> send(
            String method, String path, String type, HttpRequest.BodyPublisher body, String... headers)
            throws Exception {
        var request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(60))
                .header("Content-Type", type)
                .method(method, body);
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    static void assertTooLarge(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(413);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        assertThat(response.body()).contains("\"title\":\"Request too large\"").contains("larger than 1048576 bytes");
    }

    static String bigJson() {
        return "{\"name\":\"" + "x".repeat(OVER_THE_LIMIT) + "\"}";
    }

    @Test
    void streamedJsonOverTheLimitIs413NotAMalformedBody() throws Exception {
        var response = streamed(
                "PUT",
                "/api/v1/organization",
                "application/json",
                bigJson(),
                "Authorization",
                "Bearer " + adminToken());
        assertTooLarge(response);
    }

    @Test
    void streamedBodiesOverTheLimitAre413OnTheWalletEndpoints() throws Exception {
        assertTooLarge(streamed(
                "POST",
                "/oid4vci/token",
                "application/x-www-form-urlencoded",
                "grant_type=" + "x".repeat(OVER_THE_LIMIT)));
        assertTooLarge(streamed(
                "POST", "/oid4vci/credential", "application/json", bigJson(), "Authorization", "Bearer unknown"));
    }

    @Test
    void announcedBodyOverTheLimitIs413OnTheWalletEndpoints() throws Exception {
        assertTooLarge(send(
                "POST",
                "/oid4vci/credential",
                "application/json",
                HttpRequest.BodyPublishers.ofString(bigJson()),
                "Authorization",
                "Bearer unknown"));
    }

    @Test
    void streamedBodiesWithinTheLimitStillReachTheEndpoint() throws Exception {
        // The form's fields are read from the streamed body: the endpoint names the grant type it refuses.
        var token =
                streamed("POST", "/oid4vci/token", "application/x-www-form-urlencoded", "grant_type=password&x=%zz");
        assertThat(token.statusCode()).as(token.body()).isEqualTo(400);
        assertThat(token.body()).contains("unsupported_grant_type");

        var organization = streamed(
                "PUT",
                "/api/v1/organization",
                "application/json",
                "{\"colour\":\"red\"}",
                "Authorization",
                "Bearer " + adminToken());
        assertThat(organization.statusCode()).isEqualTo(400);
        assertThat(organization.body()).contains("Unknown field 'colour'");
    }

    @Test
    void multipartUploadsKeepTheirOwnLimit() throws Exception {
        var file = new MockMultipartFile(
                "file", "credential.json", "application/json", bigJson().getBytes(StandardCharsets.UTF_8));
        // Past the 1 MB body limit, yet under the upload limit: the verify page itself answers.
        mvc.perform(multipart("/verify").file(file).with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("The file is too large")));
    }
}
