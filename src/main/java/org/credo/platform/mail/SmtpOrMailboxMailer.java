package org.credo.platform.mail;

import java.util.UUID;
import org.credo.platform.Mailer;
import org.credo.platform.Timestamps;
import org.credo.platform.config.CredoProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.MailException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;

/** Sends through SMTP, or in demo mode without a mail server, into the demo mailbox. */
@Component
class SmtpOrMailboxMailer implements Mailer {

    private static final Logger log = LoggerFactory.getLogger(SmtpOrMailboxMailer.class);

    private final JavaMailSender sender;
    private final CredoProperties properties;
    private final JdbcClient jdbc;

    SmtpOrMailboxMailer(JavaMailSender sender, CredoProperties properties, JdbcClient jdbc) {
        this.sender = sender;
        this.properties = properties;
        this.jdbc = jdbc;
    }

    @Override
    public void send(String to, String subject, String body) {
        if (properties.mail().transport() == CredoProperties.Transport.MAILBOX) {
            jdbc.sql("INSERT INTO demo_mail (id, recipient, subject, body, sent_at) VALUES (?, ?, ?, ?, ?)")
                    .params(UUID.randomUUID(), to, subject, body, Timestamps.sql(Timestamps.now()))
                    .update();
            log.info("Demo mailbox: '{}' to {}", subject, to);
            return;
        }
        var message = new SimpleMailMessage();
        message.setFrom(properties.mail().from());
        message.setTo(to);
        message.setSubject(subject);
        message.setText(body);
        try {
            sender.send(message);
            log.info("Sent '{}' to {}", subject, to);
        } catch (MailException e) {
            log.warn("Could not send '{}' to {}: {}", subject, to, e.getMessage());
            throw new MailFailed("The mail server did not accept the message to " + to
                    + ". Nothing was changed; try again, or ask an administrator to check the SMTP settings.");
        }
    }
}
