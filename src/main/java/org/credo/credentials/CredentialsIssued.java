package org.credo.credentials;

import java.util.List;
import org.credo.platform.AuditedBatch;

/** Credentials issued together (one API batch or one bulk issuance chunk), in the order issued. */
public record CredentialsIssued(List<CredentialIssued> credentials) implements AuditedBatch {

    @Override
    public List<CredentialIssued> changes() {
        return credentials;
    }
}
