package org.credo.credentials.achievement;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** One version of an achievement. Only a published version can be issued; a change makes a new version. */
public record Achievement(
        UUID id,
        UUID organizationId,
        UUID lineageId,
        int version,
        Status status,
        AchievementDraft content,
        Instant createdAt,
        @Nullable Instant publishedAt) {

    /** Where a version is in its life. */
    public enum Status {
        DRAFT,
        PUBLISHED,
        SUPERSEDED,
        RETIRED
    }

    public boolean issuable() {
        return status == Status.PUBLISHED;
    }
}
