package org.credo.credentials;

import java.util.UUID;
import org.credo.platform.Audited;
import org.credo.platform.ChangeStamp;
import org.jspecify.annotations.Nullable;

/** The issuer's Open Badges profile (description, image) changed; new credentials carry it. */
public record IssuerProfileChanged(
        ChangeStamp stamp,
        UUID organizationId,
        @Nullable String description,
        @Nullable String imageUrl) implements Audited {

    @Override
    public String action() {
        return "issuer-profile.changed";
    }

    @Override
    public String subjectType() {
        return "IssuerProfile";
    }

    @Override
    public String subjectId() {
        return organizationId.toString();
    }

    @Override
    public String summary() {
        return "Issuer profile: description " + (description == null ? "cleared" : "set") + ", image "
                + (imageUrl == null ? "cleared" : imageUrl);
    }
}
