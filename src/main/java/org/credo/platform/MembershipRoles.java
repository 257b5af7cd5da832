package org.credo.platform;

import java.util.EnumSet;
import java.util.UUID;
import org.credo.platform.people.People;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Lets other modules add a role to a member of an organization (say, LEARNER on matriculation). */
@Service
public class MembershipRoles {

    private final People people;
    private final ApplicationEventPublisher events;

    MembershipRoles(People people, ApplicationEventPublisher events) {
        this.people = people;
        this.events = events;
    }

    /**
     * Adds a role to the person's membership of the organization, creating the membership when they have none; the
     * person's open sessions pick it up on their next request. Returns whether anything changed.
     */
    @Transactional
    public boolean grant(UUID organizationId, UUID personId, Role role) {
        var person = people.findById(personId).orElseThrow(() -> ProblemException.notFound("That person"));
        var membership = people.membership(organizationId, personId);
        if (membership.isEmpty()) {
            people.addMembership(organizationId, personId, EnumSet.of(role), Timestamps.now());
            events.publishEvent(new MembershipRolesChanged(
                    ChangeStamp.now(organizationId), personId, person.email(), "", rolesText(EnumSet.of(role))));
            return true;
        }
        var before = membership.get().roles().isEmpty()
                ? EnumSet.noneOf(Role.class)
                : EnumSet.copyOf(membership.get().roles());
        if (before.contains(role)) {
            return false;
        }
        var after = EnumSet.copyOf(before);
        after.add(role);
        people.replaceRoles(membership.get().id(), after);
        events.publishEvent(new MembershipRolesChanged(
                ChangeStamp.now(organizationId), personId, person.email(), rolesText(before), rolesText(after)));
        return true;
    }

    private static String rolesText(java.util.Set<Role> roles) {
        return String.join(",", roles.stream().sorted().map(Role::name).toList());
    }
}
