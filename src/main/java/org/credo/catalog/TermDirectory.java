package org.credo.catalog;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The terms an organization schedules, as the catalog's intakes refer to them. The catalog does not depend on
 * scheduling (scheduling depends on the catalog for courses): scheduling provides this, and the catalog asks it.
 */
public interface TermDirectory {

    /** A term a program can start in. */
    record TermChoice(UUID termId, String code, String name, LocalDate startsOn, LocalDate endsOn) {}

    /** The organization's terms, soonest first. */
    List<TermChoice> terms(UUID organizationId);

    /** One term of the organization. */
    default Optional<TermChoice> term(UUID organizationId, UUID termId) {
        return terms(organizationId).stream()
                .filter(t -> t.termId().equals(termId))
                .findFirst();
    }
}
