package org.credo.learners;

import java.util.List;
import java.util.UUID;
import org.credo.learners.hold.LearnerHolds;
import org.springframework.stereotype.Service;

/** The holds facade: later modules ask it before registration, transcripts, graduation or credential release. */
@Service
public class Holds {

    /** An active hold as other modules see it: what it is, what it blocks and what the learner must do. */
    public record ActiveHold(UUID holdId, String type, java.util.Set<HoldAction> blocks, String instructions) {}

    private final LearnerHolds holds;
    private final org.credo.learners.hold.HoldTypes types;

    Holds(LearnerHolds holds, org.credo.learners.hold.HoldTypes types) {
        this.holds = holds;
        this.types = types;
    }

    /** A hold, active or released, as a learner's timeline shows it. */
    public record HoldEntry(
            UUID holdId,
            String type,
            String reason,
            String placedBy,
            java.time.Instant placedAt,
            java.time.@org.jspecify.annotations.Nullable Instant releasedAt,
            @org.jspecify.annotations.Nullable String releasedBy,
            @org.jspecify.annotations.Nullable String releaseReason) {}

    /** Every hold ever placed on the learner, active or released. */
    public List<HoldEntry> history(UUID organizationId, UUID learnerId) {
        return holds.of(organizationId, learnerId).stream()
                .map(h -> new HoldEntry(
                        h.id(),
                        h.typeName(),
                        h.reason(),
                        h.placedBy(),
                        h.placedAt(),
                        h.releasedAt(),
                        h.releasedBy(),
                        h.releaseReason()))
                .toList();
    }

    /**
     * Places a hold that another module's own rule calls for (billing's past-due balance), of the office's hold type
     * with this name, defining the type first when the organization has none; returns the hold's id.
     */
    public UUID placeFor(
            UUID organizationId,
            UUID learnerId,
            org.credo.platform.Role office,
            String typeName,
            java.util.Set<HoldAction> blocks,
            String instructions,
            String reason) {
        var type = types.all(organizationId).stream()
                .filter(t -> t.active() && t.office() == office && t.name().equalsIgnoreCase(typeName))
                .findFirst()
                .orElseGet(() -> types.save(organizationId, null, typeName, blocks, office, instructions, true));
        return holds.place(office(organizationId, office), learnerId, type.id(), reason)
                .id();
    }

    /** Releases a hold placed by {@link #placeFor}, when it is still active. */
    public void releaseFor(UUID organizationId, UUID holdId, org.credo.platform.Role office, String reason) {
        if (holds.find(organizationId, holdId).active()) {
            holds.release(office(organizationId, office), holdId, reason);
        }
    }

    /** Whether the hold is still active (an office may have released it by hand). */
    public boolean active(UUID organizationId, UUID holdId) {
        return holds.find(organizationId, holdId).active();
    }

    private static org.credo.platform.CredoUser office(UUID organizationId, org.credo.platform.Role office) {
        return new org.credo.platform.CredoUser(
                new UUID(0, 0),
                "system@credo.invalid",
                org.credo.platform.ChangeStamp.SYSTEM,
                organizationId,
                "",
                "UTC",
                java.util.Set.of(office),
                null,
                true,
                false);
    }

    /** Whether an active hold on the learner blocks the action. */
    public boolean blocks(UUID organizationId, UUID learnerId, HoldAction action) {
        return holds.blocks(organizationId, learnerId, action);
    }

    /** The active holds that block the action, to tell the learner why and what to do. */
    public List<ActiveHold> blocking(UUID organizationId, UUID learnerId, HoldAction action) {
        return holds.of(organizationId, learnerId).stream()
                .filter(h -> h.active() && h.blocks().contains(action))
                .map(h -> new ActiveHold(h.id(), h.typeName(), h.blocks(), h.instructions()))
                .toList();
    }
}
