package org.credo.credentials.bulk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import jakarta.servlet.http.Cookie;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.UUID;
import org.credo.CredoTest;
import org.credo.Mailbox;
import org.credo.WebSessions;
import org.credo.credentials.CredentialFixtures;
import org.credo.credentials.achievement.Achievement;
import org.credo.credentials.achievement.Achievements;
import org.credo.credentials.issuance.Issuance;
import org.credo.credentials.issuance.IssuedCredential;
import org.credo.credentials.signing.Cryptosuite;
import org.credo.platform.Role;
import org.credo.platform.demo.DemoData;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.json.JsonMapper;

@CredoTest
class BulkActionsTest {

    @RegisterExtension
    static GreenMailExtension mail = Mailbox.server();

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Achievements achievements;

    @Autowired
    Issuance issuance;

    @Autowired
    JsonMapper json;

    UUID org;
    Achievement achievement;
    Cookie session;
    String token;

    @BeforeEach
    void setUp() throws Exception {
        org = CredentialFixtures.northfield(jdbc);
        achievement = CredentialFixtures.publishedAchievement(achievements, org);
        session = WebSessions.signIn(mvc, Role.REGISTRAR);
        var body = "{\"email\":\"" + DemoData.email(Role.REGISTRAR) + "\",\"password\":\"" + DemoData.PASSWORD
                + "\",\"name\":\"bulk actions test\"}";
        token = json.readTree(mvc.perform(post("/api/v1/auth/tokens")
                                .contentType(MediaType.APPLICATION_JSON)
                                .content(body))
                        .andReturn()
                        .getResponse()
                        .getContentAsString())
                .get("token")
                .asString();
    }

    IssuedCredential issue(UUID organizationId, Achievement awarded) {
        var email = "earner-" + UUID.randomUUID() + "@example.test";
        return issuance.issue(
                organizationId, CredentialFixtures.request(awarded.id(), email, Cryptosuite.RDFC), "test", null);
    }

    String state(UUID credentialId) {
        return jdbc.sql("SELECT status FROM issued_credential WHERE id = ?")
                .param(credentialId)
                .query(String.class)
                .single();
    }

    long audits(UUID credentialId, String action) {
        return jdbc.sql("SELECT count(*) FROM audit_entry WHERE subject_id = ? AND action = ?")
                .params(credentialId.toString(), action)
                .query(Long.class)
                .single();
    }

