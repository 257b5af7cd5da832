package org.credo.credentials;

import java.util.UUID;
import org.credo.platform.Audited;
import org.credo.platform.ChangeStamp;
import org.jspecify.annotations.Nullable;

/** Audited: an organization changed how many days before expiry its earners are reminded (null: off). */
public record ExpiryRemindersChanged(
        ChangeStamp stamp, UUID organizationId, @Nullable Integer daysBefore) implements Audited {

    @Override
    public String action() {
        return "credential.expiry-reminders-changed";
    }

    @Override
    public String subjectType() {
        return "Organization";
    }

    @Override
    public String subjectId() {
        return organizationId.toString();
    }

    @Override
    public String summary() {
        return daysBefore == null
                ? "Expiry reminders turned off"
                : "Expiry reminders " + daysBefore + " days before a credential expires";
    }
}
