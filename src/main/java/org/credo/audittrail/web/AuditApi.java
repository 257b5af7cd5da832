package org.credo.audittrail.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import org.credo.audittrail.AuditTrail;
import org.credo.audittrail.ChainVerification;
import org.credo.audittrail.chain.AuditEntries;
import org.credo.audittrail.chain.AuditEntry;
import org.credo.audittrail.chain.AuditFilter;
import org.credo.platform.CredoUser;
import org.credo.platform.PageQuery;
import org.credo.platform.PageResult;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/** The audit trail over the API, read-only. */
@RestController
@PreAuthorize("hasAnyRole('AUDITOR', 'ADMINISTRATOR')")
@Tag(name = "Audit trail", description = "Every change: who, what, when; hash-chained")
class AuditApi {

    private final AuditEntries entries;
    private final AuditTrail trail;

    AuditApi(AuditEntries entries, AuditTrail trail) {
        this.entries = entries;
        this.trail = trail;
    }

    @GetMapping("/api/v1/audit/entries")
    @Operation(
            summary = "Entries of the caller's organization",
            description =
                    "Filters: actor (name contains), subject (id, type or summary), action (prefix), from/to (ISO instants). "
                            + "Sort by sequence, occurredAt, actor or action.")
    PageResult<AuditEntry> list(
            @AuthenticationPrincipal CredoUser user,
            @RequestParam(required = false) @Nullable String actor,
            @RequestParam(required = false) @Nullable String subject,
            @RequestParam(required = false) @Nullable String action,
            @RequestParam(required = false) @Nullable Instant from,
            @RequestParam(required = false) @Nullable Instant to,
            @RequestParam(required = false) @Nullable Integer page,
            @RequestParam(required = false) @Nullable Integer size,
            @RequestParam(required = false) @Nullable String sort) {
        return entries.page(
                user.organizationId(),
                new AuditFilter(actor, subject, action, from, to),
                PageQuery.of(page, size, sort == null ? "sequence,desc" : sort, AuditEntries.SORTABLE, false));
    }

    @GetMapping("/api/v1/audit/entries.csv")
    @Operation(summary = "The matching entries as CSV, oldest first")
    ResponseEntity<StreamingResponseBody> export(
            @AuthenticationPrincipal CredoUser user,
            @RequestParam(required = false) @Nullable String actor,
            @RequestParam(required = false) @Nullable String subject,
            @RequestParam(required = false) @Nullable String action,
            @RequestParam(required = false) @Nullable Instant from,
            @RequestParam(required = false) @Nullable Instant to) {
        return AuditExport.csv(entries, user.organizationId(), new AuditFilter(actor, subject, action, from, to));
    }

    @GetMapping("/api/v1/audit/verification")
    @Operation(
            summary = "Re-check the hash chain",
            description = "intact=false names the first entry that was edited, deleted or moved.")
    ChainVerification verify(@AuthenticationPrincipal CredoUser user) {
        return trail.verify(user.organizationId());
    }
}
