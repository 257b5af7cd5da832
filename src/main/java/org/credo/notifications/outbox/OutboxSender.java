package org.credo.notifications.outbox;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.Instant;
import org.credo.platform.Mailer;
import org.credo.platform.Timestamps;
import org.credo.platform.config.CredoProperties;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.mail.MailException;
import org.springframework.mail.MailSendException;
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
            tried += batch.size();
            if (properties.mail().transport() == CredoProperties.Transport.MAILBOX) {
                for (var email : batch) {
                    try {
                        mailbox.send(email.recipient(), email.subject(), email.textBody());
                        deliveries.sent(email.id());
                    } catch (RuntimeException e) {
                        failed(email, e);
                    }
                }
            } else {
                sendOverOneConnection(batch);
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

    /**
     * Sends a claimed batch over one SMTP connection (a connection per email cost more than the email); a message
     * the server refused is failed on its own, the others are sent.
     */
    private void sendOverOneConnection(java.util.List<Deliveries.Claimed> batch) {
        var composed = new java.util.LinkedHashMap<MimeMessage, Deliveries.Claimed>();
        for (var email : batch) {
            try {
                composed.put(compose(email), email);
            } catch (RuntimeException e) {
                failed(email, e);
            }
        }
        if (composed.isEmpty()) {
            return;
        }
        java.util.Map<Object, Exception> refused = java.util.Map.of();
        try {
            smtp.send(composed.keySet().toArray(MimeMessage[]::new));
        } catch (MailSendException e) {
            refused = e.getFailedMessages();
            if (refused.isEmpty()) {
                refused = new java.util.HashMap<>();
                for (var message : composed.keySet()) {
                    refused.put(message, e);
                }
            }
        } catch (MailException e) {
            refused = new java.util.HashMap<>();
            for (var message : composed.keySet()) {
                refused.put(message, e);
            }
        }
        for (var entry : composed.entrySet()) {
            var error = refused.get(entry.getKey());
            if (error == null) {
                deliveries.sent(entry.getValue().id());
                log.info(
                        "Sent '{}' to {}",
                        entry.getValue().subject(),
                        entry.getValue().recipient());
            } else {
                failed(entry.getValue(), error);
            }
        }
    }

    private MimeMessage compose(Deliveries.Claimed email) {
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
            if (email.headers() != null) {
                for (var line : email.headers().split("\n")) {
                    int colon = line.indexOf(':');
                    if (colon > 0) {
                        message.addHeader(
                                line.substring(0, colon),
                                line.substring(colon + 1).trim());
                    }
                }
            }
        } catch (MessagingException e) {
            throw new IllegalArgumentException("The email could not be composed: " + e.getMessage(), e);
        }
        return message;
    }

    private void failed(Deliveries.Claimed email, Exception e) {
        var error = describe(e);
        var next = nextAttempt(email.attempts() + 1, Timestamps.now());
        log.warn("Email {} to {} failed (attempt {}): {}", email.id(), email.recipient(), email.attempts() + 1, error);
        deliveries.failed(email.id(), error, next);
    }

    private static String describe(Exception e) {
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
