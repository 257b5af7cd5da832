package org.credo.platform;

import java.util.UUID;

/** Audited platform event: passkey.deleted. */
public record PasskeyDeleted(ChangeStamp stamp, UUID personId, String email, String credentialId, String label)
        implements Audited {

    @Override
    public String action() {
        return "passkey.deleted";
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
        return "Deleted passkey '" + label + "' of " + email;
    }

    @Override
    public String subjectName() {
        return label;
    }
}
