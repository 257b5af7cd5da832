package org.credo.admissions;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.UUID;
import java.util.regex.Pattern;
import org.credo.CredoTest;
import org.credo.WebSessions;
import org.credo.admissions.application.Applications;
import org.credo.platform.Role;
import org.credo.platform.demo.DemoData;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * What a person on the application page sees when the file they chose is past the upload limit: the same page
 * again with a message saying what to do, not a refusal for a missing form token, and nothing stored. Over real
 * HTTP, since the multipart limit is the servlet container's.
 */
@CredoTest
class UploadLimitPagesTest {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Applications applications;

    @LocalServerPort
    int port;

    @Test
    void aFilePastTheLimitChosenOnThePageComesBackToThePageWithAMessageAndNothingStored() throws Exception {
        var org = jdbc.sql("SELECT id FROM organization WHERE slug = 'northfield'")
                .query(UUID.class)
                .single();
        var person = jdbc.sql("SELECT id FROM person WHERE email = ?")
                .param(DemoData.email(Role.APPLICANT))
                .query(UUID.class)
                .single();
        var draft = applications.ofPerson(org, person).stream()
                .filter(a -> a.status() == ApplicationStatus.DRAFT)
                .findFirst()
                .orElseThrow();
        var cookie = WebSessions.signIn(mvc, Role.APPLICANT);
        var cookieHeader = cookie.getName() + "=" + cookie.getValue();
        var client = HttpClient.newHttpClient();
        var base = "http://127.0.0.1:" + port;
        var pagePath = "/apply/applications/" + draft.id();

        var page = client.send(
                HttpRequest.newBuilder(URI.create(base + pagePath))
                        .header("Cookie", cookieHeader)
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(page.statusCode()).isEqualTo(200);
        var token = CSRF.matcher(page.body());
        assertThat(token.find()).as("the page carries a form token").isTrue();
        long before = documents();

        var boundary = "credo-boundary";
        var head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n" + token.group(1)
                        + "\r\n--" + boundary
                        + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"huge.pdf\"\r\n"
                        + "Content-Type: application/pdf\r\n\r\n%PDF-")
                .getBytes(StandardCharsets.US_ASCII);
        var tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.US_ASCII);
        var upload = client.send(
                HttpRequest.newBuilder(URI.create(base + pagePath + "/files/transcript"))
                        .header("Cookie", cookieHeader)
                        .header("Referer", base + pagePath)
                        .header("Origin", base)
                        .header("Accept", "text/html")
                        .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                        .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new SequenceInputStream(
                                new SequenceInputStream(new ByteArrayInputStream(head), filler(51L * 1024 * 1024)),
                                new ByteArrayInputStream(tail))))
                        .build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(upload.statusCode()).as(upload.body()).isEqualTo(303);
        assertThat(upload.headers().firstValue("Location"))
                .hasValueSatisfying(l -> assertThat(l).endsWith(pagePath));
        var after = client.send(
                HttpRequest.newBuilder(URI.create(base + pagePath))
                        .header("Cookie", cookieHeader)
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(after.body()).contains("larger than 50 MB");
        assertThat(documents()).isEqualTo(before);
    }

    /** Bytes that are never all in memory at once. */
    private static InputStream filler(long size) {
        return new InputStream() {
            long left = size;

            @Override
            public int read() {
                return left-- > 0 ? 'x' : -1;
            }

            @Override
            public int read(byte[] b, int off, int len) {
                if (left <= 0) {
                    return -1;
                }
                int n = (int) Math.min(len, left);
                Arrays.fill(b, off, off + n, (byte) 'x');
                left -= n;
                return n;
            }
        };
    }

    private long documents() {
        return jdbc.sql("SELECT COUNT(*) FROM document").query(Long.class).single();
    }
}
