/**
 * Email that leaves Credo: an outbox filled in the caller's transaction, a scheduled sender that
 * claims due rows with {@code SKIP LOCKED}, retries failures with exponential backoff and logs every
 * attempt, and the staff page that shows deliveries.
 */
@ApplicationModule(
        displayName = "Notifications",
        allowedDependencies = {"platform", "platform :: config"})
@NullMarked
package org.credo.notifications;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
