package org.credo.credentials;

import java.util.UUID;
import org.credo.platform.Audited;
import org.credo.platform.ChangeStamp;

/** Audited: an earner changed the public profile or what it shows: earner.profile-changed. */
public record EarnerProfileChanged(ChangeStamp stamp, UUID accountId, String change) implements Audited {

    @Override
    public String action() {
        return "earner.profile-changed";
    }

    @Override
    public String subjectType() {
        return "EarnerAccount";
    }

    @Override
    public String subjectId() {
        return accountId.toString();
    }

    @Override
    public String summary() {
        return change;
    }
}
