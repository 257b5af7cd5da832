package org.credo.platform.people;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.credo.platform.AccountLocked;
import org.credo.platform.ChangeStamp;
import org.credo.platform.CredoUser;
import org.credo.platform.Timestamps;
import org.credo.platform.config.CredoProperties;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Turns a person into a {@link CredoUser} acting in one organization, and keeps count of failed
 * sign-ins so that repeated guessing locks the account for a while.
 */
@Service
public class Accounts implements UserDetailsService {

    private final People people;
    private final CredoProperties properties;
    private final ApplicationEventPublisher events;

    Accounts(People people, CredoProperties properties, ApplicationEventPublisher events) {
        this.people = people;
        this.properties = properties;
        this.events = events;
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
            // Disabled: Spring Security then says the account is disabled without checking more.
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
                    person.lockedAt(Instant.now()));
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
        if (person.isEmpty() || person.get().lockedAt(Instant.now())) {
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

    /** Counts a failed sign-in; the last allowed failure locks the account for the lockout period. */
    @Transactional
    public void recordFailedSignIn(String email) {
        var found = people.findByEmail(email);
        if (found.isEmpty()) {
            return;
        }
        var person = people.lock(found.get().id()).orElseThrow();
        int failures = person.failedSignIns() + 1;
        @Nullable Instant lockedUntil = null;
        if (failures >= properties.security().maxFailedSignIns()) {
            lockedUntil = Timestamps.now().plus(properties.security().lockout());
            for (var membership : people.memberships(person.id())) {
                events.publishEvent(new AccountLocked(
                        ChangeStamp.by(membership.organizationId(), person.id(), person.displayName()),
                        person.id(),
                        person.email(),
                        failures,
                        lockedUntil));
            }
            failures = 0;
        }
        people.recordFailedSignIn(person.id(), failures, lockedUntil);
    }

    /** Forgets earlier failed sign-ins after a successful one. */
    @Transactional
    public void recordSuccessfulSignIn(UUID personId) {
        people.recordSuccessfulSignIn(personId);
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
                person.lockedAt(Instant.now()));
    }
}
