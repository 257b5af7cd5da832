package org.credo.registration.enrollment;

import java.time.ZoneId;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.credo.platform.OrganizationUpdated;
import org.credo.platform.Organizations;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Each organization's time zone, read once and kept until the organization changes: every add and drop asks for
 * "today" where the organization is, and reading the organization each time was a tenth of an add.
 */
@Component
class OrganizationZones {

    private final Organizations organizations;
    private final Map<UUID, ZoneId> zones = new ConcurrentHashMap<>();

    OrganizationZones(Organizations organizations) {
        this.organizations = organizations;
    }

    ZoneId of(UUID organizationId) {
        return zones.computeIfAbsent(
                organizationId,
                id -> organizations.find(id).map(o -> ZoneId.of(o.timeZone())).orElse(ZoneId.of("UTC")));
    }

    @EventListener
    void on(OrganizationUpdated updated) {
        zones.remove(updated.organizationId());
    }
}
