package org.credo.platform;

import java.util.List;

/**
 * Contributes cards to the home page. Each module that owns a role's work declares a bean; the home page asks every
 * contributor for the cards of the roles the signed-in person holds in the current organization.
 */
@FunctionalInterface
public interface HomeCards {

    /** The cards for this person, for the roles they hold; an empty list when none applies. */
    List<HomeCard> cards(CredoUser user);
}
