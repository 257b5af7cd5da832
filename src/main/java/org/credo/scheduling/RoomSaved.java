package org.credo.scheduling;

import java.util.List;
import java.util.UUID;
import org.credo.platform.Audited;
import org.credo.platform.ChangeStamp;

/** A room was added or changed: capacity, features, accessibility, whether it is in use. */
public record RoomSaved(
        ChangeStamp stamp,
        UUID roomId,
        String name,
        int capacity,
        List<String> features,
        boolean accessible,
        boolean active,
        boolean created)
        implements Audited {

    @Override
    public String action() {
        return "room.saved";
    }

    @Override
    public String subjectType() {
        return "Room";
    }

    @Override
    public String subjectId() {
        return roomId.toString();
    }

    @Override
    public String subjectName() {
        return name;
    }

    @Override
    public String summary() {
        return (created ? "Added room " : "Changed room ") + name + ": " + capacity + " seats"
                + (features.isEmpty() ? "" : ", " + String.join(", ", features)) + (accessible ? ", accessible" : "")
                + (active ? "" : " (out of use)");
    }
}
