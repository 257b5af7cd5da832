package org.credo.credentials;

import java.util.UUID;
import org.credo.platform.Audited;
import org.credo.platform.ChangeStamp;

/** An organization saved its own claim email or certificate template, or went back to the built-in one. */
public record CredentialTemplateChanged(
        ChangeStamp stamp, UUID organizationId, String kind, int version, boolean resetToDefault) implements Audited {

    @Override
    public String action() {
        return resetToDefault ? "credential-template.reset" : "credential-template.changed";
    }

    @Override
    public String subjectType() {
        return "CredentialTemplate";
    }

    @Override
    public String subjectId() {
        return organizationId + "/" + kind;
    }

    @Override
    public String summary() {
        return resetToDefault
                ? "Template " + kind + " back to the built-in one (version " + version + ")"
                : "Template " + kind + " saved as version " + version;
    }
}
