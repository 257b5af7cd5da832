package org.credo.credentials.bulk;

import java.io.IOException;
import java.util.List;
import java.util.UUID;
import org.credo.credentials.achievement.Achievements;
import org.credo.credentials.wallet.ClaimResends;
import org.credo.platform.CredoUser;
import org.credo.platform.ProblemException;
import org.credo.platform.Timestamps;
import org.credo.platform.UploadLimit;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Staff pages for bulk changes: review what a selection, a CSV file or "resend to everyone who has
 * not claimed" will change, then confirm it; and resending one credential's claim email.
 */
@Controller
@PreAuthorize("hasAnyRole('REGISTRAR', 'ADMINISTRATOR')")
class BulkActionsController {

    static final String PAGE = "credentials/bulk-actions";
    static final String REVIEW = "credentials/bulk-action-review";

    private final BulkActions actions;
    private final ClaimResends resends;
    private final Achievements achievements;

    BulkActionsController(BulkActions actions, ClaimResends resends, Achievements achievements) {
        this.actions = actions;
        this.resends = resends;
        this.achievements = achievements;
    }

    @GetMapping("/manage/credentials/bulk-actions")
    String page(@AuthenticationPrincipal CredoUser user, Model model) {
        return page(user, model, null);
    }

    /** The selection made with the checkboxes of the credentials list. */
    @PostMapping("/manage/credentials/bulk-actions/review")
    String reviewSelection(
            @AuthenticationPrincipal CredoUser user,
            @RequestParam(name = "ids", required = false) @Nullable List<String> ids,
            @RequestParam(defaultValue = "") String action,
            @RequestParam(defaultValue = "") String reason,
            RedirectAttributes redirect) {
        try {
            var requests = (ids == null ? List.<String>of() : ids)
                    .stream()
                            .map(id -> new BulkActions.Request(0, id, null, null))
                            .toList();
            var plan = actions.plan(user, ActionPlan.Source.SELECTION, null, requests, required(action), reason, null);
            return "redirect:/manage/credentials/bulk-actions/" + plan.id();
        } catch (ProblemException e) {
            redirect.addFlashAttribute("flashError", e.getMessage());
            return "redirect:/manage/credentials";
        }
    }

    @PostMapping("/manage/credentials/bulk-actions")
    String reviewFile(
            @AuthenticationPrincipal CredoUser user,
            @RequestParam(required = false) @Nullable MultipartFile file,
            @RequestParam(defaultValue = "") String action,
            @RequestParam(defaultValue = "") String reason,
            Model model)
            throws IOException {
        try {
            if (file == null || file.isEmpty()) {
                throw ProblemException.invalidField("file", "choose a CSV file of credential ids.");
            }
            var plan = actions.plan(
                    user,
                    ActionPlan.Source.CSV,
                    file.getOriginalFilename(),
                    BulkActions.fromCsv(UploadLimit.CSV.read(file)),
                    BulkActionsApi.action(action),
                    reason,
                    null);
            return "redirect:/manage/credentials/bulk-actions/" + plan.id();
        } catch (ProblemException e) {
            model.addAttribute("action", action);
            model.addAttribute("reason", reason);
            // The field the error summary links to: the one named, when the form has it, else the file.
            model.addAttribute(
                    "formField",
                    e.field()
                            .filter(f -> f.equals("action") || f.equals("reason"))
                            .orElse("file"));
            return page(user, model, e.getMessage());
        }
    }

    /** Resend the claim email to everyone who has not claimed, for one achievement or all. */
    @PostMapping("/manage/credentials/bulk-actions/unclaimed")
    String reviewUnclaimed(
            @AuthenticationPrincipal CredoUser user,
            @RequestParam(required = false) @Nullable UUID achievementId,
            Model model) {
        try {
            var requests = resends.unclaimed(user.organizationId(), achievementId, BulkActions.MAX_ITEMS).stream()
                    .map(id -> new BulkActions.Request(0, id.toString(), null, null))
                    .toList();
            var plan = actions.plan(
                    user, ActionPlan.Source.UNCLAIMED, null, requests, CredentialAction.RESEND, null, null);
            return "redirect:/manage/credentials/bulk-actions/" + plan.id();
        } catch (ProblemException e) {
            model.addAttribute("formField", "achievementId");
            return page(user, model, e.getMessage());
        }
    }

