package org.credo.platform;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.slf4j.MDC;

/**
 * Who made a change, in which organization, during which request and when. Carried by every
 * {@link Audited} event; {@link #eventId()} makes recording it idempotent.
 */
public record ChangeStamp(
        UUID eventId,
        UUID organizationId,
        @Nullable UUID actorId,
        String actorName,
        @Nullable String requestId,
        Instant occurredAt) {

    /** The name recorded for changes that Credo makes by itself (seeding, scheduled jobs). */
    public static final String SYSTEM = "system";

    /** A stamp for a change made now by the signed-in caller (or by the system when nobody is). */
    public static ChangeStamp now(UUID organizationId) {
        return CurrentUser.find()
                .map(user -> by(organizationId, user.personId(), user.displayName()))
                .orElseGet(() -> by(organizationId, null, SYSTEM));
    }

    /** A stamp for a change made now by a named actor, e.g. a person who is not signed in yet. */
    public static ChangeStamp by(UUID organizationId, @Nullable UUID actorId, String actorName) {
        return new ChangeStamp(
                UUID.randomUUID(),
                organizationId,
                actorId,
                actorName,
                MDC.get(RequestIds.MDC_KEY),
                Instant.now().truncatedTo(ChronoUnit.MICROS));
    }
}
