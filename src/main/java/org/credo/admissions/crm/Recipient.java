package org.credo.admissions.crm;

import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** One person of a campaign's audience: the address, the full name and the name to greet them by. */
public record Recipient(
        String email,
        String name,
        String preferredName,
        @Nullable UUID learnerId) {}
