package org.credo.admissions.crm.web;

import org.credo.admissions.crm.Unsubscribes;
import org.credo.platform.Organizations;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.ResponseStatus;

/**
 * The unsubscribe link of a marketing email. GET only asks (link scanners and previews follow links, and must not
 * unsubscribe anyone); POST, from the page's button or a mail client's one-click (RFC 8058), unsubscribes.
 */
@Controller
class UnsubscribePage {

    static final String PAGE = "admissions/crm/unsubscribe";

    private final Unsubscribes unsubscribes;
    private final Organizations organizations;

    UnsubscribePage(Unsubscribes unsubscribes, Organizations organizations) {
        this.unsubscribes = unsubscribes;
        this.organizations = organizations;
    }

    @GetMapping("/unsubscribe/{token}")
    String ask(@PathVariable String token, Model model) {
        return show(token, false, model);
    }

    @PostMapping("/unsubscribe/{token}")
    String unsubscribe(@PathVariable String token, Model model) {
        var subscriber = unsubscribes.read(token);
        subscriber.ifPresent(unsubscribes::unsubscribe);
        return show(token, true, model);
    }

    private String show(String token, boolean done, Model model) {
        var subscriber = unsubscribes.read(token).orElseThrow(BadLink::new);
        model.addAttribute("token", token);
        model.addAttribute("email", subscriber.email());
        model.addAttribute(
                "organization",
                organizations
                        .find(subscriber.organizationId())
                        .map(o -> o.name())
                        .orElse("this organization"));
        model.addAttribute("done", done || unsubscribes.unsubscribed(subscriber.organizationId(), subscriber.email()));
        return PAGE;
    }

    /** A link that was changed or cut short. */
    @ResponseStatus(
            value = HttpStatus.NOT_FOUND,
            reason = "This unsubscribe link is not valid; use the link of an email as it came.")
    static class BadLink extends RuntimeException {
        BadLink() {
            super("This unsubscribe link is not valid; use the link of an email as it came.");
        }
    }
}
