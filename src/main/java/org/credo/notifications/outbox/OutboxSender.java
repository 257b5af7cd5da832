package org.credo.notifications.outbox;

import jakarta.mail.MessagingException;
import java.time.Duration;
import java.time.Instant;
import org.credo.platform.Mailer;
import org.credo.platform.Timestamps;
import org.credo.platform.config.CredoProperties;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends due outbox emails: claims a batch in a short transaction, sends each outside it, and records
 * the outcome. A failure is retried after 1, 5, 25, 125 and 625 minutes, then given up.
 */
@Component
public class OutboxSender {

    static final int MAX_ATTEMPTS = 6;
    static final Duration FIRST_RETRY = Duration.ofMinutes(1);
    static final Duration LEASE = Duration.ofMinutes(5);
    static final int BATCH = 20;

    private static final Logger log = LoggerFactory.getLogger(OutboxSender.class);

    private final Deliveries deliveries;
    private final TransactionTemplate transactions;
    private final JavaMailSender smtp;
    private final Mailer mailbox;
    private final CredoProperties properties;

    OutboxSender(
            Deliveries deliveries,
            TransactionTemplate transactions,
            JavaMailSender smtp,
            Mailer mailbox,
            CredoProperties properties) {
        this.deliveries = deliveries;
        this.transactions = transactions;
        this.smtp = smtp;
        this.mailbox = mailbox;
        this.properties = properties;
    }

    /** Runs on a schedule; tests call it directly. Returns how many emails were tried. */
    @Scheduled(
            fixedDelayString = "${credo.notifications.poll-millis:2000}",
            initialDelayString = "${credo.notifications.poll-millis:2000}")
    public int sendDue() {
        int tried = 0;
        while (true) {
            var batch = transactions.execute(status -> deliveries.claimDue(BATCH, LEASE));
            if (batch == null || batch.isEmpty()) {
                return tried;
            }
            for (var email : batch) {
                tried++;
                try {
                    send(email);
                    deliveries.sent(email.id());
                } catch (RuntimeException e) {
                    var error = describe(e);
                    var next = nextAttempt(email.attempts() + 1, Timestamps.now());
                    log.warn(
                            "Email {} to {} failed (attempt {}): {}",
                            email.id(),
                            email.recipient(),
                            email.attempts() + 1,
                            error);
                    deliveries.failed(email.id(), error, next);
                }
            }
            if (batch.size() < BATCH) {
                return tried;
            }
        }
    }

    /** When to try again after the given number of failed attempts; null when it is time to give up. */
    static @Nullable Instant nextAttempt(int failedAttempts, Instant now) {
        if (failedAttempts >= MAX_ATTEMPTS) {
            return null;
        }
        long factor = (long) Math.pow(5, failedAttempts - 1);
        return now.plus(FIRST_RETRY.multipliedBy(factor));
    }

    private void send(Deliveries.Claimed email) {
        if (properties.mail().transport() == CredoProperties.Transport.MAILBOX) {
            mailbox.send(email.recipient(), email.subject(), email.textBody());
            return;
        }
        var message = smtp.createMimeMessage();
        try {
            var helper = new MimeMessageHelper(message, email.htmlBody() != null, "UTF-8");
            helper.setFrom(properties.mail().from());
            helper.setTo(email.recipient());
            helper.setSubject(email.subject());
            if (email.htmlBody() != null) {
                helper.setText(email.textBody(), email.htmlBody());
            } else {
                helper.setText(email.textBody());
            }
        } catch (MessagingException e) {
            throw new IllegalArgumentException("The email could not be composed: " + e.getMessage(), e);
        }
        smtp.send(message);
        log.info("Sent '{}' to {}", email.subject(), email.recipient());
    }

    private static String describe(RuntimeException e) {
        var message = new StringBuilder(e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
        if (e instanceof MailException mail) {
            var cause = mail.getMostSpecificCause();
            if (cause != e && cause.getMessage() != null && !message.toString().contains(cause.getMessage())) {
                message.append(" (").append(cause.getMessage()).append(')');
            }
        }
        return message.toString();
    }
}
