package org.credo.learners;

import java.util.Set;
import java.util.UUID;
import org.credo.platform.Audited;
import org.credo.platform.ChangeStamp;

/** A hold type was defined or changed: what it blocks and which office owns it. */
public record HoldTypeSaved(
        ChangeStamp stamp, UUID holdTypeId, String name, Set<HoldAction> blocks, String officeRole, boolean active)
        implements Audited {

    @Override
    public String action() {
        return "hold-type.saved";
    }

    @Override
    public String subjectType() {
        return "HoldType";
    }

    @Override
    public String subjectId() {
        return holdTypeId.toString();
    }

    @Override
    public String subjectName() {
        return name;
    }

    @Override
    public String summary() {
        return "Hold type " + name + " blocks " + blocks + ", owned by " + officeRole + (active ? "" : " (retired)");
    }
}
