package org.credo.credentials;

import java.util.UUID;
import org.credo.platform.Audited;
import org.credo.platform.ChangeStamp;

/** Audited: an earner verified another email address and now sees its credentials: earner.email-verified. */
public record EarnerEmailVerified(ChangeStamp stamp, UUID accountId, String email) implements Audited {

    @Override
    public String action() {
        return "earner.email-verified";
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
        return "Verified the address " + email;
    }
}
