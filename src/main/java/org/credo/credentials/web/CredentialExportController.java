package org.credo.credentials.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.LocalDate;
import java.util.UUID;
import org.credo.credentials.insight.CredentialExport;
import org.credo.credentials.issuance.IssuedCredentials;
import org.credo.platform.CredoUser;
import org.credo.platform.PageQuery;
import org.credo.platform.ProblemException;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The credentials list as a CSV file, for staff (the "Export CSV" button carries the list's search and status) and
 * for the REST API. The rows are written to the response as they are read.
 */
@Controller
class CredentialExportController {

    private final CredentialExport export;

    CredentialExportController(CredentialExport export) {
        this.export = export;
    }

    @GetMapping("/manage/credentials/export.csv")
    @PreAuthorize("hasAnyRole('REGISTRAR', 'ADMINISTRATOR')")
    void page(
            @AuthenticationPrincipal CredoUser user,
            @RequestParam(required = false) @Nullable String q,
            @RequestParam(required = false) @Nullable String status,
            @RequestParam(required = false) @Nullable UUID achievementId,
            @RequestParam(required = false) @Nullable String sort,
            HttpServletResponse response)
            throws IOException {
        write(user, q, status, achievementId, sort, response);
    }

    @GetMapping("/api/v1/credentials/export")
    @PreAuthorize("hasAnyRole('REGISTRAR', 'ADMINISTRATOR', 'INTEGRATOR')")
    @io.swagger.v3.oas.annotations.Operation(
            summary = "Export credentials as CSV",
            description = "The same filters as the list (q, status, achievementId, sort); text/csv, UTF-8, times in"
                    + " the organization's zone with their offset. Cells that start with = + - @ get a leading '.",
            tags = "Credentials")
    void api(
            @AuthenticationPrincipal CredoUser user,
            @RequestParam(required = false) @Nullable String q,
            @RequestParam(required = false) @Nullable String status,
            @RequestParam(required = false) @Nullable UUID achievementId,
            @RequestParam(required = false) @Nullable String sort,
            HttpServletResponse response)
            throws IOException {
        write(user, q, status, achievementId, sort, response);
    }

    private void write(
            CredoUser user,
            @Nullable String q,
            @Nullable String status,
            @Nullable UUID achievementId,
            @Nullable String sort,
            HttpServletResponse response)
            throws IOException {
        if (status != null && !status.isBlank() && !status.toUpperCase().matches("ACTIVE|SUSPENDED|REVOKED|EXPIRED")) {
            throw ProblemException.invalidField("status", "use ACTIVE, SUSPENDED, REVOKED or EXPIRED.");
        }
        var order = PageQuery.of(0, 1, sort == null ? "issuedAt,desc" : sort, IssuedCredentials.SORTABLE, false);
        response.setContentType("text/csv; charset=UTF-8");
        response.setHeader(
                HttpHeaders.CONTENT_DISPOSITION,
                "attachment; filename=\"credentials-" + LocalDate.now(user.zone()) + ".csv\"");
        export.write(user.organizationId(), q, status, achievementId, order, user.zone(), response.getOutputStream());
    }
}
