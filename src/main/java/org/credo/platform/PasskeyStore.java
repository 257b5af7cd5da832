package org.credo.platform;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Where a module other than platform keeps the passkeys of its own accounts (the earner wallet's), for
 * {@link PasskeyCeremonies}. Identifiers are base64url, as WebAuthn sends them.
 */
public interface PasskeyStore {

    /**
     * A registered passkey: what a later sign-in checks against. {@code userHandle} names the account it
     * signs in; the public key is COSE-encoded; the attestation object is kept because the verifier reads
     * the credential's key data from it.
     */
    record Passkey(
            String credentialId,
            String userHandle,
            String label,
            byte[] publicKey,
            long signatureCount,
            boolean userVerified,
            boolean backupEligible,
            boolean backupState,
            Set<String> transports,
            byte[] attestationObject,
            byte @Nullable [] clientDataJson,
            Instant created,
            @Nullable Instant lastUsed) {}

    /** A short name that keeps this store's pending ceremonies apart from others' in the session. */
    String name();

    /** The passkey with this credential id, whoever owns it. */
    @Nullable
    Passkey find(String credentialId);

    /** The passkeys of one account, so that an authenticator is not registered twice. */
    List<Passkey> ofUser(String userHandle);

    /** Keeps a passkey that {@link PasskeyCeremonies#register} just verified. */
    void add(Passkey passkey);

    /** Records a sign-in with a passkey: the authenticator's new signature counter and when. */
    void used(String credentialId, long signatureCount, Instant at);
}
