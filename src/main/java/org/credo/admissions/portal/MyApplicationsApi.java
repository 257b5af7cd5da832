package org.credo.admissions.portal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.credo.admissions.application.Application;
import org.credo.admissions.application.Application.Source;
import org.credo.admissions.application.ApplicationEvent;
import org.credo.admissions.application.Applications;
import org.credo.admissions.application.Checklist;
import org.credo.documents.DocumentInfo;
import org.credo.platform.CredoUser;
import org.credo.platform.ProblemException;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** The applicant's own applications over the REST API: only their own, never anyone else's. */
@RestController
@RequestMapping("/api/v1/me/applications")
@Tag(name = "My applications", description = "The signed-in applicant's own applications")
@PreAuthorize("hasRole('APPLICANT')")
class MyApplicationsApi {

    /** An own application with its answers, documents, checklist and history. */
    record MyApplication(
            Application application,
            Map<String, String> answers,
            Map<String, DocumentInfo> documents,
            Checklist checklist,
            List<ApplicationEvent> history) {}

    /** The cycle to apply to. */
    record Start(@Nullable UUID cycleId) {}

    private final Applications applications;

    MyApplicationsApi(Applications applications) {
        this.applications = applications;
    }

    @GetMapping
    @Operation(summary = "My applications, newest first")
    List<Application> list(@AuthenticationPrincipal CredoUser user) {
        return applications.ofPerson(user.organizationId(), user.personId());
    }

    @GetMapping("/{id}")
    @Operation(summary = "One of my applications (404 for anyone else's)")
    MyApplication get(@AuthenticationPrincipal CredoUser user, @PathVariable UUID id) {
        return details(applications.own(user.organizationId(), user.personId(), id));
    }

    @PostMapping
    @Operation(summary = "Start an application in an open cycle (409 when I already have one there)")
    ResponseEntity<MyApplication> start(@AuthenticationPrincipal CredoUser user, @RequestBody Start body) {
        if (body.cycleId() == null) {
            throw ProblemException.invalidField("cycleId", "give the cycle to apply to.");
        }
        var application = applications.start(
                user.organizationId(),
                body.cycleId(),
                user.personId(),
                user.displayName(),
                user.email(),
                Source.APPLICANT);
        return ResponseEntity.created(URI.create("/api/v1/me/applications/" + application.id()))
                .body(details(application));
    }

    @PutMapping("/{id}/answers")
    @Operation(summary = "Save answers to my draft, by question key (a blank value clears one)")
    MyApplication answers(
            @AuthenticationPrincipal CredoUser user, @PathVariable UUID id, @RequestBody Map<String, String> answers) {
        applications.own(user.organizationId(), user.personId(), id);
        return details(applications.saveAnswers(user.organizationId(), id, answers));
    }

    @PostMapping("/{id}/documents/{key}")
    @Operation(summary = "Upload the file answering a file question (multipart field \"file\")")
    DocumentInfo upload(
            @AuthenticationPrincipal CredoUser user,
            @PathVariable UUID id,
            @PathVariable String key,
            @RequestParam("file") MultipartFile file)
            throws IOException {
        applications.own(user.organizationId(), user.personId(), id);
        var name = file.getOriginalFilename() == null ? "document" : file.getOriginalFilename();
        return applications.attach(user.organizationId(), id, key, name, file.getInputStream());
    }

    @PostMapping("/{id}/submit")
    @Operation(summary = "Submit my draft before the deadline (400 lists what is missing, 409 past the deadline)")
    MyApplication submit(@AuthenticationPrincipal CredoUser user, @PathVariable UUID id) {
        applications.own(user.organizationId(), user.personId(), id);
        return details(applications.submit(user.organizationId(), id, Instant.now()));
    }

    private MyApplication details(Application a) {
        return new MyApplication(
                a,
                applications.answers(a.organizationId(), a.id()),
                applications.documents(a.organizationId(), a.id()),
                applications.checklist(a),
                applications.history(a.organizationId(), a.id()));
    }
}
