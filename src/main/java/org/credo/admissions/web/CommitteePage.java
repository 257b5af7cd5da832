package org.credo.admissions.web;

import java.math.BigDecimal;
import java.util.UUID;
import org.credo.admissions.ApplicationStatus;
import org.credo.admissions.review.AdmissionFiles;
import org.credo.admissions.review.Committee;
import org.credo.platform.CredoUser;
import org.credo.platform.PageQuery;
import org.credo.platform.ProblemException;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;

/** The committee view: applications by score, filtered by cycle, program, status, score range and reads; paged. */
@Controller
@PreAuthorize("hasRole('ADMISSIONS_OFFICER')")
class CommitteePage {

    private final Committee committee;
    private final AdmissionFiles files;

    CommitteePage(Committee committee, AdmissionFiles files) {
        this.committee = committee;
        this.files = files;
    }

    @GetMapping("/manage/admissions/committee")
    String committee(
            @AuthenticationPrincipal CredoUser user,
            @RequestParam(required = false) @Nullable UUID cycleId,
            @RequestParam(required = false) @Nullable UUID programId,
            @RequestParam(required = false) @Nullable String status,
            @RequestParam(required = false) @Nullable BigDecimal minScore,
            @RequestParam(required = false) @Nullable BigDecimal maxScore,
            @RequestParam(required = false) @Nullable Integer minReads,
            @RequestParam(required = false) @Nullable Integer page,
            @RequestParam(required = false) @Nullable Integer size,
            @RequestParam(required = false) @Nullable String sort,
            @RequestHeader(value = "HX-Request", required = false) @Nullable String htmx,
            Model model) {
        var filter = new Committee.Filter(cycleId, programId, status(status), minScore, maxScore, minReads);
        var query = PageQuery.of(page, size, sort, Committee.SORTABLE, false);
        model.addAttribute("result", committee.page(user, filter, query));
        model.addAttribute("filter", filter);
        model.addAttribute("cycles", files.cycles(user.organizationId()));
        model.addAttribute("statuses", ApplicationStatus.values());
        return htmx != null ? "admissions/review/committee :: results" : "admissions/review/committee";
    }

    static @Nullable ApplicationStatus status(@Nullable String status) {
        if (status == null || status.isBlank()) {
            return null;
        }
        try {
            return ApplicationStatus.valueOf(status.trim().toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ProblemException.badRequest(
                    "Invalid status", "status '" + status + "' is not an application status.");
        }
    }
}
