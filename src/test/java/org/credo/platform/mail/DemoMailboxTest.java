package org.credo.platform.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;
import org.credo.CredoTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/** The demo mailbox lets a person on a laptop follow the links Credo emailed, without trusting the body. */
@CredoTest
class DemoMailboxTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Test
    void linksInAnEmailAreClickableTheRestStaysTextAndTheRecipientFilters() throws Exception {
        var recipient = "mailbox-" + UUID.randomUUID() + "@example.test";
        jdbc.sql("INSERT INTO demo_mail (id, recipient, subject, body, sent_at) VALUES (?, ?, ?, ?, ?)")
                .params(
                        UUID.randomUUID(),
                        recipient,
                        "Claim your badge",
                        "Open https://credo.example/claim/abc123. <script>alert(1)</script> javascript:alert(2)",
                        Timestamp.from(Instant.parse("2026-03-04T05:06:07Z")))
                .update();

        var html = mvc.perform(get("/demo/mailbox").param("to", recipient.toUpperCase()))
                .andReturn()
                .getResponse()
                .getContentAsString();

        assertThat(html)
                .contains("<a href=\"https://credo.example/claim/abc123\">https://credo.example/claim/abc123</a>.")
                .contains("&lt;script&gt;alert(1)&lt;/script&gt;")
                .doesNotContain("<script>alert(1)")
                .doesNotContain("href=\"javascript:")
                .contains("2026-03-04 05:06:07 UTC")
                .contains(recipient);

        var other = mvc.perform(get("/demo/mailbox").param("to", "nobody-" + UUID.randomUUID() + "@example.test"))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(other).doesNotContain(recipient).contains("No email to nobody-");
    }
}
