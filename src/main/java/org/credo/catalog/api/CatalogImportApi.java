package org.credo.catalog.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.util.Map;
import org.credo.catalog.imports.CatalogImport;
import org.credo.platform.CredoUser;
import org.credo.platform.ProblemException;
import org.credo.platform.UploadLimit;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** The initial load of an existing catalog from CSV over the REST API. */
@RestController
@RequestMapping("/api/v1/catalog/imports")
@Tag(
        name = "Catalog import",
        description = "Load courses and programs from one CSV file; a file with errors applies nothing")
class CatalogImportApi {

    private final CatalogImport imports;

    CatalogImportApi(CatalogImport imports) {
        this.imports = imports;
    }

    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(
            summary = "Import a catalog CSV (multipart field \"file\")",
            description =
                    "Columns: kind (COURSE or PROGRAM), code, title, credits, description, outcomes (separated by |), "
                            + "prerequisites, corequisites, requirements (JSON shape or text such as \"DATA 101 min C, DATA 201\"), "
                            + "type, level, cip_code, time_to_complete, delivery_mode, tuition_amount, tuition_currency, "
                            + "tuition_note, achievement (name or id), effective_from. 201 when applied; 422 listing every bad "
                            + "row (errors: row, message) when nothing was applied. Repeating a file is refused as duplicates.")
    @PreAuthorize("hasAnyRole('ADMINISTRATOR','REGISTRAR','CATALOG_EDITOR','INTEGRATOR')")
    ResponseEntity<CatalogImport.Result> load(
            @AuthenticationPrincipal CredoUser user, @RequestParam("file") MultipartFile file) throws IOException {
        var result = imports.load(
                user, file.getOriginalFilename() == null ? "" : file.getOriginalFilename(), UploadLimit.CSV.read(file));
        if (!result.applied()) {
            throw new ProblemException(
                    HttpStatus.UNPROCESSABLE_CONTENT,
                    "Import refused",
                    result.errors().size()
                            + " row error(s); nothing was imported. Fix every row and send the file again.",
                    Map.of("errors", result.errors()));
        }
        return ResponseEntity.status(HttpStatus.CREATED).body(result);
    }
}
