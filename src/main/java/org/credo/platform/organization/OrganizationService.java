package org.credo.platform.organization;

import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import org.credo.platform.ChangeStamp;
import org.credo.platform.OrganizationCreated;
import org.credo.platform.OrganizationSummary;
import org.credo.platform.OrganizationUpdated;
import org.credo.platform.Organizations;
import org.credo.platform.ProblemException;
import org.credo.platform.Role;
import org.credo.platform.Timestamps;
import org.credo.platform.people.People;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Creates organizations and changes their settings. */
@Service
public class OrganizationService implements Organizations {

    private static final Pattern SLUG = Pattern.compile("[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?");
    private static final Set<String> RESERVED_SLUGS =
            Set.of("api", "admin", "catalog", "verify", "login", "logout", "static", "webjars", "well-known", "new");

    private final OrganizationRepository repository;
    private final People people;
    private final ApplicationEventPublisher events;

    OrganizationService(OrganizationRepository repository, People people, ApplicationEventPublisher events) {
        this.repository = repository;
        this.people = people;
        this.events = events;
    }

    /** Creates an organization whose first administrator is {@code founderId}. */
    @Transactional
    public OrganizationSummary create(String slug, OrganizationSettings settings, UUID founderId) {
        checkSlug(slug);
        if (repository.existsBySlug(slug)) {
            throw ProblemException.invalidField("slug", "'" + slug + "' is taken; choose another short name.");
        }
        var now = Timestamps.now();
        var organization = repository.save(Organization.create(settings.normalized(), slug, now));
        people.addMembership(organization.id(), founderId, EnumSet.of(Role.ADMINISTRATOR), now);
        events.publishEvent(new OrganizationCreated(
                ChangeStamp.now(organization.id()), organization.id(), organization.slug(), organization.name()));
        return organization.summary();
    }

    /** Changes the settings of an organization; records nothing when nothing changed. */
    @Transactional
    public OrganizationSummary update(UUID organizationId, OrganizationSettings settings) {
        var organization =
                repository.findById(organizationId).orElseThrow(() -> ProblemException.notFound("The organization"));
        var changes = organization.update(settings.normalized());
        if (!changes.isEmpty()) {
            repository.save(organization);
            events.publishEvent(new OrganizationUpdated(
                    ChangeStamp.now(organizationId), organizationId, String.join("; ", changes)));
        }
        return organization.summary();
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<OrganizationSummary> find(UUID id) {
        return repository.findById(id).map(Organization::summary);
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<OrganizationSummary> findBySlug(String slug) {
        return repository.findBySlug(slug).map(Organization::summary);
    }

    @Override
    @Transactional(readOnly = true)
    public List<OrganizationSummary> all() {
        return repository.findAllByOrderByName().stream()
                .map(Organization::summary)
                .toList();
    }

    static void checkSlug(String slug) {
        if (!SLUG.matcher(slug).matches()) {
            throw ProblemException.invalidField(
                    "slug", "use 1 to 63 lowercase letters, digits and inner hyphens, such as 'northfield-college'.");
        }
        if (RESERVED_SLUGS.contains(slug)) {
            throw ProblemException.invalidField("slug", "'" + slug + "' is reserved; choose another short name.");
        }
    }
}
