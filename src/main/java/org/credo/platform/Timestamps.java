package org.credo.platform;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import org.jspecify.annotations.Nullable;

/**
 * Instants as SQL parameters: {@code TIMESTAMP WITH TIME ZONE} in UTC, truncated to microseconds
 * so that H2 and PostgreSQL store the same value.
 */
public final class Timestamps {

    private Timestamps() {}

    /** The parameter value for an instant column. */
    public static @Nullable OffsetDateTime sql(@Nullable Instant instant) {
        return instant == null
                ? null
                : OffsetDateTime.ofInstant(instant.truncatedTo(ChronoUnit.MICROS), ZoneOffset.UTC);
    }

    /** Now, truncated to what the database keeps. */
    public static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }
}
