package org.credo.platform.tokens;

import java.util.UUID;
import org.credo.platform.CredoUser;
import org.credo.platform.Organizations;
import org.credo.platform.ProblemException;
import org.credo.platform.people.Accounts;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Decides where a new token acts: the organization named at its creation, or the owner's only one.
 * Never the organization last chosen in the UI, which the owner may change at any time.
 */
@Component
class TokenOwners {

    private final Accounts accounts;
    private final Organizations organizations;

    TokenOwners(Accounts accounts, Organizations organizations) {
        this.accounts = accounts;
        this.organizations = organizations;
    }

    /** The person acting in the named organization, or in their only one when none is named. */
    CredoUser in(UUID personId, @Nullable UUID organizationId) {
        if (organizationId != null) {
            return accounts.inOrganization(personId, organizationId)
                    .orElseThrow(() -> ProblemException.invalidField(
                            "organization",
                            "you are not an active member of "
                                    + organizations
                                            .find(organizationId)
                                            .map(o -> o.name())
                                            .orElse("that organization")
                                    + "."));
        }
        var memberships = accounts.activeMemberships(personId);
        if (memberships.size() == 1) {
            return accounts.inOrganization(personId, memberships.get(0).organizationId())
                    .orElseThrow();
        }
        var choices = memberships.stream()
                .flatMap(m -> organizations.find(m.organizationId()).stream())
                .map(o -> "'" + o.slug() + "' (" + o.name() + ")")
                .toList();
        throw ProblemException.invalidField(
                "organization",
                "you are a member of " + String.join(", ", choices)
                        + "; name the organization this token acts in by its slug.");
    }
}
