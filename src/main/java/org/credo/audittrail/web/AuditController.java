package org.credo.audittrail.web;

import java.time.LocalDate;
import java.time.ZoneId;
import org.credo.audittrail.AuditTrail;
import org.credo.audittrail.chain.AuditEntries;
import org.credo.audittrail.chain.AuditFilter;
import org.credo.platform.CredoUser;
import org.credo.platform.PageQuery;
import org.jspecify.annotations.Nullable;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/** The auditor's read-only view of the trail, its CSV export and the chain check. */
@Controller
@PreAuthorize("hasAnyRole('AUDITOR', 'ADMINISTRATOR')")
class AuditController {

    private final AuditEntries entries;
    private final AuditTrail trail;

    AuditController(AuditEntries entries, AuditTrail trail) {
        this.entries = entries;
        this.trail = trail;
    }

    @GetMapping("/audit")
    String list(
            @AuthenticationPrincipal CredoUser user,
            @RequestParam(required = false) @Nullable String actor,
            @RequestParam(required = false) @Nullable String subject,
            @RequestParam(required = false) @Nullable String action,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate to,
            @RequestParam(required = false) @Nullable Integer page,
            @RequestParam(required = false) @Nullable String sort,
            @RequestHeader(value = "HX-Request", required = false) @Nullable String htmx,
            Model model) {
        var filter = filter(actor, subject, action, from, to, user.zone());
        var query = PageQuery.of(page, 50, sort == null ? "sequence,desc" : sort, AuditEntries.SORTABLE, false);
        model.addAttribute("entries", entries.page(user.organizationId(), filter, query));
        model.addAttribute("actor", actor);
        model.addAttribute("subject", subject);
        model.addAttribute("action", action);
        model.addAttribute("from", from);
        model.addAttribute("to", to);
        model.addAttribute("zone", user.zone());
        return htmx != null ? "audittrail/entries :: table" : "audittrail/entries";
    }

    @GetMapping("/audit/export.csv")
    ResponseEntity<StreamingResponseBody> export(
            @AuthenticationPrincipal CredoUser user,
            @RequestParam(required = false) @Nullable String actor,
            @RequestParam(required = false) @Nullable String subject,
            @RequestParam(required = false) @Nullable String action,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate to) {
        return AuditExport.csv(entries, user.organizationId(), filter(actor, subject, action, from, to, user.zone()));
    }

    @GetMapping("/audit/verification")
    String verification() {
        return "audittrail/verification";
    }

    @PostMapping("/audit/verification")
    String verify(@AuthenticationPrincipal CredoUser user, Model model) {
        model.addAttribute("result", trail.verify(user.organizationId()));
        return "audittrail/verification";
    }

    /** Dates are whole days in the organization's time zone; {@code to} includes its day. */
    static AuditFilter filter(
            @Nullable String actor,
            @Nullable String subject,
            @Nullable String action,
            @Nullable LocalDate from,
            @Nullable LocalDate to,
            ZoneId zone) {
        return new AuditFilter(
                actor,
                subject,
                action,
                from == null ? null : from.atStartOfDay(zone).toInstant(),
                to == null ? null : to.plusDays(1).atStartOfDay(zone).toInstant());
    }
}
