package org.credo.platform;

import java.util.UUID;

/** Audited platform event: api-token.created. */
public record ApiTokenCreated(
        ChangeStamp stamp, UUID tokenId, String name, String email, String roles, java.time.Instant expiresAt)
        implements Audited {

    @Override
    public String action() {
        return "api-token.created";
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
        return "Created API token '" + name + "' for " + email + " with roles " + roles + ", expiring " + expiresAt;
    }

    @Override
    public String subjectName() {
        return name;
    }
}
