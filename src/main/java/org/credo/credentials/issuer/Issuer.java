package org.credo.credentials.issuer;

import org.credo.credentials.signing.Ed25519KeyPair;
import org.credo.platform.OrganizationSummary;
import org.jspecify.annotations.Nullable;

/**
 * An organization ready to sign: its Open Badges profile, the DID it issues as, and the key and
 * verification method that sign now.
 */
public record Issuer(
        OrganizationSummary organization,
        String id,
        String verificationMethod,
        Ed25519KeyPair key,
        @Nullable String description,
        @Nullable String imageUrl) {}
