package org.credo.credentials.signing;

import java.util.Optional;

/** Finds the Ed25519 public key of a verification method id. */
@FunctionalInterface
public interface VerificationMethodResolver {

    /** The raw 32-byte public key of a verification method, or empty if it is unknown. */
    Optional<byte[]> publicKey(String verificationMethodId);

    /** Resolves did:key verification methods locally, without any network. */
    static VerificationMethodResolver didKey() {
        return id -> {
            if (!id.startsWith("did:key:")) {
                return Optional.empty();
            }
            try {
                return Optional.of(DidKey.parse(id).publicKey());
            } catch (IllegalArgumentException e) {
                return Optional.empty();
            }
        };
    }

    /** This resolver, then another for ids this one does not know. */
    default VerificationMethodResolver or(VerificationMethodResolver other) {
        return id -> publicKey(id).or(() -> other.publicKey(id));
    }
}
