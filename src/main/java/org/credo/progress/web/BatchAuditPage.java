package org.credo.progress.web;

import java.util.LinkedHashMap;
import java.util.List;
import org.credo.platform.CredoUser;
import org.credo.progress.batch.BatchAudits;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The registrar's batch audit of the organization: start it, watch it progress (the page can be left and found
 * again), and see who is complete, close, on track or blocked.
 */
@Controller
@PreAuthorize("hasRole('REGISTRAR')")
class BatchAuditPage {

    private static final List<String> STANDINGS = List.of("COMPLETE", "CLOSE", "ON_TRACK", "BLOCKED");

    private final BatchAudits batches;

    BatchAuditPage(BatchAudits batches) {
        this.batches = batches;
    }

    @GetMapping("/progress/batch")
    String page(
            @AuthenticationPrincipal CredoUser user,
            @RequestHeader(value = "HX-Request", required = false) String htmx,
            Model model) {
        var orgId = user.organizationId();
        model.addAttribute("run", batches.latest(orgId).orElse(null));
        var counts = new LinkedHashMap<String, Long>();
        var lists = new LinkedHashMap<String, List<BatchAudits.Standing>>();
        for (var s : STANDINGS) {
            counts.put(s, batches.count(orgId, s));
            lists.put(s, batches.standing(orgId, s, 50));
        }
        model.addAttribute("counts", counts);
        model.addAttribute("lists", lists);
        model.addAttribute("zone", user.zone());
        return htmx != null ? "progress/batch :: run" : "progress/batch";
    }

    @PostMapping("/progress/batch")
    String start(@AuthenticationPrincipal CredoUser user, RedirectAttributes redirect) {
        batches.start(user.organizationId(), user.zone(), user.displayName());
        redirect.addFlashAttribute("notice", "Batch audit started; this page shows its progress.");
        return "redirect:/progress/batch";
    }
}
