package org.credo.credentials;

import java.util.UUID;
import org.credo.platform.Audited;
import org.credo.platform.ChangeStamp;

/** Audited: an earner account was opened for a verified email address: earner.account-opened. */
public record EarnerAccountOpened(ChangeStamp stamp, UUID accountId, String how) implements Audited {

    @Override
    public String action() {
        return "earner.account-opened";
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
        return "Earner account opened by " + how;
    }
}
