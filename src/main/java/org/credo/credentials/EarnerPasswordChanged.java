package org.credo.credentials;

import java.util.UUID;
import org.credo.platform.Audited;
import org.credo.platform.ChangeStamp;

/** Audited: an earner set or changed the wallet password: earner.password-changed. */
public record EarnerPasswordChanged(ChangeStamp stamp, UUID accountId, boolean first) implements Audited {

    @Override
    public String action() {
        return "earner.password-changed";
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
        return first ? "Password set" : "Password changed";
    }
}
