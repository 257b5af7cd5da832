package org.credo.platform;

import java.util.UUID;

/** Audited platform event: api-token.revoked. */
public record ApiTokenRevoked(ChangeStamp stamp, UUID tokenId, String name, String email) implements Audited {

    @Override
    public String action() {
        return "api-token.revoked";
    }

    @Override
    public String subjectType() {
        return "ApiToken";
    }

    @Override
    public String subjectId() {
        return tokenId.toString();
    }

    @Override
    public String summary() {
        return "Revoked API token '" + name + "' of " + email;
    }

    @Override
    public String subjectName() {
        return name;
    }
}
