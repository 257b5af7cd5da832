package org.credo.admissions.application;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.credo.admissions.ApplicationStatus;
import org.credo.admissions.application.Application.Source;
import org.credo.documents.DocumentInfo;
import org.credo.platform.CredoUser;
import org.credo.platform.PageQuery;
import org.credo.platform.PageResult;
import org.credo.platform.ProblemException;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Applications over the REST API for the admissions office: list with filters, read, enter on a person's behalf. */
@RestController
@RequestMapping("/api/v1/applications")
@Tag(name = "Applications", description = "Applications with their answers, documents, checklist and history")
@PreAuthorize("hasAnyRole('ADMISSIONS_OFFICER','ADMINISTRATOR')")
class ApplicationsApi {

    /** An application with everything about it. */
    record ApplicationDetails(
            Application application,
            Map<String, String> answers,
            Map<String, DocumentInfo> documents,
            Checklist checklist,
            List<ApplicationEvent> history) {

        static ApplicationDetails of(Applications applications, Application a) {
            return new ApplicationDetails(
                    a,
                    applications.answers(a.organizationId(), a.id()),
                    applications.documents(a.organizationId(), a.id()),
                    applications.checklist(a),
                    applications.history(a.organizationId(), a.id()));
        }
    }

    /** What staff give to enter an application; answers are optional and keyed by question. */
    record NewApplication(
            @Nullable UUID cycleId,
            @Nullable String applicantName,
            @Nullable String applicantEmail,
            @Nullable Map<String, String> answers) {}

    private final Applications applications;

    ApplicationsApi(Applications applications) {
        this.applications = applications;
    }

    @GetMapping
    @Operation(
            summary = "List applications",
            description = "q matches name, email and number; cycleId, programId and status filter.")
    PageResult<Application> list(
            @AuthenticationPrincipal CredoUser user,
            @RequestParam(required = false) @Nullable String q,
            @RequestParam(required = false) @Nullable UUID cycleId,
            @RequestParam(required = false) @Nullable UUID programId,
            @RequestParam(required = false) @Nullable ApplicationStatus status,
            @RequestParam(required = false) @Nullable Integer page,
            @RequestParam(required = false) @Nullable Integer size,
            @RequestParam(required = false) @Nullable String sort) {
        return applications.page(
                user.organizationId(),
                q,
                cycleId,
                programId,
                status,
                PageQuery.of(page, size, sort, Applications.SORTABLE, false));
    }

    @GetMapping("/{id}")
    @Operation(summary = "An application with its answers, documents, checklist and history")
    ApplicationDetails get(@AuthenticationPrincipal CredoUser user, @PathVariable UUID id) {
        return ApplicationDetails.of(applications, applications.find(user.organizationId(), id));
    }

    @PostMapping
    @Operation(summary = "Enter a draft application on an applicant's behalf (source STAFF), with answers if given")
    ResponseEntity<ApplicationDetails> create(
            @AuthenticationPrincipal CredoUser user, @RequestBody NewApplication body) {
        if (body.cycleId() == null) {
            throw ProblemException.invalidField("cycleId", "give the cycle the application is for.");
        }
        var org = user.organizationId();
        var application = applications.start(
                org,
                body.cycleId(),
                null,
                body.applicantName() == null ? "" : body.applicantName(),
                body.applicantEmail() == null ? "" : body.applicantEmail(),
                Source.STAFF);
        if (body.answers() != null && !body.answers().isEmpty()) {
            application = applications.saveAnswers(org, application.id(), body.answers());
        }
        return ResponseEntity.created(URI.create("/api/v1/applications/" + application.id()))
                .body(ApplicationDetails.of(applications, application));
    }
}
