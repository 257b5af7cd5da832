package org.credo.platform.people;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import org.credo.platform.Role;

/** A member of an organization as the user list shows them. */
public record PersonRow(
        UUID personId,
        String email,
        String displayName,
        Set<Role> roles,
        boolean active,
        boolean invited,
        Instant createdAt) {

    /** Active, invited (no password yet) or deactivated, in words. */
    public String status() {
        if (!active) {
            return "Deactivated";
        }
        return invited ? "Invited" : "Active";
    }
}
