package org.credo.credentials.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.UUID;
import org.credo.credentials.insight.CredentialExport;
import org.credo.platform.CredoUser;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The credentials list as a CSV file for staff: the "Export CSV" button carries the list's search and status. The
 * rows are written to the response as they are read.
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

    private void write(
            CredoUser user,
            @Nullable String q,
            @Nullable String status,
            @Nullable UUID achievementId,
            @Nullable String sort,
            HttpServletResponse response)
            throws IOException {
        export.download(user, q, status, achievementId, sort, response);
    }
}