    @Test
    void bulkRevokeOfASelectionWithAReasonWritesTheSingleActionsAuditEntries() throws Exception {
        var a = issue(org, achievement);
        var b = issue(org, achievement);
        var untouched = issue(org, achievement);
        mvc.perform(get("/manage/credentials").cookie(session))
                .andExpect(content().string(containsString("data-select-all=\"ids\"")))
                .andExpect(content().string(containsString("name=\"ids\" value=\"" + a.id() + "\"")));
        // Without a reason, the review lists both as errors and offers nothing to apply.
        var noReason = mvc.perform(post("/manage/credentials/bulk-actions/review")
                        .param("ids", a.id().toString(), b.id().toString())
                        .param("action", "revoke")
                        .cookie(session)
                        .with(csrf()))
                .andExpect(status().is3xxRedirection())
                .andReturn()
                .getResponse()
                .getRedirectedUrl();
        mvc.perform(get(noReason).cookie(session))
                .andExpect(content().string(containsString("Give a reason to revoke")))
                .andExpect(content().string(not(containsString("id=\"confirm-changes\""))));

        var review = mvc.perform(post("/manage/credentials/bulk-actions/review")
                        .param("ids", a.id().toString(), b.id().toString())
                        .param("action", "revoke")
                        .param("reason", "Issued to the wrong cohort")
                        .cookie(session)
                        .with(csrf()))
                .andExpect(status().is3xxRedirection())
                .andReturn()
                .getResponse()
                .getRedirectedUrl();
        mvc.perform(get(review).cookie(session))
                .andExpect(content().string(containsString("revoke: 2 credentials")))
                .andExpect(content().string(containsString("Apply changes to 2 credentials")));
        assertThat(state(a.id())).isEqualTo("ACTIVE");
        mvc.perform(post(review + "/confirm").cookie(session).with(csrf())).andExpect(status().is3xxRedirection());
        // A second click applies nothing again.
        mvc.perform(post(review + "/confirm").cookie(session).with(csrf()))
                .andExpect(flash().attribute("flash", containsString("applied already")));
        assertThat(state(a.id())).isEqualTo("REVOKED");
        assertThat(state(b.id())).isEqualTo("REVOKED");
        assertThat(state(untouched.id())).isEqualTo("ACTIVE");
        await().atMost(Duration.ofSeconds(10))
                .until(() -> audits(a.id(), "credential.revoked") == 1 && audits(b.id(), "credential.revoked") == 1);
        assertThat(jdbc.sql("SELECT summary FROM audit_entry WHERE subject_id = ? AND action = 'credential.revoked'")
                        .param(a.id().toString())
                        .query(String.class)
                        .single())
                .contains("Issued to the wrong cohort");
        var planId = review.substring(review.lastIndexOf('/') + 1);
        await().atMost(Duration.ofSeconds(10))
                .until(() -> jdbc.sql("SELECT count(*) FROM audit_entry WHERE subject_id = ?")
                                .param(planId)
                                .query(Long.class)
                                .single()
                        == 1);
        assertThat(jdbc.sql("SELECT count(*) FROM credential_history WHERE credential_id = ? AND action = 'Revoked'")
                        .param(a.id())
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
    }

    @Test
    void csvWithAnUnknownOrForeignIdChangesNothingAndNamesTheIds() throws Exception {
        var mine = issue(org, achievement);
        var suspended = issue(org, achievement);
        issuance.suspend(org, suspended.id(), "Under review");
        var harbor = jdbc.sql("SELECT id FROM organization WHERE slug = 'harbor'")
                .query(UUID.class)
                .single();
        var foreign = issue(harbor, CredentialFixtures.publishedAchievement(achievements, harbor));
        var unknown = UUID.randomUUID();
        var csv = "credential_id,action,reason\n"
                + mine.id() + ",suspend,Audit\n"
                + foreign.id() + ",revoke,Audit\n"
                + unknown + ",revoke,Audit\n"
                + suspended.id() + ",suspend,Audit\n"
                + "not-an-id,revoke,Audit\n";
        var plan = mvc.perform(multipart("/api/v1/credentials/bulk-actions")
                        .file(new MockMultipartFile(
                                "file", "changes.csv", "text/csv", csv.getBytes(StandardCharsets.UTF_8)))
                        .header("Authorization", "Bearer " + token))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.confirmable", is(false)))
                .andExpect(jsonPath("$.counts.suspend", is(1)))
                .andExpect(jsonPath("$.errors.length()", is(4)))
                .andExpect(jsonPath(
                        "$.errors[*].credentialId", hasItem(foreign.id().toString())))
                .andExpect(jsonPath("$.errors[*].credentialId", hasItem(unknown.toString())))
                .andExpect(jsonPath("$.errors[*].message", hasItem("This credential belongs to another organization.")))
                .andExpect(jsonPath("$.errors[*].message", hasItem("No credential has this id.")))
                .andExpect(jsonPath(
                        "$.errors[*].message",
                        hasItem("This credential is suspended; only an active credential can be suspended.")))
                .andExpect(jsonPath("$.errors[0].row", is(3)))
                .andReturn()
                .getResponse()
                .getContentAsString();
        var planId = json.readTree(plan).get("id").asString();
        mvc.perform(post("/api/v1/credentials/bulk-actions/" + planId + "/confirm")
                        .header("Authorization", "Bearer " + token))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.title", is("Plan has errors")));
        assertThat(state(mine.id())).isEqualTo("ACTIVE");
        assertThat(state(foreign.id())).isEqualTo("ACTIVE");
        assertThat(state(suspended.id())).isEqualTo("SUSPENDED");
        // The same through the page: the review names the ids and offers nothing to apply.
        var review = mvc.perform(multipart("/manage/credentials/bulk-actions")
                        .file(new MockMultipartFile(
                                "file", "changes.csv", "text/csv", csv.getBytes(StandardCharsets.UTF_8)))
                        .cookie(session)
                        .with(csrf()))
                .andExpect(status().is3xxRedirection())
                .andReturn()
                .getResponse()
                .getRedirectedUrl();
        mvc.perform(get(review).cookie(session))
                .andExpect(content().string(containsString(foreign.id().toString())))
                .andExpect(content().string(containsString(unknown.toString())))
                .andExpect(content().string(containsString("nothing will change")))
                .andExpect(content().string(not(containsString("id=\"confirm-changes\""))));
        mvc.perform(get("/manage/credentials/bulk-actions/sample.csv").cookie(session))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("credential_id,action,reason")));
    }

    @Test
    void resendToEveryoneUnclaimedSendsOnceAndIsThrottled() throws Exception {
        var fresh = CredentialFixtures.publishedAchievement(achievements, org);
        var first = issue(org, fresh);
        var second = issue(org, fresh);
        var claimed = issue(org, fresh);
        jdbc.sql("UPDATE credential_claim SET used_at = CURRENT_TIMESTAMP WHERE credential_id = ?")
                .param(claimed.id())
                .update();
        // The issuance emails went out an hour ago.
        jdbc.sql("UPDATE credential_claim SET created_at = ? WHERE credential_id IN (?, ?, ?)")
                .params(Timestamp.from(Instant.now().minusSeconds(3600)), first.id(), second.id(), claimed.id())
                .update();
        var body = "{\"action\":\"resend\",\"unclaimed\":true,\"achievementId\":\"" + fresh.id() + "\"}";
        var plan = mvc.perform(post("/api/v1/credentials/bulk-actions")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(body)
                        .header("Authorization", "Bearer " + token))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.counts.resend", is(2)))
                .andExpect(jsonPath("$.confirmable", is(true)))
                .andReturn()
                .getResponse()
                .getContentAsString();
        var planId = json.readTree(plan).get("id").asString();
        mvc.perform(post("/api/v1/credentials/bulk-actions/" + planId + "/confirm")
                        .header("Authorization", "Bearer " + token))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status", is("APPLIED")))
                .andExpect(jsonPath("$.outcome.resent.length()", is(2)));
        mvc.perform(post("/api/v1/credentials/bulk-actions/" + planId + "/confirm")
                        .header("Authorization", "Bearer " + token))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.title", is("Already applied")));
        Mailbox.awaitMessageTo(mail, first.recipientEmail());
        Mailbox.awaitMessageTo(mail, second.recipientEmail());
        await().atMost(Duration.ofSeconds(10)).until(() -> audits(first.id(), "credential.claim_email_resent") == 1);
        // Right away again: both were just emailed, so nothing is sent; the single button says when it may be.
        mvc.perform(post("/api/v1/credentials/bulk-actions")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(body)
                        .header("Authorization", "Bearer " + token))
                .andExpect(jsonPath("$.counts.resend").doesNotExist())
                .andExpect(jsonPath("$.skipped.length()", is(2)));
        mvc.perform(post("/manage/credentials/" + first.id() + "/resend")
                        .param("requestKey", "k1")
                        .cookie(session)
                        .with(csrf()))
                .andExpect(flash().attribute("flashError", containsString("at most one every 10 minutes")));
        mvc.perform(post("/api/v1/credentials/" + first.id() + "/resend-claim")
                        .header("Authorization", "Bearer " + token)
                        .header("Idempotency-Key", "k-" + UUID.randomUUID()))
                .andExpect(status().isTooManyRequests())
                .andExpect(jsonPath("$.title", is("Sent recently")));
        Thread.sleep(1500); // let the outbox send anything it would
        var toFirst = Arrays.stream(mail.getReceivedMessages())
                .filter(m -> {
                    try {
                        return m.getAllRecipients()[0].toString().contains(first.recipientEmail());
                    } catch (jakarta.mail.MessagingException e) {
                        throw new IllegalStateException(e);
                    }
                })
                .count();
        assertThat(toFirst).as("the issuance email and one resend").isEqualTo(2);
        assertThat(jdbc.sql("SELECT count(*) FROM email_outbox WHERE recipient = ?")
                        .param(claimed.recipientEmail())
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
    }

    @Test
    void theResendButtonSendsOncePerClick() throws Exception {
        var credential = issue(org, achievement);
        jdbc.sql("UPDATE credential_claim SET created_at = ? WHERE credential_id = ?")
                .params(Timestamp.from(Instant.now().minusSeconds(3600)), credential.id())
                .update();
        mvc.perform(get("/manage/credentials/" + credential.id()).cookie(session))
                .andExpect(content().string(containsString("Resend claim email")));
        for (int i = 0; i < 2; i++) {
            mvc.perform(post("/manage/credentials/" + credential.id() + "/resend")
                            .param("requestKey", "click-1")
                            .cookie(session)
                            .with(csrf()))
                    .andExpect(flash().attribute("flash", containsString("sent again")));
        }
        assertThat(jdbc.sql("SELECT count(*) FROM email_outbox WHERE recipient = ?")
                        .param(credential.recipientEmail())
                        .query(Long.class)
                        .single())
                .isEqualTo(2); // the issuance email and one resend
    }
}
