package org.credo.platform.organization;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.repository.ListCrudRepository;

/** All organizations. */
interface OrganizationRepository extends ListCrudRepository<Organization, UUID> {

    Optional<Organization> findBySlug(String slug);

    boolean existsBySlug(String slug);

    List<Organization> findAllByOrderByName();
}
