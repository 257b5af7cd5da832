package org.credo.learners.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Past;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.UUID;
import org.credo.learners.LearnerStatus;
import org.credo.learners.record.Learner;
import org.credo.learners.record.LearnerDetails;
import org.jspecify.annotations.Nullable;
import org.springframework.format.annotation.DateTimeFormat;

/** A learner record as typed by staff on the create and edit forms. */
public class LearnerForm {

    @NotBlank(message = "give the legal given name")
    @Size(max = 100, message = "keep it under 100 characters")
    private String legalGivenName = "";

    @NotBlank(message = "give the legal family name")
    @Size(max = 100, message = "keep it under 100 characters")
    private String legalFamilyName = "";

    @Size(max = 100, message = "keep it under 100 characters")
    private @Nullable String preferredName;

    @Past(message = "the date of birth must be in the past")
    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
    private @Nullable LocalDate dateOfBirth;

    @Size(max = 40, message = "keep it under 40 characters")
    private @Nullable String pronouns;

    private @Nullable UUID programId;

    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
    private @Nullable LocalDate matriculatedOn;

    private boolean directoryOptOut;

    private LearnerStatus status = LearnerStatus.PROSPECT;

    @Size(max = 254, message = "keep it under 254 characters")
    private @Nullable String email;

    static LearnerForm of(Learner l) {
        var f = new LearnerForm();
        f.legalGivenName = l.legalGivenName();
        f.legalFamilyName = l.legalFamilyName();
        f.preferredName = l.preferredName();
        f.dateOfBirth = l.dateOfBirth();
        f.pronouns = l.pronouns();
        f.programId = l.programId();
        f.matriculatedOn = l.matriculatedOn();
        f.directoryOptOut = l.directoryOptOut();
        f.status = l.status();
        return f;
    }

    LearnerDetails details() {
        return new LearnerDetails(
                legalGivenName,
                legalFamilyName,
                preferredName,
                dateOfBirth,
                pronouns,
                programId,
                matriculatedOn,
                directoryOptOut);
    }

    public String getLegalGivenName() {
        return legalGivenName;
    }

    public void setLegalGivenName(String legalGivenName) {
        this.legalGivenName = legalGivenName;
    }

    public String getLegalFamilyName() {
        return legalFamilyName;
    }

    public void setLegalFamilyName(String legalFamilyName) {
        this.legalFamilyName = legalFamilyName;
    }

    public @Nullable String getPreferredName() {
        return preferredName;
    }

    public void setPreferredName(@Nullable String preferredName) {
        this.preferredName = preferredName;
    }

    public @Nullable LocalDate getDateOfBirth() {
        return dateOfBirth;
    }

    public void setDateOfBirth(@Nullable LocalDate dateOfBirth) {
        this.dateOfBirth = dateOfBirth;
    }

    public @Nullable String getPronouns() {
        return pronouns;
    }

    public void setPronouns(@Nullable String pronouns) {
        this.pronouns = pronouns;
    }

    public @Nullable UUID getProgramId() {
        return programId;
    }

    public void setProgramId(@Nullable UUID programId) {
        this.programId = programId;
    }

    public @Nullable LocalDate getMatriculatedOn() {
        return matriculatedOn;
    }

    public void setMatriculatedOn(@Nullable LocalDate matriculatedOn) {
        this.matriculatedOn = matriculatedOn;
    }

    public boolean isDirectoryOptOut() {
        return directoryOptOut;
    }

    public void setDirectoryOptOut(boolean directoryOptOut) {
        this.directoryOptOut = directoryOptOut;
    }

    public LearnerStatus getStatus() {
        return status;
    }

    public void setStatus(LearnerStatus status) {
        this.status = status;
    }

    public @Nullable String getEmail() {
        return email;
    }

    public void setEmail(@Nullable String email) {
        this.email = email;
    }
}
