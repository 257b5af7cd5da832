package org.credo.catalog.intake;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.format.annotation.DateTimeFormat;

/** A new start of a program, as typed by the catalog editor. */
public class IntakeForm {

    @NotNull(message = "choose the program")
    private @Nullable UUID programId;

    private @Nullable UUID termId;

    @Size(max = 100, message = "keep it under 100 characters")
    private String termName = "";

    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
    private @Nullable LocalDate startsOn;

    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
    private @Nullable LocalDate applicationDeadline;

    public @Nullable UUID getProgramId() {
        return programId;
    }

    public void setProgramId(@Nullable UUID programId) {
        this.programId = programId;
    }

    public @Nullable UUID getTermId() {
        return termId;
    }

    public void setTermId(@Nullable UUID termId) {
        this.termId = termId;
    }

    public String getTermName() {
        return termName;
    }

    public void setTermName(String termName) {
        this.termName = termName;
    }

    public @Nullable LocalDate getStartsOn() {
        return startsOn;
    }

    public void setStartsOn(@Nullable LocalDate startsOn) {
        this.startsOn = startsOn;
    }

    public @Nullable LocalDate getApplicationDeadline() {
        return applicationDeadline;
    }

    public void setApplicationDeadline(@Nullable LocalDate applicationDeadline) {
        this.applicationDeadline = applicationDeadline;
    }
}
