package org.credo.credentials.bulk;

import java.io.IOException;
import java.util.List;
import java.util.UUID;
import org.credo.credentials.achievement.Achievements;
import org.credo.credentials.issuance.IssuedCredentials;
import org.credo.platform.CredoUser;
import org.credo.platform.ProblemException;
import org.credo.platform.UploadLimit;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Staff pages: upload a CSV, review its preview, confirm it, watch its job issue, read its errors. */
@Controller
class BulkIssuanceController {

    static final String UPLOAD_VIEW = "credentials/bulk";
    static final String JOB_VIEW = "credentials/bulk-job";
    static final String PROGRESS_FRAGMENT = "credentials/bulk-job :: progress";

    /** The most errors the page lists; the CSV download has all of them. */
    static final int PAGE_ERRORS = 500;

    private final BulkIssuance bulk;
    private final IssuedCredentials credentials;
    private final Achievements achievements;

    BulkIssuanceController(BulkIssuance bulk, IssuedCredentials credentials, Achievements achievements) {
        this.bulk = bulk;
        this.credentials = credentials;
        this.achievements = achievements;
    }

    @GetMapping("/manage/bulk")
    String upload(@AuthenticationPrincipal CredoUser user, Model model) {
        model.addAttribute("jobs", bulk.recent(user.organizationId()));
        return UPLOAD_VIEW;
    }

    @PostMapping("/manage/bulk")
    String submit(
            @AuthenticationPrincipal CredoUser user,
            @RequestParam(required = false) @Nullable MultipartFile file,
            @RequestParam(required = false) @Nullable String cryptosuite,
            Model model,
            RedirectAttributes redirect)
            throws IOException {
        try {
            if (file == null || file.isEmpty()) {
                throw ProblemException.invalidField("file", "choose a CSV file to upload.");
            }
            var submission = bulk.submit(
                    user,
                    file.getOriginalFilename(),
                    UploadLimit.CSV.read(file),
                    BulkIssuanceApi.suite(cryptosuite),
                    null,
                    false);
            if (!submission.created()) {
                redirect.addFlashAttribute(
                        "flash", "This file was uploaded before; here is its job. Nothing was issued twice.");
            }
            return "redirect:/manage/bulk/" + submission.job().id();
        } catch (ProblemException e) {
            model.addAttribute("formError", e.getMessage());
            model.addAttribute("jobs", bulk.recent(user.organizationId()));
            return UPLOAD_VIEW;
        }
    }

    /** The job page; with {@code HX-Request}, only its progress fragment (polled while the job runs). */
    @GetMapping("/manage/bulk/{id}")
    String job(
            @AuthenticationPrincipal CredoUser user,
            @PathVariable UUID id,
            @RequestHeader(name = "HX-Request", required = false) @Nullable String htmx,
            Model model) {
        var job = bulk.require(user.organizationId(), id);
        var errors = bulk.errors(user.organizationId(), id);
        model.addAttribute("job", job);
        model.addAttribute("counts", bulk.counts(job, errors));
        model.addAttribute("expired", job.expired(org.credo.platform.Timestamps.now()));
        model.addAttribute(
                "preview",
                job.status() == BulkJob.Status.PREVIEW ? bulk.previewRows(user.organizationId(), job) : List.of());
        model.addAttribute("errors", errors.size() > PAGE_ERRORS ? errors.subList(0, PAGE_ERRORS) : errors);
        model.addAttribute("issued", bulk.issued(user.organizationId(), id, 50, 0));
        return htmx != null ? PROGRESS_FRAGMENT : JOB_VIEW;
    }

    /** Issues a previewed upload; a second click or a lapsed preview is told so and issues nothing. */
    @PostMapping("/manage/bulk/{id}/confirm")
    String confirm(@AuthenticationPrincipal CredoUser user, @PathVariable UUID id, RedirectAttributes redirect) {
        try {
            var job = bulk.confirm(user, id);
            redirect.addFlashAttribute("flash", "Confirmed: issuing " + job.totalRows() + " credentials.");
        } catch (ProblemException e) {
            if (e.status() == HttpStatus.CONFLICT && e.title().equals("Already confirmed")) {
                redirect.addFlashAttribute("flash", e.getMessage());
            } else {
                redirect.addFlashAttribute("flashError", e.getMessage());
            }
        }
        return "redirect:/manage/bulk/" + id;
    }

    /** A sample file with every column the importer accepts. */
    @GetMapping("/manage/bulk/sample.csv")
    ResponseEntity<byte[]> sample(@AuthenticationPrincipal CredoUser user) {
        var name = achievements.issuable(user.organizationId()).stream()
                .map(a -> a.content().name())
                .findFirst()
                .orElse("Name of a published achievement");
        return SampleFiles.download("bulk-issuance-sample.csv", SampleFiles.issuance(name));
    }

    @GetMapping("/manage/bulk/{id}/errors.csv")
    ResponseEntity<byte[]> errors(@AuthenticationPrincipal CredoUser user, @PathVariable UUID id) throws IOException {
        return BulkIssuanceApi.errorsCsv(bulk, user, id);
    }

    /** One issued credential's signed document, as issued. */
    @GetMapping("/manage/bulk/{id}/credentials/{credentialId}")
    ResponseEntity<String> credential(
            @AuthenticationPrincipal CredoUser user, @PathVariable UUID id, @PathVariable UUID credentialId) {
        bulk.require(user.organizationId(), id);
        var credential = credentials
                .find(user.organizationId(), credentialId)
                .orElseThrow(() -> ProblemException.notFound("That credential"));
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(credential.document());
    }
}
