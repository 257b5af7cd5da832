package org.credo.scheduling.room;

import java.util.List;
import java.util.UUID;

/** A room where sections meet: its seats, features (lab, projector, ...), accessibility and whether it is in use. */
public record Room(
        UUID id,
        UUID buildingId,
        String buildingCode,
        String number,
        int capacity,
        List<String> features,
        boolean accessible,
        boolean active) {

    /** What people call the room: 'SCI 101'. */
    public String name() {
        return buildingCode + " " + number;
    }
}
