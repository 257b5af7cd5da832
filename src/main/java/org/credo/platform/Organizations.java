package org.credo.platform;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The platform facade for organizations, for other modules. */
public interface Organizations {

    /** The organization with this id. */
    Optional<OrganizationSummary> find(UUID id);

    /** The organization with this slug, as used in public URLs. */
    Optional<OrganizationSummary> findBySlug(String slug);

    /** Every organization, by name. */
    List<OrganizationSummary> all();
}
