package org.credo.notifications;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.credo.CredoTest;
import org.credo.Mailbox;
import org.credo.WebSessions;
import org.credo.credentials.CredentialFixtures;
import org.credo.notifications.outbox.OutboxSender;
import org.credo.platform.Role;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;

@CredoTest
class NotificationsTest {

    @RegisterExtension
    static GreenMailExtension mail = Mailbox.server();

    @Autowired
    Notifications notifications;

    @Autowired
    OutboxSender sender;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    MockMvc mvc;

    @Test
    void anEmailEnqueuedTwiceWithOneDedupKeyIsSentOnceAndItsBodyErased() {
        var org = CredentialFixtures.northfield(jdbc);
        var to = "once-" + UUID.randomUUID() + "@example.org";
        var key = "test:" + UUID.randomUUID();
        var first = transactions.execute(
                s -> notifications.enqueue(org, to, "Hello", "Plain body", "<p>Html body</p>", key));
        var second = transactions.execute(s -> notifications.enqueue(org, to, "Hello", "Plain body", null, key));
        assertThat(first).isTrue();
        assertThat(second).isFalse();

        awaitStatus(key, "SENT");
        var message = Mailbox.awaitMessageTo(mail, to);
        assertThat(GreenMailUtil.getBody(message)).contains("Plain body").contains("Html body");
        assertThat(Arrays.stream(mail.getReceivedMessages()).filter(m -> {
                    try {
                        return m.getAllRecipients()[0].toString().equals(to);
                    } catch (jakarta.mail.MessagingException e) {
                        throw new IllegalStateException(e);
                    }
                }))
                .hasSize(1);
        assertThat(jdbc.sql("SELECT text_body FROM email_outbox WHERE dedup_key = ?")
                        .param(key)
                        .query(String.class)
                        .single())
                .isEmpty();
    }

    @Test
    void aFailedDeliveryIsShownWithItsErrorAndSentWhenRetried() throws Exception {
        var org = CredentialFixtures.northfield(jdbc);
        var to = "retry-" + UUID.randomUUID() + "@example.org";
        var key = "test:" + UUID.randomUUID();
        mail.stop();
        var before = Instant.now();
        transactions.execute(s -> notifications.enqueue(org, to, "Retry me", "Body", null, key));

        awaitStatus(key, "FAILED");
        var row = jdbc.sql("SELECT id, attempts, last_error, next_attempt_at FROM email_outbox WHERE dedup_key = ?")
                .param(key)
                .query((rs, n) -> new Object[] {
                    rs.getObject(1, UUID.class),
                    rs.getInt(2),
                    rs.getString(3),
                    rs.getTimestamp(4).toInstant()
                })
                .single();
        assertThat(row[1]).isEqualTo(1);
        assertThat((String) row[2]).isNotBlank();
        assertThat((Instant) row[3])
                .isAfter(before.plus(55, ChronoUnit.SECONDS))
                .isBefore(Instant.now().plus(Duration.ofMinutes(2)));
        assertThat(jdbc.sql("SELECT count(*) FROM email_delivery_attempt a JOIN email_outbox o ON o.id = a.outbox_id"
                                + " WHERE o.dedup_key = ? AND NOT a.succeeded")
                        .param(key)
                        .query(Long.class)
                        .single())
                .isEqualTo(1);

        var staff = WebSessions.signIn(mvc, Role.REGISTRAR);
        var page = mvc.perform(get("/manage/notifications").cookie(staff))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(page).contains(to).contains("FAILED").contains("Retry now");

        mail.start();
        var retried = mvc.perform(post("/manage/notifications/{id}/retry", row[0])
                        .with(csrf())
                        .cookie(staff))
                .andReturn()
                .getResponse();
        assertThat(retried.getRedirectedUrl()).isEqualTo("/manage/notifications");
        awaitStatus(key, "SENT");
        assertThat(GreenMailUtil.getBody(Mailbox.awaitMessageTo(mail, to))).contains("Body");
    }

    @Test
    void anotherOrganizationsStaffCannotRetryAnEmail() throws Exception {
        var staff = WebSessions.signIn(mvc, Role.ADMINISTRATOR);
        var status = mvc.perform(post("/manage/notifications/{id}/retry", UUID.randomUUID())
                        .with(csrf())
                        .cookie(staff))
                .andReturn()
                .getResponse()
                .getStatus();
        assertThat(status).isEqualTo(404);
    }

    private void awaitStatus(String key, String status) {
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> {
            sender.sendDue();
            return status.equals(jdbc.sql("SELECT status FROM email_outbox WHERE dedup_key = ?")
                    .param(key)
                    .query(String.class)
                    .single());
        });
    }
}
