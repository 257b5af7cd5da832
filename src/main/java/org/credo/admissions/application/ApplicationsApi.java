package org.credo.admissions.application;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.net.URI;
import java.time.Instant;
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
import org.springframework.http.MediaType;
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
import org.springframework.web.multipart.MultipartFile;

/**
 * Applications over the REST API for the admissions office: list with filters, read, enter on a person's behalf, and
 * (also for an integrator's token) upload a document to it and submit it for the applicant.
 */
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

    @PostMapping(path = "/{id}/documents", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @PreAuthorize("hasAnyRole('ADMISSIONS_OFFICER','ADMINISTRATOR','INTEGRATOR')")
    @Operation(
            summary = "Upload a document to a draft on the applicant's behalf",
            description = "Multipart: \"field\" names a file question of the application's form, \"file\" is the"
                    + " file. The content decides its type (a renamed file is refused with 415), the question's limit"
                    + " its size (413, the upload stops at the limit); the SHA-256 is kept. The history names who"
                    + " uploaded it.")
    @ApiResponse(responseCode = "201", description = "Stored as the answer to the question")
    @ApiResponse(
            responseCode = "413",
            description = "Larger than the question allows; nothing stored",
            content = @Content(mediaType = "application/problem+json"))
    @ApiResponse(
            responseCode = "415",
            description = "A type the question does not accept; nothing stored",
            content = @Content(mediaType = "application/problem+json"))
    ResponseEntity<DocumentInfo> upload(
            @AuthenticationPrincipal CredoUser user,
            @PathVariable UUID id,
            @RequestParam(name = "field", required = false) @Nullable String field,
            @RequestParam(name = "file", required = false) @Nullable MultipartFile file)
            throws IOException {
        var application = applications.find(user.organizationId(), id);
        if (field == null || field.isBlank()) {
            throw ProblemException.invalidField("field", "name the file question the document answers.");
        }
        if (file == null || file.isEmpty()) {
            throw ProblemException.invalidField("file", "attach the file as the multipart part \"file\".");
        }
        var name = file.getOriginalFilename() == null ? "document" : file.getOriginalFilename();
        try (var content = file.getInputStream()) {
            var document = applications.attach(user.organizationId(), application.id(), field, name, content);
            return ResponseEntity.created(URI.create("/documents/" + document.id()))
                    .body(document);
        }
    }

    @PostMapping("/{id}/submit")
    @PreAuthorize("hasAnyRole('ADMISSIONS_OFFICER','ADMINISTRATOR','INTEGRATOR')")
    @Operation(
            summary = "Submit a draft on the applicant's behalf",
            description = "The same checks as the applicant's own submission: 400 lists what is missing, 409 past the"
                    + " deadline. The history records who submitted it. Idempotent: a retry on an application already"
                    + " submitted answers 200 with it, and nothing is recorded or emailed twice.")
    @ApiResponse(responseCode = "200", description = "Submitted (now or before)")
    @ApiResponse(
            responseCode = "400",
            description = "Incomplete: one error per question to answer",
            content = @Content(mediaType = "application/problem+json"))
    @ApiResponse(
            responseCode = "409",
            description = "Past the deadline, or withdrawn",
            content = @Content(mediaType = "application/problem+json"))
    ApplicationDetails submit(@AuthenticationPrincipal CredoUser user, @PathVariable UUID id) {
        var submitted = applications.submitOnBehalf(user.organizationId(), id, Instant.now(), user.displayName());
        return ApplicationDetails.of(applications, submitted);
    }
}
