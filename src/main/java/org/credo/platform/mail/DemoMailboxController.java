package org.credo.platform.mail;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.credo.platform.ProblemException;
import org.credo.platform.config.CredoProperties;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The demo mailbox: what Credo would have emailed, for a laptop without a mail server. */
@Controller
class DemoMailboxController {

    record DemoMail(String recipient, String subject, String body, Instant sentAt) {

        private static final Pattern LINK = Pattern.compile("https?://[^\\s<>\"']+");

        /** The body as text and links, so that the page can make links clickable without trusting the body as HTML. */
        public List<Segment> segments() {
            var segments = new ArrayList<Segment>();
            var matcher = LINK.matcher(body);
            int at = 0;
            while (matcher.find()) {
                var url = matcher.group();
                // A sentence's full stop or closing bracket is not part of the link.
                int end = matcher.end();
                while (url.length() > 8 && ".,;:)]".indexOf(url.charAt(url.length() - 1)) >= 0) {
                    url = url.substring(0, url.length() - 1);
                    end--;
                }
                if (matcher.start() > at) {
                    segments.add(new Segment(body.substring(at, matcher.start()), null));
                }
                segments.add(new Segment(url, url));
                at = end;
            }
            if (at < body.length()) {
                segments.add(new Segment(body.substring(at), null));
            }
            return segments;
        }

        /** When it was sent, in UTC, with the zone named. */
        public String sentAtText() {
            return WHEN.format(sentAt.atZone(ZoneOffset.UTC));
        }
    }

    /** Text, or a link when {@code href} is set. */
    record Segment(String text, @Nullable String href) {}

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'");

    private final CredoProperties properties;
    private final JdbcClient jdbc;

    DemoMailboxController(CredoProperties properties, JdbcClient jdbc) {
        this.properties = properties;
        this.jdbc = jdbc;
    }

    @GetMapping("/demo/mailbox")
    String mailbox(@RequestParam(required = false) @Nullable String to, Model model) {
        if (!properties.demo()) {
            throw ProblemException.notFound("The demo mailbox");
        }
        var recipient = to == null ? "" : to.strip();
        List<DemoMail> mails = jdbc.sql("SELECT recipient, subject, body, sent_at FROM demo_mail"
                        + (recipient.isEmpty() ? "" : " WHERE lower(recipient) = lower(:to)")
                        + " ORDER BY sent_at DESC LIMIT 50")
                .params(recipient.isEmpty() ? java.util.Map.of() : java.util.Map.of("to", recipient))
                .query((rs, n) -> new DemoMail(
                        rs.getString(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getTimestamp(4).toInstant()))
                .list();
        model.addAttribute("mails", mails);
        model.addAttribute("to", recipient);
        model.addAttribute("transport", properties.mail().transport());
        return "platform/demo-mailbox";
    }
}
