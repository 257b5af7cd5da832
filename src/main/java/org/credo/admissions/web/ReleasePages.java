package org.credo.admissions.web;

import java.time.LocalDateTime;
import java.util.UUID;
import org.credo.admissions.decision.Decisions;
import org.credo.admissions.release.Releases;
import org.credo.admissions.review.AdmissionFiles;
import org.credo.platform.CredoUser;
import org.credo.platform.ProblemException;
import org.jspecify.annotations.Nullable;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Held decisions per cycle, release batches, scheduling one, and "release now" with a confirmation. */
@Controller
@PreAuthorize("hasRole('ADMISSIONS_OFFICER')")
class ReleasePages {

    private final Releases releases;
    private final Decisions decisions;
    private final AdmissionFiles files;

    ReleasePages(Releases releases, Decisions decisions, AdmissionFiles files) {
        this.releases = releases;
        this.decisions = decisions;
        this.files = files;
    }

    @GetMapping("/manage/admissions/releases")
    String list(@AuthenticationPrincipal CredoUser user, Model model) {
        var org = user.organizationId();
        model.addAttribute("held", decisions.held(org));
        model.addAttribute("releases", releases.all(org));
        model.addAttribute("cycles", files.cycles(org));
        return "admissions/review/releases";
    }

    @PostMapping("/manage/admissions/releases")
    String schedule(
            @AuthenticationPrincipal CredoUser user,
            @RequestParam(required = false) @Nullable UUID cycleId,
            @RequestParam(required = false) @Nullable @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME)
                    LocalDateTime scheduledAt,
            RedirectAttributes redirect) {
        return ReviewPages.act(redirect, "/manage/admissions/releases", () -> {
            var at =
                    scheduledAt == null ? null : scheduledAt.atZone(user.zone()).toInstant();
            var release = releases.schedule(user.organizationId(), cycleId, at);
            return "Release of " + release.cycleName() + " scheduled.";
        });
    }

    @PostMapping("/manage/admissions/releases/{id}/run")
    String run(
            @AuthenticationPrincipal CredoUser user,
            @PathVariable UUID id,
            @RequestParam(defaultValue = "false") boolean confirm,
            RedirectAttributes redirect) {
        return ReviewPages.act(redirect, "/manage/admissions/releases", () -> {
            if (!confirm) {
                throw ProblemException.invalidField(
                        "confirm", "tick the box to confirm: every held decision of the cycle is published at once.");
            }
            int n = releases.releaseNow(user.organizationId(), id);
            return "Released " + n + " decisions; applicants are being emailed.";
        });
    }
}
