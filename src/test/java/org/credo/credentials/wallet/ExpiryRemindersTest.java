package org.credo.credentials.wallet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.is;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.UUID;
import org.credo.CredoTest;
import org.credo.Mailbox;
import org.credo.credentials.CredentialFixtures;
import org.credo.credentials.achievement.Achievements;
import org.credo.credentials.insight.CredentialTimeline;
import org.credo.credentials.insight.ReminderSettings;
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
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/** Earners are emailed once before their credential expires, as their organization chose. */
@CredoTest
class ExpiryRemindersTest {

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
    ExpiryReminders reminders;

    @Autowired
    ReminderSettings settings;

    @Autowired
    CredentialTimeline timeline;

    @Autowired
    Accounts accounts;

    @Autowired
    ApiTokenService tokens;

    UUID organization;

    @BeforeEach
    void setUp() {
        organization = CredentialFixtures.northfield(jdbc);
        settings.change(organization, ReminderSettings.DEFAULT_DAYS);
    }

    @AfterEach
    void restore() {
        settings.change(organization, ReminderSettings.DEFAULT_DAYS);
    }

    @Test
    void anEarnerIsRemindedOnceBeforeTheCredentialExpires() throws Exception {
        var email = email();
        var expiring = issue(email, Instant.now().plus(Duration.ofDays(10)));
        var later = email();
        issue(later, Instant.now().plus(Duration.ofDays(90)));
        sender.sendDue();

        reminders.sendDue();
        sender.sendDue();
        var reminder = Mailbox.awaitMessageTo(mail, email);
        assertThat(reminder.getSubject()).contains("expires on").contains(expiring.achievementName());
        assertThat(text(reminder)).contains("/wallet/claim/").contains("/verify/" + expiring.id());

        reminders.sendDue();
        sender.sendDue();
        assertThat(remindersTo(email)).isEqualTo(1);
        assertThat(remindersTo(later)).isZero();

        var steps = timeline.entries(organization, expiring.id());
        assertThat(steps)
                .filteredOn(e -> e.type().equals("EXPIRY_REMINDER_QUEUED"))
                .hasSize(1);
        assertThat(steps)
                .filteredOn(e -> e.type().equals("EMAILED"))
                .extracting(CredentialTimeline.Entry::detail)
                .contains("expiry reminder delivered to the mail server");
        org.awaitility.Awaitility.await()
                .atMost(Duration.ofSeconds(10))
                .until(
                        () -> jdbc.sql("SELECT count(*) FROM audit_entry WHERE action = ? AND subject_id = ?")
                                .params(
                                        "credential.expiry-reminder-queued",
                                        expiring.id().toString())
                                .query(Long.class)
                                .single(),
                        count -> count == 1);
    }

    @Test
    void anOrganizationCanTurnRemindersOffAndOnOverTheApi() throws Exception {
        var token = tokens.create(
                        accounts.loadUserByUsername(DemoData.email(Role.REGISTRAR)),
                        new ApiTokenRequest("reminder test", null, 1))
                .token();
        mvc.perform(put("/api/v1/credentials/reminder-settings")
                        .header("Authorization", "Bearer " + token)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"enabled\":false}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.enabled", is(false)));
        var email = email();
        issue(email, Instant.now().plus(Duration.ofDays(5)));
        reminders.sendDue();
        sender.sendDue();
        assertThat(remindersTo(email)).isZero();

        mvc.perform(put("/api/v1/credentials/reminder-settings")
                        .header("Authorization", "Bearer " + token)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"enabled\":true,\"daysBefore\":400}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field", is("daysBefore")));
        mvc.perform(put("/api/v1/credentials/reminder-settings")
                        .header("Authorization", "Bearer " + token)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"enabled\":true,\"daysBefore\":7}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.daysBefore", is(7)));
        mvc.perform(get("/api/v1/credentials/reminder-settings").header("Authorization", "Bearer " + token))
                .andExpect(jsonPath("$.enabled", is(true)));
        reminders.sendDue();
        sender.sendDue();
        Mailbox.awaitMessageTo(mail, email);
        assertThat(remindersTo(email)).isEqualTo(1);
    }

    private long remindersTo(String email) {
        return Arrays.stream(mail.getReceivedMessages())
                .filter(m -> {
                    try {
                        return Arrays.toString(m.getAllRecipients()).contains(email)
                                && m.getSubject().contains("expires on");
                    } catch (MessagingException e) {
                        throw new IllegalStateException(e);
                    }
                })
                .count();
    }

    private static String text(MimeMessage message) throws Exception {
        return com.icegreen.greenmail.util.GreenMailUtil.getBody(message);
    }

    private IssuedCredential issue(String email, Instant validUntil) {
        var achievement = CredentialFixtures.publishedAchievement(achievements, organization);
        return issuance.issue(
                organization,
                new IssueRequest(
                        achievement.id(),
                        new IssueRequest.Recipient("Rae Reminder", email, null, null),
                        null,
                        validUntil.truncatedTo(ChronoUnit.SECONDS),
                        null,
                        null,
                        Cryptosuite.JCS),
                "Reminder test",
                null);
    }

    private static String email() {
        return "remind-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
    }
}
