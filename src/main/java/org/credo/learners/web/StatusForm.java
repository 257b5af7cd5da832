package org.credo.learners.web;

import java.time.LocalDate;
import org.jspecify.annotations.Nullable;
import org.springframework.format.annotation.DateTimeFormat;

/** A status change as typed on a learner record's status subform. */
public class StatusForm {

    static final java.util.List<String> FIELDS = java.util.List.of("status", "effectiveOn", "reason");

    private String status = "";

    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
    private @Nullable LocalDate effectiveOn;

    private String reason = "";

    public String getStatus() {
        return status;
    }

    public void setStatus(@Nullable String status) {
        this.status = status == null ? "" : status;
    }

    public @Nullable LocalDate getEffectiveOn() {
        return effectiveOn;
    }

    public void setEffectiveOn(@Nullable LocalDate effectiveOn) {
        this.effectiveOn = effectiveOn;
    }

    public String getReason() {
        return reason;
    }

    public void setReason(@Nullable String reason) {
        this.reason = reason == null ? "" : reason;
    }
}
