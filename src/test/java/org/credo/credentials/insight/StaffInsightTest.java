package org.credo.credentials.insight;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import jakarta.servlet.http.Cookie;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import org.credo.CredoTest;
import org.credo.Mailbox;
import org.credo.WebSessions;
import org.credo.credentials.CredentialFixtures;
import org.credo.credentials.achievement.Achievement;
import org.credo.credentials.achievement.Achievements;
import org.credo.credentials.issuance.Issuance;
import org.credo.credentials.issuance.IssueRequest;
import org.credo.credentials.issuance.IssuedCredential;
import org.credo.credentials.signing.Cryptosuite;
import org.credo.notifications.outbox.OutboxSender;
import org.credo.platform.Role;
import org.credo.platform.demo.DemoData;
import org.credo.platform.people.Accounts;
import org.credo.platform.tokens.ApiTokenRequest;
import org.credo.platform.tokens.ApiTokenService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/** Staff see what happened to a credential, count it on the dashboard, and export the list. */
@CredoTest
class StaffInsightTest {

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
    Accounts accounts;

    @Autowired
    ApiTokenService tokens;

    UUID organization;
    Achievement achievement;
    String token;

    @BeforeEach
    void setUp() {
        organization = CredentialFixtures.northfield(jdbc);
        achievement = CredentialFixtures.publishedAchievement(achievements, organization);
        token = tokens.create(
                        accounts.loadUserByUsername(DemoData.email(Role.REGISTRAR)),
                        new ApiTokenRequest("insight test", null, 1))
                .token();
    }

