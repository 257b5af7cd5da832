/**
 * The append-only, hash-chained record of every change in every module.
 *
 * <p>It listens to every event that implements platform's {@link org.credo.platform.Audited}, through
 * the event publication registry, so that a crash after a commit loses no entry. Each
 * organization's entries form one chain: every entry stores the SHA-256 of its content and of the
 * entry before it, so an edited, deleted or reordered row breaks the chain where it happened.
 */
@ApplicationModule(displayName = "Audit trail", allowedDependencies = "platform")
@NullMarked
package org.credo.audittrail;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
