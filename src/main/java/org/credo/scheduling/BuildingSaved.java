package org.credo.scheduling;

import java.util.UUID;
import org.credo.platform.Audited;
import org.credo.platform.ChangeStamp;

/** A building was added or renamed. */
public record BuildingSaved(ChangeStamp stamp, UUID buildingId, String code, String name, boolean created)
        implements Audited {

    @Override
    public String action() {
        return "building.saved";
    }

    @Override
    public String subjectType() {
        return "Building";
    }

    @Override
    public String subjectId() {
        return buildingId.toString();
    }

    @Override
    public String subjectName() {
        return code + " · " + name;
    }

    @Override
    public String summary() {
        return (created ? "Added building " : "Changed building ") + code + " (" + name + ")";
    }
}
