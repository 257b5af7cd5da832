package org.credo.scheduling.section;

import java.util.List;
import java.util.UUID;
import org.credo.scheduling.DeliveryMode;
import org.credo.scheduling.PartOfTerm;
import org.jspecify.annotations.Nullable;

/**
 * A section as typed in a form or an API body. The course code is only read when the section is created.
 *
 * @param crossListWith a section of the same term to meet together with, sharing its room
 * @param linkedTo a section of the same term this one goes with (a lab's lecture)
 */
public record SectionDraft(
        @Nullable String courseCode,
        @Nullable PartOfTerm part,
        @Nullable String number,
        @Nullable Integer capacity,
        @Nullable Integer waitlistCapacity,
        @Nullable DeliveryMode deliveryMode,
        List<UUID> instructorIds,
        @Nullable UUID crossListWith,
        @Nullable UUID linkedTo) {
    public SectionDraft {
        instructorIds = instructorIds == null ? List.of() : List.copyOf(instructorIds);
    }
}
