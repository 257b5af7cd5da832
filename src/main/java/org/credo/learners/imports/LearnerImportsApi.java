package org.credo.learners.imports;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.UUID;
import org.credo.platform.CredoUser;
import org.credo.platform.UploadLimit;
import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** People imports over the REST API: upload to preview, then confirm. */
@RestController
@Tag(name = "Learner imports", description = "Import learner records from CSV: preview every row, then confirm")
@PreAuthorize("hasAnyRole('REGISTRAR','ADMISSIONS_OFFICER')")
class LearnerImportsApi {

    /** A problem of one row: the file's row (the header is row 1), the column, and what to fix. */
    record ProblemView(int row, String column, String message) {}

    /** A row that would become a learner record. */
    record RowView(
            int row,
            String name,
            @Nullable String email,
            @Nullable String programCode,
            String status) {}

    /** What an upload came to. */
    record PreviewView(
            @Nullable UUID id,
            String fileName,
            String sha256,
            boolean confirmable,
            boolean alreadyApplied,
            @Nullable Integer alreadyCreated,
            List<RowView> rows,
            List<ProblemView> problems) {

        static PreviewView of(LearnerImports.Preview p) {
            return new PreviewView(
                    p.id(),
                    p.fileName(),
                    p.sha256(),
                    p.confirmable(),
                    p.alreadyApplied(),
                    p.created(),
                    p.rows().stream()
                            .map(r -> new RowView(
                                    r.row(),
                                    r.givenName() + " " + r.familyName(),
                                    r.email(),
                                    r.programCode(),
                                    r.status().name()))
                            .toList(),
                    p.problems().stream()
                            .map(e -> new ProblemView(e.row(), e.column(), e.message()))
                            .toList());
        }
    }

    private final LearnerImports imports;

    LearnerImportsApi(LearnerImports imports) {
        this.imports = imports;
    }

    @PostMapping(value = "/api/v1/learners/imports", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(
            summary = "Upload a CSV of learners and check every row",
            description = "Columns: given_name, family_name (required), preferred_name, date_of_birth (YYYY-MM-DD),"
                    + " email, phone, program_code, status, external_id, pronouns. Nothing is created: every problem"
                    + " is listed with its row and column; a clean file gets an id to confirm. The same file"
                    + " (SHA-256) already imported answers alreadyApplied and cannot be applied again.")
    PreviewView upload(@AuthenticationPrincipal CredoUser user, @RequestParam("file") MultipartFile file) {
        var name = file.getOriginalFilename() == null ? "" : file.getOriginalFilename();
        return PreviewView.of(imports.upload(user, name, UploadLimit.CSV.read(file)));
    }

    @PostMapping("/api/v1/learners/imports/{id}/confirm")
    @Operation(
            summary = "Create every learner of a previewed import, in one transaction",
            description = "409 when the file was already imported; 422 with every row problem when the file no longer"
                    + " checks clean (nothing is created then).")
    LearnerImports.Applied confirm(@AuthenticationPrincipal CredoUser user, @PathVariable UUID id) {
        return imports.confirm(user, id);
    }
}