    @Test
    void theTimelineRecordsTheEmailTheClaimADownloadAndOneVerificationPerReader() throws Exception {
        var email = email();
        var credential = issue(email, "Tia Timeline");
        var wallet = claim(email);

        mvc.perform(get("/wallet/credentials/" + credential.id() + ".json").cookie(wallet))
                .andExpect(status().isOk());
        mvc.perform(get("/verify/" + credential.id())).andExpect(status().isOk());
        mvc.perform(get("/verify/" + credential.id())).andExpect(status().isOk());
        mvc.perform(get("/verify/" + credential.id()).header("User-Agent", "Another verifier"))
                .andExpect(status().isOk());

        var events = api("/api/v1/credentials/" + credential.id() + "/events?size=50")
                .andExpect(jsonPath("$.totalItems").isNumber())
                .andExpect(jsonPath("$.sort", is("occurredAt,asc")))
                .andExpect(jsonPath("$.items[0].type", is("ISSUED")))
                .andExpect(jsonPath("$.items[*].type", hasItem("EMAILED")))
                .andExpect(jsonPath("$.items[*].type", hasItem("CLAIMED")))
                .andExpect(jsonPath("$.items[*].type", hasItem("DOWNLOADED")))
                .andExpect(jsonPath("$.items[*].detail", hasItem("JSON")))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(events.split("\"VERIFIED\"", -1))
                .as("two readers, one of them twice")
                .hasSize(3);
        assertThat(events).doesNotContain(email);

        var page = mvc.perform(
                        get("/manage/credentials/" + credential.id()).cookie(WebSessions.signIn(mvc, Role.REGISTRAR)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(page)
                .contains("Timeline")
                .contains("Claimed")
                .contains("Downloaded")
                .contains("Verified");
        assertThat(page).contains(zoneOf(organization).getId());

        api("/api/v1/credentials/" + UUID.randomUUID() + "/events").andExpect(status().isNotFound());
        api("/api/v1/credentials/" + credential.id() + "/events?sort=actor").andExpect(status().isBadRequest());
    }

    @Test
    void theDashboardCountsAClaimForItsAchievement() throws Exception {
        var email = email();
        issue(email, "Dana Dashboard");
        issue(email(), "Never Claims");
        var today = LocalDate.now(zoneOf(organization));
        var url = "/api/v1/credentials/dashboard?from=" + today.minusDays(7) + "&to=" + today + "&achievementId="
                + achievement.id();
        api(url).andExpect(jsonPath("$.issued", is(2)))
                .andExpect(jsonPath("$.claimed", is(0)))
                .andExpect(jsonPath("$.claimRate", is(0.0)));

        claim(email);

        api(url).andExpect(jsonPath("$.issued", is(2)))
                .andExpect(jsonPath("$.claimed", is(1)))
                .andExpect(jsonPath("$.claimRate", is(0.5)))
                .andExpect(jsonPath("$.zone", is(zoneOf(organization).getId())))
                .andExpect(jsonPath("$.periods[-1:].claimed", hasItem(1)));
        api(url + "&interval=MONTH").andExpect(jsonPath("$.periods[-1:].issued", hasItem(2)));
        api("/api/v1/credentials/dashboard?from=" + today + "&to=" + today.minusDays(1))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field", is("to")));
        api("/api/v1/credentials/dashboard?interval=DAY")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field", is("interval")));

        var page = mvc.perform(get("/manage/credentials/dashboard")
                        .param("achievementId", achievement.id().toString())
                        .cookie(WebSessions.signIn(mvc, Role.REGISTRAR)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(page).contains("id=\"dashboard-table\"").contains("50%");
    }

    @Test
    void theCsvExportHonoursTheSearchAndDefusesFormulas() throws Exception {
        var tag = "csv" + UUID.randomUUID().toString().substring(0, 6);
        issue(tag + "-a@example.org", "=HYPERLINK(\"http://evil.example\",\"click\")");
        issue(tag + "-b@example.org", "Ana, \"the\" Analyst");
        issue(email(), "Outside The Filter");

        var registrar = WebSessions.signIn(mvc, Role.REGISTRAR);
        var response = mvc.perform(get("/manage/credentials/export.csv")
                        .param("q", tag)
                        .param("status", "ACTIVE")
                        .cookie(registrar))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse();
        assertThat(response.getContentType()).startsWith("text/csv");
        assertThat(response.getHeader("Content-Disposition"))
                .contains("attachment")
                .contains(".csv");
        var lines = List.of(response.getContentAsString(java.nio.charset.StandardCharsets.UTF_8)
                .split("\r\n"));
        assertThat(lines).hasSize(3);
        assertThat(lines.get(0))
                .startsWith("id,recipient_name,recipient_email")
                .contains("issued_at (" + zoneOf(organization).getId() + ")");
        assertThat(String.join("\n", lines))
                .contains(",\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"click\"\")\",")
                .contains(",\"Ana, \"\"the\"\" Analyst\",")
                .doesNotContain("Outside The Filter")
                .doesNotContain(",=HYPERLINK");
        assertThat(lines.get(1))
                .matches(".*,\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d(\\.\\d+)?([+-]\\d\\d:\\d\\d|Z),.*");

        var revoked = mvc.perform(get("/manage/credentials/export.csv")
                        .param("q", tag)
                        .param("status", "REVOKED")
                        .cookie(registrar))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(revoked.split("\r\n")).hasSize(1);
        api("/api/v1/credentials/export?q=" + tag).andExpect(status().isOk());
        api("/api/v1/credentials/export?status=LOST")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field", is("status")));
    }

    @Test
    void cellsThatASpreadsheetWouldRunAreDefused() {
        assertThat(CredentialExport.cell("=1+2")).isEqualTo("'=1+2");
        assertThat(CredentialExport.cell("+1")).isEqualTo("'+1");
        assertThat(CredentialExport.cell("-1")).isEqualTo("'-1");
        assertThat(CredentialExport.cell("@SUM(A1)")).isEqualTo("'@SUM(A1)");
        assertThat(CredentialExport.cell("plain")).isEqualTo("plain");
        assertThat(CredentialExport.cell("two\nlines")).isEqualTo("\"two\nlines\"");
        assertThat(CredentialExport.cell(null)).isEmpty();
    }

    private org.springframework.test.web.servlet.ResultActions api(String url) throws Exception {
        return mvc.perform(get(url).header("Authorization", "Bearer " + token));
    }

    private IssuedCredential issue(String email, String name) {
        return issuance.issue(
                organization,
                CredentialFixtures.request(
                        achievement.id(), new IssueRequest.Recipient(name, email, null, null), Cryptosuite.JCS),
                "Insight test",
                null);
    }

    /** Delivers the claim email and opens the wallet with its link; returns the wallet's session. */
    private Cookie claim(String email) throws Exception {
        sender.sendDue();
        var link = Mailbox.link(Mailbox.awaitMessageTo(mail, email), "/wallet/claim/");
        var response = mvc.perform(post(link).with(csrf())).andReturn().getResponse();
        assertThat(response.getRedirectedUrl()).isEqualTo("/wallet");
        return response.getCookie("CREDO_SESSION");
    }

    private ZoneId zoneOf(UUID organizationId) {
        return ZoneId.of(jdbc.sql("SELECT time_zone FROM organization WHERE id = ?")
                .param(organizationId)
                .query(String.class)
                .single());
    }

    private static String email() {
        return "insight-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
    }
}
