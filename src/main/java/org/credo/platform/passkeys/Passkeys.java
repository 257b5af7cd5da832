package org.credo.platform.passkeys;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import org.credo.platform.CredoUser;
import org.credo.platform.ProblemException;
import org.jspecify.annotations.Nullable;
import org.springframework.security.web.webauthn.api.Bytes;
import org.springframework.security.web.webauthn.management.PublicKeyCredentialUserEntityRepository;
import org.springframework.security.web.webauthn.management.UserCredentialRepository;
import org.springframework.stereotype.Service;

/** A signed-in person's own passkeys: list them and delete one. Registration is Spring Security's. */
@Service
class Passkeys {

    /** A passkey as the account page shows it. */
    record Passkey(
            String id,
            String label,
            @Nullable Instant created,
            @Nullable Instant lastUsed) {}

    private final PublicKeyCredentialUserEntityRepository userEntities;
    private final UserCredentialRepository credentials;

    Passkeys(PublicKeyCredentialUserEntityRepository userEntities, UserCredentialRepository credentials) {
        this.userEntities = userEntities;
        this.credentials = credentials;
    }

    List<Passkey> of(CredoUser user) {
        var entity = userEntities.findByUsername(user.getUsername());
        if (entity == null) {
            return List.of();
        }
        return credentials.findByUserId(entity.getId()).stream()
                .map(c -> new Passkey(
                        c.getCredentialId().toBase64UrlString(),
                        c.getLabel(),
                        c.getCreated(),
                        // Spring Security stamps a new passkey as used when it is registered.
                        Objects.equals(c.getLastUsed(), c.getCreated()) ? null : c.getLastUsed()))
                .sorted(Comparator.comparing(Passkey::label, String.CASE_INSENSITIVE_ORDER))
                .toList();
    }

    /** Deletes one of the user's own passkeys; anyone else's is treated as not there. */
    String delete(CredoUser user, String credentialId) {
        var entity = userEntities.findByUsername(user.getUsername());
        var record = entity == null ? null : credentials.findByCredentialId(Bytes.fromBase64(credentialId));
        if (record == null || !record.getUserEntityUserId().equals(entity.getId())) {
            throw ProblemException.notFound("passkey");
        }
        credentials.delete(record.getCredentialId());
        return record.getLabel();
    }
}
