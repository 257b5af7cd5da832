package org.credo.credentials.wallet;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.UUID;
import org.credo.credentials.CredentialExpiryReminderQueued;
import org.credo.credentials.insight.CredentialTimeline;
import org.credo.credentials.insight.ReminderSettings;
import org.credo.credentials.insight.Step;
import org.credo.credentials.templates.OrganizationTemplates;
import org.credo.notifications.Notifications;
import org.credo.platform.ChangeStamp;
import org.credo.platform.OrganizationSummary;
import org.credo.platform.Organizations;
import org.credo.platform.Timestamps;
import org.credo.platform.config.CredoProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Emails earners some days before their credential's validity ends (each organization chooses how many, or none),
 * worded by the organization's expiry reminder template, with a fresh link into the wallet. A reminder is sent once
 * per credential, end of validity and number of days: the job first inserts a {@code credential_reminder} row, in the
 * same transaction as the email it enqueues, and a node or run that finds the row taken sends nothing.
 */
@Component
class ExpiryReminders {

    private static final Logger log = LoggerFactory.getLogger(ExpiryReminders.class);
    private static final int BATCH = 100;
    private static final Duration LONGEST = Duration.ofDays(365);

    private record Due(
            UUID id, UUID organizationId, String name, String email, String achievementName, Instant validUntil) {}

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final ReminderSettings settings;
    private final ClaimLinks claims;
    private final Notifications notifications;
    private final OrganizationTemplates templates;
    private final Organizations organizations;
    private final CredoProperties properties;
    private final CredentialTimeline timeline;
    private final ApplicationEventPublisher events;

    ExpiryReminders(
            JdbcClient jdbc,
            TransactionTemplate transactions,
            ReminderSettings settings,
            ClaimLinks claims,
            Notifications notifications,
            OrganizationTemplates templates,
            Organizations organizations,
            CredoProperties properties,
            CredentialTimeline timeline,
            ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.settings = settings;
        this.claims = claims;
        this.notifications = notifications;
        this.templates = templates;
        this.organizations = organizations;
        this.properties = properties;
        this.timeline = timeline;
        this.events = events;
    }

    /** Runs on a schedule; tests call it directly. Returns how many reminders this call queued. */
    @Scheduled(
            initialDelayString = "${credo.reminders.initial-delay:PT2M}",
            fixedDelayString = "${credo.reminders.every:PT1H}")
    public int sendDue() {
        var now = Timestamps.now();
        var organizationIds = jdbc.sql("SELECT DISTINCT organization_id FROM issued_credential WHERE status = 'ACTIVE'"
                        + " AND valid_until > ? AND valid_until <= ?")
                .params(Timestamps.sql(now), Timestamps.sql(now.plus(LONGEST)))
                .query(UUID.class)
                .list();
        int queued = 0;
        for (var organizationId : organizationIds) {
            var days = settings.daysBefore(organizationId);
            if (days.isPresent()) {
                queued += remind(organizationId, days.getAsInt(), now);
            }
        }
        return queued;
    }

    private int remind(UUID organizationId, int days, Instant now) {
        int queued = 0;
        var skipped = new java.util.HashSet<UUID>();
        while (true) {
            var due = due(organizationId, days, now);
            due.removeIf(d -> skipped.contains(d.id()));
            if (due.isEmpty()) {
                return queued;
            }
            for (var credential : due) {
                try {
                    var sent = transactions.execute(status -> remind(credential, days, now));
                    if (Boolean.TRUE.equals(sent)) {
                        queued++;
                    } else {
                        skipped.add(credential.id());
                    }
                } catch (RuntimeException e) {
                    // One broken template or address must not stop the others; the next run tries it again.
                    log.warn("Expiry reminder for credential {} failed: {}", credential.id(), e.getMessage());
                    skipped.add(credential.id());
                }
            }
        }
    }

    private List<Due> due(UUID organizationId, int days, Instant now) {
        return new java.util.ArrayList<>(jdbc.sql("""
                        SELECT c.id, c.organization_id, c.recipient_name, c.recipient_email, a.name, c.valid_until
                        FROM issued_credential c JOIN achievement a ON a.id = c.achievement_id
                        WHERE c.organization_id = ? AND c.status = 'ACTIVE' AND c.valid_until > ? AND c.valid_until <= ?
                          AND NOT EXISTS (SELECT 1 FROM credential_reminder r WHERE r.credential_id = c.id
                            AND r.valid_until = c.valid_until AND r.days_before = ?)
                        ORDER BY c.valid_until, c.id LIMIT ?""")
                .params(
                        organizationId,
                        Timestamps.sql(now),
                        Timestamps.sql(now.plus(days, ChronoUnit.DAYS)),
                        days,
                        BATCH)
                .query((rs, n) -> new Due(
                        rs.getObject(1, UUID.class),
                        rs.getObject(2, UUID.class),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getString(5),
                        rs.getTimestamp(6).toInstant()))
                .list());
    }

    /** Claims the reminder row and, if this call got it, queues the email; false when another run has it. */
    private boolean remind(Due credential, int days, Instant now) {
        var key = "credential-expiry:" + credential.id() + ":" + days + ":"
                + credential.validUntil().getEpochSecond();
        int claimed = jdbc.sql("""
                        INSERT INTO credential_reminder (credential_id, valid_until, days_before, organization_id,
                          queued_at, dedup_key) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING""")
                .params(
                        credential.id(),
                        Timestamps.sql(credential.validUntil()),
                        days,
                        credential.organizationId(),
                        Timestamps.sql(now),
                        key)
                .update();
        if (claimed != 1) {
            return false;
        }
        var organization = organizations.find(credential.organizationId());
        var zone = organization.map(o -> ZoneId.of(o.timeZone())).orElse(ZoneOffset.UTC);
        var token = claims.issueAll(List.of(
                        new ClaimLinks.Claimant(credential.organizationId(), credential.id(), credential.email())))
                .get(0);
        var values = new HashMap<String, String>();
        values.put("recipientName", credential.name());
        values.put("achievementName", credential.achievementName());
        values.put("issuerName", organization.map(OrganizationSummary::name).orElse("Credo"));
        values.put(
                "validUntil", Certificates.DATE.format(credential.validUntil().atZone(zone)));
        values.put(
                "daysLeft",
                Long.toString(Math.max(
                        1, Duration.between(now, credential.validUntil()).toDays())));
        values.put("claimUrl", properties.link("/wallet/claim/" + token));
        values.put("claimDays", Long.toString(ClaimLinks.VALIDITY.toDays()));
        values.put("verificationUrl", properties.link("/verify/" + credential.id()));
        var email = templates.expiryReminderEmail(credential.organizationId(), values);
        notifications.enqueue(
                credential.organizationId(), credential.email(), email.subject(), email.text(), email.html(), key);
        timeline.record(
                credential.id(),
                Step.REMINDED,
                "valid until " + values.get("validUntil") + "; " + days + " days before");
        events.publishEvent(new CredentialExpiryReminderQueued(
                ChangeStamp.by(credential.organizationId(), null, ChangeStamp.SYSTEM),
                credential.id(),
                credential.validUntil(),
                days));
        return true;
    }
}
