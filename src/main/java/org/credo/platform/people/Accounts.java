package org.credo.platform.people;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.credo.platform.CredoUser;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Turns a person into a {@link CredoUser} acting in one organization. Repeated failed password
 * sign-ins are throttled by {@link SignInThrottle}, which never locks the person: API tokens and
 * passkeys keep working.
 */
@Service
public class Accounts implements UserDetailsService {

    private final People people;

    Accounts(People people) {
        this.people = people;
    }

    @Override
    @Transactional(readOnly = true)
    public CredoUser loadUserByUsername(String email) {
        var person = people.findByEmail(email).orElseThrow(() -> new UsernameNotFoundException("unknown"));
        var memberships = people.memberships(person.id());
        var chosen = memberships.stream()
                .filter(Membership::active)
                .filter(m -> m.organizationId().equals(person.lastOrganizationId()))
                .findFirst()
                .or(() -> memberships.stream().filter(Membership::active).findFirst());
        if (chosen.isEmpty()) {
            // Disabled: a password sign-in says so only once the password matched (PasswordSignIn).
            return new CredoUser(
                    person.id(),
                    person.email(),
                    person.displayName(),
                    person.id(),
                    "",
                    "UTC",
                    java.util.Set.of(),
                    person.passwordHash(),
                    false,
                    false);
        }
        return user(person, chosen.get(), person.passwordHash());
    }

    /**
     * The same person acting in another of their organizations, if they are an active member there;
     * it becomes the organization they start in next time.
     */
    @Transactional
    public Optional<CredoUser> switchTo(UUID personId, UUID organizationId) {
        var user = inOrganization(personId, organizationId);
        user.ifPresent(u -> people.setLastOrganization(personId, organizationId));
        return user;
    }

    /** The person acting in an organization where they are an active member. */
    @Transactional(readOnly = true)
    public Optional<CredoUser> inOrganization(UUID personId, UUID organizationId) {
        var person = people.findById(personId);
        if (person.isEmpty()) {
            return Optional.empty();
        }
        return people.membership(organizationId, personId)
                .filter(Membership::active)
                .map(m -> user(person.get(), m, null));
    }

    /**
     * The user as the database now says: roles changed by an administrator apply to open sessions
     * at once, and a deactivated member is signed out.
     */
    @Transactional(readOnly = true)
    public Optional<CredoUser> current(CredoUser user) {
        return people.membership(user.organizationId(), user.personId())
                .filter(Membership::active)
                .filter(m -> !m.roles().isEmpty())
                .map(m -> m.roles().equals(user.roles()) ? user : user.withRoles(m.roles()));
    }

    /** The active organizations a person can switch between, by name. */
    @Transactional(readOnly = true)
    public List<Membership> activeMemberships(UUID personId) {
        return people.memberships(personId).stream()
                .filter(Membership::active)
                .sorted(Comparator.comparing(Membership::organizationName))
                .toList();
    }

    private CredoUser user(Person person, Membership membership, @Nullable String passwordHash) {
        return new CredoUser(
                person.id(),
                person.email(),
                person.displayName(),
                membership.organizationId(),
                membership.organizationName(),
                membership.timeZone(),
                membership.roles(),
                passwordHash,
                !membership.roles().isEmpty(),
                false);
    }
}
