package org.credo.notifications.web;

import java.util.UUID;
import org.credo.notifications.outbox.Deliveries;
import org.credo.notifications.outbox.Delivery;
import org.credo.platform.CredoUser;
import org.credo.platform.ProblemException;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Staff page of the organization's outgoing email: status, attempts, last error, and "retry now". */
@Controller
@RequestMapping("/manage/notifications")
@PreAuthorize("hasAnyRole('ADMINISTRATOR', 'REGISTRAR')")
class DeliveryController {

    static final String VIEW = "notifications/deliveries";

    private final Deliveries deliveries;

    DeliveryController(Deliveries deliveries) {
        this.deliveries = deliveries;
    }

    @GetMapping
    String list(
            @AuthenticationPrincipal CredoUser user,
            @RequestParam(required = false) @Nullable String status,
            Model model) {
        Delivery.Status filter = null;
        if (status != null && !status.isBlank()) {
            try {
                filter = Delivery.Status.valueOf(status.trim().toUpperCase(java.util.Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw ProblemException.badRequest(
                        "Unknown status", "Choose one of PENDING, SENT, FAILED or ABANDONED.");
            }
        }
        model.addAttribute("deliveries", deliveries.recent(user.organizationId(), filter, 200));
        model.addAttribute("status", filter == null ? "" : filter.name());
        model.addAttribute("statuses", Delivery.Status.values());
        model.addAttribute("zone", user.zone());
        return VIEW;
    }

    @PostMapping("/{id}/retry")
    String retry(@AuthenticationPrincipal CredoUser user, @PathVariable UUID id, RedirectAttributes redirect) {
        var delivery =
                deliveries.find(user.organizationId(), id).orElseThrow(() -> ProblemException.notFound("That email"));
        if (deliveries.retryNow(user.organizationId(), id)) {
            redirect.addFlashAttribute(
                    "flash", "The email to " + delivery.recipient() + " will be sent again shortly.");
        } else {
            redirect.addFlashAttribute(
                    "flashError", "Only a failed email can be retried; this one is " + delivery.status() + ".");
        }
        return "redirect:/manage/notifications";
    }
}
