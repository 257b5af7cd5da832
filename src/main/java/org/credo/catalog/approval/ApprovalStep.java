package org.credo.catalog.approval;

import java.util.UUID;
import org.credo.platform.Role;
import org.jspecify.annotations.Nullable;

/** A step of the approval chain: reviewed by holders of a role or by members of a group. */
public record ApprovalStep(
        UUID id,
        int position,
        String name,
        @Nullable Role role,
        @Nullable UUID groupId,
        @Nullable String groupName) {

    /** Who reviews, in words: 'Committee member' or 'group Curriculum committee'. */
    public String reviewers() {
        return role != null ? role.label() : "group " + groupName;
    }
}
