package org.credo.platform.mail;

import java.time.Instant;
import java.util.List;
import org.credo.platform.ProblemException;
import org.credo.platform.config.CredoProperties;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The demo mailbox: what Credo would have emailed, for a laptop without a mail server. */
@Controller
class DemoMailboxController {

    record DemoMail(String recipient, String subject, String body, Instant sentAt) {}

    private final CredoProperties properties;
    private final JdbcClient jdbc;

    DemoMailboxController(CredoProperties properties, JdbcClient jdbc) {
        this.properties = properties;
        this.jdbc = jdbc;
    }

    @GetMapping("/demo/mailbox")
    String mailbox(Model model) {
        if (!properties.demo()) {
            throw ProblemException.notFound("The demo mailbox");
        }
        List<DemoMail> mails = jdbc.sql(
                        "SELECT recipient, subject, body, sent_at FROM demo_mail ORDER BY sent_at DESC LIMIT 50")
                .query((rs, n) -> new DemoMail(
                        rs.getString(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getTimestamp(4).toInstant()))
                .list();
        model.addAttribute("mails", mails);
        model.addAttribute("transport", properties.mail().transport());
        return "platform/demo-mailbox";
    }
}
