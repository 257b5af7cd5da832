package org.credo.learners.web;

import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A hold as typed on the place-hold subform of the holds page or of a learner record. */
public class HoldForm {

    static final java.util.List<String> FIELDS = java.util.List.of("learnerNumber", "holdTypeId", "reason");

    private String learnerNumber = "";

    private @Nullable UUID holdTypeId;

    private String reason = "";

    public String getLearnerNumber() {
        return learnerNumber;
    }

    public void setLearnerNumber(@Nullable String learnerNumber) {
        this.learnerNumber = learnerNumber == null ? "" : learnerNumber;
    }

    public @Nullable UUID getHoldTypeId() {
        return holdTypeId;
    }

    public void setHoldTypeId(@Nullable UUID holdTypeId) {
        this.holdTypeId = holdTypeId;
    }

    public String getReason() {
        return reason;
    }

    public void setReason(@Nullable String reason) {
        this.reason = reason == null ? "" : reason;
    }
}
