package org.credo.platform.people;

import java.util.EnumSet;
import java.util.Optional;
import java.util.UUID;
import org.credo.platform.CredoUser;
import org.credo.platform.Role;
import org.credo.platform.SelfServiceAccounts;
import org.credo.platform.Timestamps;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Self-service accounts on the people tables, with the password policy and encoder of every other account. */
@Service
class PeopleSelfService implements SelfServiceAccounts {

    private final People people;
    private final Accounts accounts;
    private final PasswordEncoder encoder;

    PeopleSelfService(People people, Accounts accounts, PasswordEncoder encoder) {
        this.people = people;
        this.accounts = accounts;
        this.encoder = encoder;
    }

    @Override
    @Transactional(readOnly = true)
    public boolean exists(String email) {
        return people.findByEmail(email).isPresent();
    }

    @Override
    public void checkPassword(String password, String email) {
        PasswordPolicy.check(password, email);
    }

    @Override
    public String hashPassword(String password) {
        return encoder.encode(password);
    }

    @Override
    @Transactional
    public Optional<UUID> open(UUID organizationId, String email, String displayName, String passwordHash, Role role) {
        var address = People.normalizeEmail(email);
        if (people.findByEmail(address).isPresent()) {
            return Optional.empty();
        }
        var now = Timestamps.now();
        var id = UUID.randomUUID();
        people.insert(new Person(id, address, displayName.trim(), passwordHash, organizationId, now), false);
        people.addMembership(organizationId, id, EnumSet.of(role), now);
        return Optional.of(id);
    }

    @Override
    @Transactional
    public Optional<CredoUser> signIn(UUID personId, UUID organizationId) {
        return accounts.switchTo(personId, organizationId);
    }
}
