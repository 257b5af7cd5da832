package org.credo.credentials.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDate;
import java.util.UUID;
import org.credo.credentials.insight.IssuanceFigures;
import org.credo.platform.CredoUser;
import org.credo.platform.ProblemException;
import org.jspecify.annotations.Nullable;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The issuance dashboard's figures over the REST API. */
@RestController
@PreAuthorize("hasAnyRole('REGISTRAR', 'ADMINISTRATOR', 'INTEGRATOR')")
@Tag(name = "Credentials", description = "Open Badges 3.0 credentials with Data Integrity proofs")
class DashboardApi {

    private final IssuanceFigures figures;

    DashboardApi(IssuanceFigures figures) {
        this.figures = figures;
    }

    @GetMapping("/api/v1/credentials/dashboard")
    @Operation(
            summary = "Issued, claimed, shared and verified over time",
            description = "from and to are days (YYYY-MM-DD, both included, default: the last 12 weeks) in the"
                    + " organization's zone; interval is WEEK (from Monday) or MONTH; achievementId limits the"
                    + " figures to one achievement and its other versions. claimRate is the share of the"
                    + " credentials issued in the range that are claimed by now.")
    IssuanceFigures.Figures dashboard(
            @AuthenticationPrincipal CredoUser user,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate to,
            @RequestParam(required = false) @Nullable String interval,
            @RequestParam(required = false) @Nullable UUID achievementId) {
        var today = LocalDate.now(user.zone());
        IssuanceFigures.Interval cut;
        try {
            cut = interval == null
                    ? IssuanceFigures.Interval.WEEK
                    : IssuanceFigures.Interval.valueOf(interval.trim().toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalidField("interval", "use WEEK or MONTH.");
        }
        return figures.figures(
                user.organizationId(),
                from == null ? today.minusWeeks(12) : from,
                to == null ? today : to,
                cut,
                achievementId,
                user.zone());
    }
}
