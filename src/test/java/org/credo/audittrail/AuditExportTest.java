package org.credo.audittrail;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;
import org.credo.CredoTest;
import org.credo.platform.Role;
import org.credo.platform.demo.DemoData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.json.JsonMapper;

/** The CSV export over the API arrives whole, through a real HTTP connection. */
@CredoTest
@ExtendWith(OutputCaptureExtension.class)
class AuditExportTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    JsonMapper json;

    final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    String auditorToken() throws Exception {
        var body = json.writeValueAsString(java.util.Map.of(
                "email",
                DemoData.email(Role.AUDITOR),
                "password",
                DemoData.PASSWORD,
                "name",
                "csv export " + UUID.randomUUID()));
        var response = http.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/auth/tokens"))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return json.readTree(response.body()).get("token").asString();
    }

    long entries(UUID organizationId) {
        return jdbc.sql("SELECT count(*) FROM audit_entry WHERE organization_id = ?")
                .param(organizationId)
                .query(Long.class)
                .single();
    }

    @Test
    void theWholeCsvArrivesOverTheApiWithoutAnErrorLogged(CapturedOutput output) throws Exception {
        var token = auditorToken();
        var organizationId = jdbc.sql("SELECT id FROM organization WHERE slug = ?")
                .param(DemoData.ORGANIZATION)
                .query(UUID.class)
                .single();

        long before = entries(organizationId);
        var response = http.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/audit/entries.csv"))
                        .header("Authorization", "Bearer " + token)
                        .timeout(Duration.ofSeconds(30))
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        // Other tests may record entries meanwhile: the file holds every entry there was before it.
        long after = entries(organizationId);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("text/csv"));
        var csv = response.body();
        assertThat(csv).startsWith("sequence,occurred_at,actor").endsWith("\r\n");
        var lines = csv.split("\r\n");
        // Every entry's row carries its 64-hex-digit hash last; the header and at least one entry.
        assertThat(lines.length).isGreaterThan(1);
        assertThat(lines[lines.length - 1]).matches(".*,[0-9a-f]{64}");
        assertThat((long) lines.length - 1).isBetween(before, after);
        assertThat(output.getAll())
                .doesNotContain("already committed")
                .doesNotContain("Unexpected failure of GET /api/v1/audit/entries.csv");
    }
}
