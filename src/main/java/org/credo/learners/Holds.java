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

    Holds(LearnerHolds holds) {
        this.holds = holds;
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
