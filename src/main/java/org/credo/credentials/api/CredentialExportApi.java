package org.credo.credentials.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.UUID;
import org.credo.credentials.insight.CredentialExport;
import org.credo.platform.CredoUser;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The credentials list as CSV over the REST API. */
@RestController
@PreAuthorize("hasAnyRole('REGISTRAR', 'ADMINISTRATOR', 'INTEGRATOR')")
@Tag(name = "Credentials", description = "Open Badges 3.0 credentials with Data Integrity proofs")
class CredentialExportApi {

    private final CredentialExport export;

    CredentialExportApi(CredentialExport export) {
        this.export = export;
    }

    @GetMapping("/api/v1/credentials/export")
    @Operation(
            summary = "Export credentials as CSV",
            description = "The same filters as the list (q, status, achievementId, sort); UTF-8, streamed, times in"
                    + " the organization's zone with their offset (the header names the zone). A cell that starts"
                    + " with = + - @ gets a leading apostrophe so that spreadsheets do not run it.")
    void export(
            @AuthenticationPrincipal CredoUser user,
            @RequestParam(required = false) @Nullable String q,
            @RequestParam(required = false) @Nullable String status,
            @RequestParam(required = false) @Nullable UUID achievementId,
            @RequestParam(required = false) @Nullable String sort,
            HttpServletResponse response)
            throws IOException {
        export.download(user, q, status, achievementId, sort, response);
    }
}
