package org.credo.platform.passkeys;

import java.util.List;
import org.credo.platform.ChangeStamp;
import org.credo.platform.PasskeyDeleted;
import org.credo.platform.PasskeyRegistered;
import org.credo.platform.people.Accounts;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.web.webauthn.api.Bytes;
import org.springframework.security.web.webauthn.api.CredentialRecord;
import org.springframework.security.web.webauthn.management.PublicKeyCredentialUserEntityRepository;
import org.springframework.security.web.webauthn.management.UserCredentialRepository;
import org.springframework.transaction.annotation.Transactional;

/**
 * Spring Security's JDBC store of passkeys that also publishes {@link PasskeyRegistered} and
 * {@link PasskeyDeleted}, whichever way a passkey is added or removed (Spring Security's own
 * endpoints or Credo's account page). A save of a known credential is a sign-in updating its
 * counter and last use, and is not audited.
 */
class AuditedCredentials implements UserCredentialRepository {

    private final UserCredentialRepository store;
    private final PublicKeyCredentialUserEntityRepository userEntities;
    private final Accounts accounts;
    private final ApplicationEventPublisher events;

    AuditedCredentials(
            UserCredentialRepository store,
            PublicKeyCredentialUserEntityRepository userEntities,
            Accounts accounts,
            ApplicationEventPublisher events) {
        this.store = store;
        this.userEntities = userEntities;
        this.accounts = accounts;
        this.events = events;
    }

    @Override
    @Transactional
    public void save(CredentialRecord record) {
        boolean registering = store.findByCredentialId(record.getCredentialId()) == null;
        store.save(record);
        if (registering) {
            publish(record, true);
        }
    }

    @Override
    @Transactional
    public void delete(Bytes credentialId) {
        var record = store.findByCredentialId(credentialId);
        store.delete(credentialId);
        if (record != null) {
            publish(record, false);
        }
    }

    @Override
    @Transactional(readOnly = true)
    public @Nullable CredentialRecord findByCredentialId(Bytes credentialId) {
        return store.findByCredentialId(credentialId);
    }

    @Override
    @Transactional(readOnly = true)
    public List<CredentialRecord> findByUserId(Bytes userId) {
        return store.findByUserId(userId);
    }

    /** One audit entry in each organization the owner is an active member of: the passkey opens them all. */
    private void publish(CredentialRecord record, boolean registered) {
        var owner = userEntities.findById(record.getUserEntityUserId());
        if (owner == null) {
            return;
        }
        var user = accounts.loadUserByUsername(owner.getName());
        var id = shorten(record.getCredentialId().toBase64UrlString());
        for (var membership : accounts.activeMemberships(user.personId())) {
            var stamp = ChangeStamp.now(membership.organizationId());
            events.publishEvent(
                    registered
                            ? new PasskeyRegistered(stamp, user.personId(), user.email(), id, record.getLabel())
                            : new PasskeyDeleted(stamp, user.personId(), user.email(), id, record.getLabel()));
        }
    }

    /** Credential ids may run to 1,023 bytes; the audit trail keeps a recognisable prefix. */
    private static String shorten(String id) {
        return id.length() <= 64 ? id : id.substring(0, 64) + "…";
    }
}
