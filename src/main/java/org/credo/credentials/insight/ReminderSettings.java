package org.credo.credentials.insight;

import java.util.OptionalInt;
import java.util.UUID;
import org.credo.credentials.ExpiryRemindersChanged;
import org.credo.platform.ChangeStamp;
import org.credo.platform.ProblemException;
import org.credo.platform.Timestamps;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** How many days before a credential expires its earner is reminded, per organization: 30 unless changed, or off. */
@Service
public class ReminderSettings {

    /** The days before expiry when an organization has not chosen. */
    public static final int DEFAULT_DAYS = 30;

    /** The setting in force and when it was last changed (null when never). */
    public record Setting(
            boolean enabled,
            int daysBefore,
            java.time.@Nullable Instant changedAt,
            @Nullable String changedBy) {}

    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;

    ReminderSettings(JdbcClient jdbc, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.events = events;
    }

    /** The organization's setting. */
    public Setting setting(UUID organizationId) {
        return jdbc.sql("SELECT days_before, changed_at, changed_by FROM credential_reminder_setting"
                        + " WHERE organization_id = ?")
                .param(organizationId)
                .query((rs, n) -> {
                    int days = rs.getInt(1);
                    boolean off = rs.wasNull();
                    return new Setting(
                            !off, off ? DEFAULT_DAYS : days, rs.getTimestamp(2).toInstant(), rs.getString(3));
                })
                .optional()
                .orElse(new Setting(true, DEFAULT_DAYS, null, null));
    }

    /** How many days before expiry to remind, or empty when reminders are off. */
    public OptionalInt daysBefore(UUID organizationId) {
        var setting = setting(organizationId);
        return setting.enabled() ? OptionalInt.of(setting.daysBefore()) : OptionalInt.empty();
    }

    /** Turns reminders on with a number of days (1 to 365), or off with null. */
    @Transactional
    public Setting change(UUID organizationId, @Nullable Integer daysBefore) {
        if (daysBefore != null && (daysBefore < 1 || daysBefore > 365)) {
            throw ProblemException.invalidField("daysBefore", "choose between 1 and 365 days, or turn reminders off.");
        }
        var stamp = ChangeStamp.now(organizationId);
        var updated = jdbc.sql("UPDATE credential_reminder_setting SET days_before = ?, changed_at = ?, changed_by = ?"
                        + " WHERE organization_id = ?")
                .params(daysBefore, Timestamps.sql(stamp.occurredAt()), stamp.actorName(), organizationId)
                .update();
        if (updated == 0) {
            jdbc.sql("INSERT INTO credential_reminder_setting (organization_id, days_before, changed_at, changed_by)"
                            + " VALUES (?, ?, ?, ?)")
                    .params(organizationId, daysBefore, Timestamps.sql(stamp.occurredAt()), stamp.actorName())
                    .update();
        }
        events.publishEvent(new ExpiryRemindersChanged(stamp, organizationId, daysBefore));
        return setting(organizationId);
    }
}
