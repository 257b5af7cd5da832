package org.credo.platform.people;

import java.util.Set;
import java.util.UUID;
import org.credo.platform.Role;

/** A person's place in one organization: active or not, with roles. */
public record Membership(
        UUID id,
        UUID organizationId,
        String organizationName,
        String timeZone,
        UUID personId,
        boolean active,
        Set<Role> roles) {}
