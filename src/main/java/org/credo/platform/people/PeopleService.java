package org.credo.platform.people;

import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;
import org.credo.platform.ChangeStamp;
import org.credo.platform.InvitationAccepted;
import org.credo.platform.Mailer;
import org.credo.platform.MembershipDeactivated;
import org.credo.platform.MembershipReactivated;
import org.credo.platform.MembershipRolesChanged;
import org.credo.platform.PasswordReset;
import org.credo.platform.PersonInvited;
import org.credo.platform.ProblemException;
import org.credo.platform.Role;
import org.credo.platform.Timestamps;
import org.credo.platform.config.CredoProperties;
import org.credo.platform.people.AccountTokens.Purpose;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Invites people, changes their roles, deactivates them, and lets them set and reset passwords. */
@Service
public class PeopleService {

    private final People people;
    private final AccountTokens tokens;
    private final Mailer mailer;
    private final PasswordEncoder passwordEncoder;
    private final ApplicationEventPublisher events;
    private final CredoProperties properties;
    private final SignInThrottle throttle;

    PeopleService(
            People people,
            AccountTokens tokens,
            Mailer mailer,
            PasswordEncoder passwordEncoder,
            ApplicationEventPublisher events,
            CredoProperties properties,
            SignInThrottle throttle) {
        this.people = people;
        this.tokens = tokens;
        this.mailer = mailer;
        this.passwordEncoder = passwordEncoder;
        this.events = events;
        this.properties = properties;
        this.throttle = throttle;
    }

    /**
     * Adds a person to an organization. A new person gets an emailed invitation link to set a
     * password; someone who already has an account is told by email that they were added.
     */
    @Transactional
    public UUID invite(UUID organizationId, String organizationName, Invitation invitation) {
        var email = People.normalizeEmail(invitation.email());
        var existing = people.findByEmail(email);
        var now = Timestamps.now();
        UUID personId;
        if (existing.isPresent()) {
            personId = existing.get().id();
            if (people.membership(organizationId, personId).isPresent()) {
                throw ProblemException.conflict(
                        "Already a member",
                        email + " already belongs to " + organizationName + "; change their roles instead.");
            }
        } else {
            personId = UUID.randomUUID();
            people.insert(new Person(personId, email, invitation.displayName().trim(), null, null, now), false);
        }
        people.addMembership(organizationId, personId, invitation.roles(), now);
        events.publishEvent(new PersonInvited(
                ChangeStamp.now(organizationId), personId, email, People.rolesText(invitation.roles())));
        if (existing.isPresent() && existing.get().hasPassword()) {
            mailer.send(
                    email,
                    "You were added to " + organizationName + " on Credo",
                    "Hello " + existing.get().displayName() + ",\n\nYou can now work in " + organizationName
                            + " on Credo as " + labels(invitation.roles()) + ".\nSign in at "
                            + properties.link("/login") + " and pick it in the organization menu.\n");
        } else {
            var token = tokens.issue(
                    personId,
                    organizationId,
                    Purpose.INVITATION,
                    properties.security().invitationValidity());
            mailer.send(
                    email,
                    "Your invitation to " + organizationName + " on Credo",
                    "Hello " + invitation.displayName().trim() + ",\n\nYou are invited to join " + organizationName
                            + " on Credo as " + labels(invitation.roles())
                            + ".\nSet your password here (the link works once and expires in "
                            + properties.security().invitationValidity().toDays() + " days):\n\n"
                            + properties.link("/invitations/" + token) + "\n");
        }
        return personId;
    }

    /** Replaces a member's roles; the last active administrator keeps that role. */
    @Transactional
    public void changeRoles(UUID organizationId, UUID personId, Set<Role> roles) {
        if (roles.isEmpty()) {
            throw ProblemException.invalidField("roles", "choose at least one role, or deactivate the member instead.");
        }
        var membership =
                people.membership(organizationId, personId).orElseThrow(() -> ProblemException.notFound("That member"));
        var before = EnumSet.copyOf(membership.roles().isEmpty() ? EnumSet.noneOf(Role.class) : membership.roles());
        if (before.equals(roles)) {
            return;
        }
        if (before.contains(Role.ADMINISTRATOR) && !roles.contains(Role.ADMINISTRATOR) && membership.active()) {
            requireAnotherAdministrator(organizationId);
        }
        people.replaceRoles(membership.id(), roles);
        var person = people.findById(personId).orElseThrow();
        events.publishEvent(new MembershipRolesChanged(
                ChangeStamp.now(organizationId),
                personId,
                person.email(),
                People.rolesText(before),
                People.rolesText(roles)));
    }

