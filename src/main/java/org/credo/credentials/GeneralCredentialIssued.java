package org.credo.credentials;

import java.util.List;
import java.util.UUID;
import org.credo.platform.Audited;
import org.credo.platform.ChangeStamp;

/** A credential that is not an Open Badge was signed through the VC-API. */
public record GeneralCredentialIssued(
        ChangeStamp stamp, UUID id, String credentialId, List<String> types, String dataModel, String cryptosuite)
        implements Audited {

    @Override
    public String action() {
        return "general-credential.issued";
    }

    @Override
    public String subjectType() {
        return "GeneralCredential";
    }

    @Override
    public String subjectId() {
        return id.toString();
    }

    @Override
    public String summary() {
        return "Issued " + String.join(", ", types) + " " + credentialId + " (VC " + dataModel + ", " + cryptosuite
                + ") through the VC-API";
    }
}
