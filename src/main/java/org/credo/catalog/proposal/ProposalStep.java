package org.credo.catalog.proposal;

import java.util.UUID;
import org.credo.platform.Role;
import org.jspecify.annotations.Nullable;

/**
 * A step of the chain as it stood when the proposal was submitted. Status: WAITING (a later
 * position), PENDING (under review now), APPROVED, RETURNED, REJECTED, or CANCELLED (the round ended
 * before it was reached).
 */
public record ProposalStep(
        UUID id,
        int round,
        int position,
        String name,
        @Nullable String role,
        @Nullable UUID groupId,
        @Nullable String groupName,
        String status) {

    /** Who reviews, in words. */
    public String reviewers() {
        if (role != null) {
            return Role.parse(role).map(Role::label).orElse(role);
        }
        return "group " + (groupName == null ? "(removed)" : groupName);
    }
}