    /** Stops a member from acting in the organization, at once, also in open sessions. */
    @Transactional
    public void deactivate(UUID organizationId, UUID personId, UUID actingPersonId) {
        if (personId.equals(actingPersonId)) {
            throw ProblemException.conflict("Cannot deactivate yourself", "Ask another administrator to do it.");
        }
        var membership =
                people.membership(organizationId, personId).orElseThrow(() -> ProblemException.notFound("That member"));
        if (!membership.active()) {
            throw ProblemException.conflict("Already deactivated", "This member is already deactivated.");
        }
        if (membership.roles().contains(Role.ADMINISTRATOR)) {
            requireAnotherAdministrator(organizationId);
        }
        people.setActive(membership.id(), false);
        var person = people.findById(personId).orElseThrow();
        events.publishEvent(new MembershipDeactivated(ChangeStamp.now(organizationId), personId, person.email()));
    }

    /** Lets a deactivated member act in the organization again. */
    @Transactional
    public void reactivate(UUID organizationId, UUID personId) {
        var membership =
                people.membership(organizationId, personId).orElseThrow(() -> ProblemException.notFound("That member"));
        if (membership.active()) {
            throw ProblemException.conflict("Already active", "This member is already active.");
        }
        people.setActive(membership.id(), true);
        var person = people.findById(personId).orElseThrow();
        events.publishEvent(new MembershipReactivated(ChangeStamp.now(organizationId), personId, person.email()));
    }

    /** The email address an invitation link was sent to, to greet the person on the form. */
    @Transactional(readOnly = true)
    public String invitationEmail(String token) {
        var redeemed = tokens.peek(token, Purpose.INVITATION);
        return people.findById(redeemed.personId()).orElseThrow().email();
    }

    /** Sets the password of an invited person; the link works once. */
    @Transactional
    public void acceptInvitation(String token, String password) {
        var redeemed = tokens.peek(token, Purpose.INVITATION);
        var person = people.lock(redeemed.personId()).orElseThrow();
        PasswordPolicy.check(password, person.email());
        tokens.redeem(token, Purpose.INVITATION);
        people.setPassword(person.id(), passwordEncoder.encode(password));
        var organizationId = redeemed.organizationId();
        if (organizationId != null) {
            people.setLastOrganization(person.id(), organizationId);
            events.publishEvent(new InvitationAccepted(
                    ChangeStamp.by(organizationId, person.id(), person.displayName()), person.id(), person.email()));
        }
    }

    /**
     * Emails a password reset link if the address belongs to someone; says nothing either way, so
     * that the form cannot be used to find out who has an account.
     */
    @Transactional
    public void requestPasswordReset(String email) {
        var person = people.findByEmail(email);
        if (person.isEmpty()) {
            return;
        }
        var token = tokens.issue(
                person.get().id(),
                null,
                Purpose.PASSWORD_RESET,
                properties.security().passwordResetValidity());
        mailer.send(
                person.get().email(),
                "Reset your Credo password",
                "Hello " + person.get().displayName()
                        + ",\n\nSomeone (hopefully you) asked to reset your Credo password."
                        + "\nChoose a new one here (the link works once and expires in "
                        + properties.security().passwordResetValidity().toMinutes() + " minutes):\n\n"
                        + properties.link("/password/reset?token=" + token)
                        + "\n\nIf you did not ask for this, ignore this email; your password stays as it is.\n");
    }

    /** Checks a reset link before showing the form. */
    @Transactional(readOnly = true)
    public void checkPasswordResetToken(String token) {
        tokens.peek(token, Purpose.PASSWORD_RESET);
    }

    /** Sets a new password with a reset link; the link works once and resumes paused password sign-in. */
    @Transactional
    public void resetPassword(String token, String password) {
        var redeemed = tokens.peek(token, Purpose.PASSWORD_RESET);
        var person = people.lock(redeemed.personId()).orElseThrow();
        PasswordPolicy.check(password, person.email());
        tokens.redeem(token, Purpose.PASSWORD_RESET);
        tokens.invalidateAll(person.id(), Purpose.PASSWORD_RESET);
        people.setPassword(person.id(), passwordEncoder.encode(password));
        // Only the owner of the mailbox gets here: the strangers' failures for this email stop counting.
        throttle.forget(person.email());
        for (var membership : people.memberships(person.id())) {
            events.publishEvent(new PasswordReset(
                    ChangeStamp.by(membership.organizationId(), person.id(), person.displayName()),
                    person.id(),
                    person.email()));
        }
    }

    private void requireAnotherAdministrator(UUID organizationId) {
        if (people.countActiveAdministrators(organizationId) <= 1) {
            throw ProblemException.conflict(
                    "Last administrator",
                    "This is the organization's last active administrator; make someone else an administrator first.");
        }
    }

    private static String labels(Set<Role> roles) {
        return String.join(", ", roles.stream().sorted().map(Role::label).toList());
    }
}