    @GetMapping("/manage/credentials/bulk-actions/{id}")
    String review(@AuthenticationPrincipal CredoUser user, @PathVariable UUID id, Model model) {
        var plan = actions.require(user.organizationId(), id);
        model.addAttribute("plan", plan);
        model.addAttribute("confirmable", plan.confirmable(Timestamps.now()));
        model.addAttribute("expired", plan.expired(Timestamps.now()));
        model.addAttribute("items", plan.items().size() > 200 ? plan.items().subList(0, 200) : plan.items());
        model.addAttribute(
                "withoutErrors",
                plan.items().stream().map(i -> i.credentialId().toString()).toList());
        model.addAttribute(
                "action",
                plan.items().stream().map(i -> i.action().id()).findFirst().orElse(""));
        model.addAttribute(
                "reason",
                plan.items().stream()
                        .map(ActionPlan.Item::reason)
                        .filter(r -> r != null)
                        .findFirst()
                        .orElse(""));
        return REVIEW;
    }

    @PostMapping("/manage/credentials/bulk-actions/{id}/confirm")
    String confirm(@AuthenticationPrincipal CredoUser user, @PathVariable UUID id, RedirectAttributes redirect) {
        try {
            var plan = actions.apply(user, id);
            var outcome = plan.outcome();
            redirect.addFlashAttribute(
                    "flash",
                    "Done: "
                            + (outcome == null || outcome.changed().isEmpty() ? "nothing to change" : outcome.changed())
                            + (outcome == null || outcome.throttled().isEmpty()
                                    ? "."
                                    : "; " + outcome.throttled().size() + " claim emails were sent moments ago and"
                                            + " not again."));
        } catch (ProblemException e) {
            if (e.title().equals("Already applied")) {
                redirect.addFlashAttribute("flash", e.getMessage());
            } else {
                redirect.addFlashAttribute("flashError", e.getMessage());
            }
        }
        return "redirect:/manage/credentials/bulk-actions/" + id;
    }

    /** The resend button of a credential's page; one click (one request key) sends once. */
    @PostMapping("/manage/credentials/{id}/resend")
    String resendOne(
            @AuthenticationPrincipal CredoUser user,
            @PathVariable UUID id,
            @RequestParam(defaultValue = "") String requestKey,
            RedirectAttributes redirect) {
        try {
            actions.resendOne(
                    user,
                    id,
                    requestKey.isBlank() || requestKey.length() > 100
                            ? UUID.randomUUID().toString()
                            : "form:" + requestKey);
            redirect.addFlashAttribute("flash", "Claim email sent again to the earner.");
        } catch (ProblemException e) {
            redirect.addFlashAttribute("flashError", e.getMessage());
        }
        return "redirect:/manage/credentials/" + id;
    }

    @GetMapping("/manage/credentials/bulk-actions/sample.csv")
    ResponseEntity<byte[]> sample() {
        return SampleFiles.download("bulk-actions-sample.csv", SampleFiles.actions());
    }

    private String page(CredoUser user, Model model, @Nullable String error) {
        model.addAttribute("achievements", achievements.issuable(user.organizationId()));
        model.addAttribute("formError", error);
        model.addAttribute("actions", CredentialAction.values());
        if (!model.containsAttribute("action")) {
            model.addAttribute("action", "");
            model.addAttribute("reason", "");
        }
        return PAGE;
    }

    private static CredentialAction required(String action) {
        var parsed = BulkActionsApi.action(action);
        if (parsed == null) {
            throw ProblemException.invalidField("action", "choose what to do with the selected credentials.");
        }
        return parsed;
    }
}
