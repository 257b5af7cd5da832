package org.credo.platform;

import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** What other modules may know of an organization. */
public record OrganizationSummary(
        UUID id,
        String slug,
        String name,
        String timeZone,
        @Nullable String website,
        @Nullable String logoUrl,
        @Nullable String contactEmail) {}
