package org.credo.credentials.bulk;

import java.io.IOException;
import java.io.StringWriter;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import org.credo.credentials.signing.Cryptosuite;
import org.credo.platform.CredoUser;
import org.credo.platform.ProblemException;
import org.credo.platform.UploadLimit;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * Bulk issuance over REST: upload a CSV to get a preview, confirm it, follow its job, fetch its
 * errors and credentials. {@code confirm=true} on the upload keeps the former one-step behaviour.
 */
@RestController
@RequestMapping("/api/v1/bulk-issuance")
class BulkIssuanceApi {

    private final BulkIssuance bulk;

    BulkIssuanceApi(BulkIssuance bulk) {
        this.bulk = bulk;
    }

    /**
     * Checks a file: 201 with a new job, 200 with the earlier job for the same file or the same
     * Idempotency-Key. A valid file becomes a PREVIEW (counts and first rows, nothing issued) until
     * {@code POST /{id}/confirm}; with {@code confirm=true} it is queued at once (one step).
     */
    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ResponseEntity<BulkJobView> upload(
            @AuthenticationPrincipal CredoUser user,
            @RequestParam("file") MultipartFile file,
            @RequestParam(required = false) @Nullable String cryptosuite,
            @RequestParam(defaultValue = "false") boolean confirm,
            @RequestHeader(name = "Idempotency-Key", required = false) @Nullable String idempotencyKey)
            throws IOException {
        var submission = bulk.submit(
                user,
                file.getOriginalFilename(),
                UploadLimit.CSV.read(file),
                suite(cryptosuite),
                idempotencyKey,
                confirm);
        var job = submission.job();
        return ResponseEntity.status(submission.created() ? HttpStatus.CREATED : HttpStatus.OK)
                .location(URI.create("/api/v1/bulk-issuance/" + job.id()))
                .body(view(user, job));
    }

    @GetMapping("/{id}")
    BulkJobView job(@AuthenticationPrincipal CredoUser user, @PathVariable UUID id) {
        return view(user, bulk.require(user.organizationId(), id));
    }

    /**
     * Issues a previewed upload. A second confirmation answers 409 (already confirmed, nothing issued
     * twice); an expired preview answers 410.
     */
    @PostMapping("/{id}/confirm")
    BulkJobView confirm(@AuthenticationPrincipal CredoUser user, @PathVariable UUID id) {
        return view(user, bulk.confirm(user, id));
    }

    private BulkJobView view(CredoUser user, BulkJob job) {
        var errors = bulk.errors(user.organizationId(), job.id());
        return BulkJobView.of(
                job,
                errors,
                bulk.counts(job, errors),
                job.status() == BulkJob.Status.PREVIEW ? bulk.previewRows(user.organizationId(), job) : List.of());
    }

    @GetMapping(value = "/{id}/errors.csv", produces = "text/csv")
    ResponseEntity<byte[]> errors(@AuthenticationPrincipal CredoUser user, @PathVariable UUID id) throws IOException {
        return errorsCsv(bulk, user, id);
    }

    /** The credentials the job issued so far, with the file row each came from. */
    @GetMapping("/{id}/credentials")
    List<BulkJobs.IssuedRow> credentials(
            @AuthenticationPrincipal CredoUser user,
            @PathVariable UUID id,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "100") int size) {
        bulk.require(user.organizationId(), id);
        if (page < 0 || size < 1 || size > 1000) {
            throw ProblemException.badRequest("Invalid paging", "Use page 0 or more and size 1 to 1000.");
        }
        return bulk.issued(user.organizationId(), id, size, page * size);
    }

    static ResponseEntity<byte[]> errorsCsv(BulkIssuance bulk, CredoUser user, UUID id) throws IOException {
        var job = bulk.require(user.organizationId(), id);
        var errors = bulk.errors(user.organizationId(), id);
        var csv = new StringWriter();
        ErrorReport.write(errors, csv);
        var body = csv.toString().getBytes(StandardCharsets.UTF_8);
        return ResponseEntity.ok()
                .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        "attachment; filename=\"bulk-" + job.id().toString().substring(0, 8) + "-errors.csv\"")
                .body(body);
    }

    static Cryptosuite suite(@Nullable String id) {
        if (id == null || id.isBlank()) {
            return Cryptosuite.RDFC;
        }
        return Cryptosuite.byId(id.trim())
                .orElseThrow(() -> ProblemException.invalidField(
                        "cryptosuite", "use eddsa-rdfc-2022 (the default) or eddsa-jcs-2022."));
    }
}
