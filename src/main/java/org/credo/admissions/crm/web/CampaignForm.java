package org.credo.admissions.crm.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.UUID;
import org.credo.admissions.ApplicationStatus;
import org.credo.admissions.crm.Campaign;
import org.credo.admissions.crm.Campaigns;
import org.credo.learners.LearnerStatus;
import org.jspecify.annotations.Nullable;

/** The campaign form, as typed; kept as typed when it is refused. */
public class CampaignForm {

    @NotBlank(message = "give the campaign a name.")
    @Size(max = 200, message = "keep the name to 200 characters.")
    private String name = "";

    @NotNull(message = "choose marketing or transactional.")
    private Campaign.@Nullable Kind kind = Campaign.Kind.MARKETING;

    private @Nullable UUID programId;
    private @Nullable UUID cycleId;
    private @Nullable ApplicationStatus applicationStatus;
    private @Nullable LearnerStatus learnerStatus;

    @NotBlank(message = "write a subject.")
    @Size(max = 300, message = "keep the subject to 300 characters.")
    private String subject = "";

    @NotBlank(message = "write the message.")
    @Size(max = 20000, message = "keep the message to 20,000 characters.")
    private String body = "Dear {{preferredName}},\n\n";

    static CampaignForm of(Campaign c) {
        var form = new CampaignForm();
        form.name = c.name();
        form.kind = c.kind();
        form.programId = c.segment().programId();
        form.cycleId = c.segment().cycleId();
        form.applicationStatus = c.segment().applicationStatus();
        form.learnerStatus = c.segment().learnerStatus();
        form.subject = c.subject();
        form.body = c.body();
        return form;
    }

    Campaigns.Draft draft() {
        return new Campaigns.Draft(
                name,
                kind == null ? Campaign.Kind.MARKETING : kind,
                new Campaign.Segment(programId, cycleId, applicationStatus, learnerStatus),
                subject,
                body);
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public Campaign.@Nullable Kind getKind() {
        return kind;
    }

    public void setKind(Campaign.@Nullable Kind kind) {
        this.kind = kind;
    }

    public @Nullable UUID getProgramId() {
        return programId;
    }

    public void setProgramId(@Nullable UUID programId) {
        this.programId = programId;
    }

    public @Nullable UUID getCycleId() {
        return cycleId;
    }

    public void setCycleId(@Nullable UUID cycleId) {
        this.cycleId = cycleId;
    }

    public @Nullable ApplicationStatus getApplicationStatus() {
        return applicationStatus;
    }

    public void setApplicationStatus(@Nullable ApplicationStatus applicationStatus) {
        this.applicationStatus = applicationStatus;
    }

    public @Nullable LearnerStatus getLearnerStatus() {
        return learnerStatus;
    }

    public void setLearnerStatus(@Nullable LearnerStatus learnerStatus) {
        this.learnerStatus = learnerStatus;
    }

    public String getSubject() {
        return subject;
    }

    public void setSubject(String subject) {
        this.subject = subject;
    }

    public String getBody() {
        return body;
    }

    public void setBody(String body) {
        this.body = body;
    }
}
