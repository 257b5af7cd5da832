package org.credo.platform.passkeys;

import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;
import org.credo.platform.PasskeyStore;
import org.jspecify.annotations.Nullable;
import org.springframework.security.web.webauthn.api.AuthenticatorTransport;
import org.springframework.security.web.webauthn.api.Bytes;
import org.springframework.security.web.webauthn.api.CredentialRecord;
import org.springframework.security.web.webauthn.api.ImmutableCredentialRecord;
import org.springframework.security.web.webauthn.api.ImmutablePublicKeyCose;
import org.springframework.security.web.webauthn.api.ImmutablePublicKeyCredentialUserEntity;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialType;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialUserEntity;
import org.springframework.security.web.webauthn.management.PublicKeyCredentialUserEntityRepository;
import org.springframework.security.web.webauthn.management.UserCredentialRepository;

/**
 * A {@link PasskeyStore} seen through the two repositories Spring Security's relying party reads and writes. The
 * store keeps its accounts itself, so the user side only answers what a sign-in asks: the user of a handle.
 */
final class StoreAdapters {

    private StoreAdapters() {}

    /** The credentials side: finds passkeys, keeps new ones, records sign-ins. Removal is the store's own. */
    static final class Credentials implements UserCredentialRepository {

        private final PasskeyStore store;

        Credentials(PasskeyStore store) {
            this.store = store;
        }

        @Override
        public void save(CredentialRecord record) {
            var id = record.getCredentialId().toBase64UrlString();
            if (store.find(id) == null) {
                store.add(passkey(record));
            } else {
                var at = record.getLastUsed();
                store.used(id, record.getSignatureCount(), at == null ? Instant.now() : at);
            }
        }

        @Override
        public void delete(Bytes credentialId) {
            throw new UnsupportedOperationException("The store removes its own passkeys");
        }

        @Override
        public @Nullable CredentialRecord findByCredentialId(Bytes credentialId) {
            var passkey = store.find(credentialId.toBase64UrlString());
            return passkey == null ? null : record(passkey);
        }

        @Override
        public List<CredentialRecord> findByUserId(Bytes userId) {
            return store.ofUser(userId.toBase64UrlString()).stream()
                    .map(StoreAdapters::record)
                    .toList();
        }
    }

    /** The user side: a handle stands for itself; the store maps it to its account. */
    static final class Users implements PublicKeyCredentialUserEntityRepository {

        @Override
        public PublicKeyCredentialUserEntity findById(Bytes id) {
            var handle = id.toBase64UrlString();
            return ImmutablePublicKeyCredentialUserEntity.builder()
                    .id(id)
                    .name(handle)
                    .displayName(handle)
                    .build();
        }

        @Override
        public @Nullable PublicKeyCredentialUserEntity findByUsername(String username) {
            return null;
        }

        @Override
        public void save(PublicKeyCredentialUserEntity userEntity) {
            throw new UnsupportedOperationException("The store keeps its own accounts");
        }

        @Override
        public void delete(Bytes id) {
            throw new UnsupportedOperationException("The store keeps its own accounts");
        }
    }

    static PasskeyStore.Passkey passkey(CredentialRecord record) {
        var clientData = record.getAttestationClientDataJSON();
        return new PasskeyStore.Passkey(
                record.getCredentialId().toBase64UrlString(),
                record.getUserEntityUserId().toBase64UrlString(),
                record.getLabel(),
                record.getPublicKey().getBytes(),
                record.getSignatureCount(),
                record.isUvInitialized(),
                record.isBackupEligible(),
                record.isBackupState(),
                record.getTransports() == null
                        ? java.util.Set.of()
                        : record.getTransports().stream()
                                .map(AuthenticatorTransport::getValue)
                                .collect(Collectors.toUnmodifiableSet()),
                record.getAttestationObject().getBytes(),
                clientData == null ? null : clientData.getBytes(),
                record.getCreated() == null ? Instant.now() : record.getCreated(),
                // Spring Security stamps a new passkey as used when it is registered; it has not signed anyone in.
                null);
    }

    static CredentialRecord record(PasskeyStore.Passkey passkey) {
        return ImmutableCredentialRecord.builder()
                .credentialType(PublicKeyCredentialType.PUBLIC_KEY)
                .credentialId(Bytes.fromBase64(passkey.credentialId()))
                .userEntityUserId(Bytes.fromBase64(passkey.userHandle()))
                .publicKey(new ImmutablePublicKeyCose(passkey.publicKey()))
                .signatureCount(passkey.signatureCount())
                .uvInitialized(passkey.userVerified())
                .backupEligible(passkey.backupEligible())
                .backupState(passkey.backupState())
                .transports(passkey.transports().stream()
                        .map(AuthenticatorTransport::valueOf)
                        .collect(Collectors.toUnmodifiableSet()))
                .attestationObject(new Bytes(passkey.attestationObject()))
                .attestationClientDataJSON(
                        passkey.clientDataJson() == null ? null : new Bytes(passkey.clientDataJson()))
                .created(passkey.created())
                .lastUsed(passkey.lastUsed() == null ? passkey.created() : passkey.lastUsed())
                .label(passkey.label())
                .build();
    }
}
