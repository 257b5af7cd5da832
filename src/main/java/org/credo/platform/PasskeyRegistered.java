package org.credo.platform;

import java.util.UUID;

/** Audited platform event: passkey.registered. */
public record PasskeyRegistered(ChangeStamp stamp, UUID personId, String email, String credentialId, String label)
        implements Audited {

    @Override
    public String action() {
        return "passkey.registered";
    }

    @Override
    public String subjectType() {
        return "Passkey";
    }

    @Override
    public String subjectId() {
        return credentialId;
    }

    @Override
    public String summary() {
        return "Registered passkey '" + label + "' for " + email;
    }

    @Override
    public String subjectName() {
        return label;
    }
}
