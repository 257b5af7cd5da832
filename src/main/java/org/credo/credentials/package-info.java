/**
 * Issuer profiles and keys, achievements (credential definitions), issuance of Open Badges 3.0
 * credentials with Data Integrity proofs, Bitstring status lists, lifecycle and verification.
 *
 * <p>Cryptography (keys, canonicalization, proofs, DIDs) sits in {@code signing}; nothing outside
 * this module signs anything.
 */
@ApplicationModule(
        displayName = "Credentials",
        allowedDependencies = {"platform", "platform :: config", "platform :: json", "notifications"})
@NullMarked
package org.credo.credentials;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
