package org.credo.catalog.intake;

import java.util.List;
import org.credo.platform.CredoUser;
import org.credo.platform.PageQuery;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** Admissions' list of the inquiries sent from the public catalog. */
@Controller
@PreAuthorize("hasAnyRole('ADMISSIONS_OFFICER', 'CATALOG_EDITOR', 'ADMINISTRATOR')")
class InquiryController {

    private final Inquiries inquiries;

    InquiryController(Inquiries inquiries) {
        this.inquiries = inquiries;
    }

    @GetMapping("/manage/catalog/inquiries")
    String list(
            @AuthenticationPrincipal CredoUser user,
            @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size,
            @RequestParam(required = false) String sort,
            Model model) {
        var query = PageQuery.of(page, size, sort, List.of("received", "program"), false);
        model.addAttribute("inquiries", inquiries.page(user.organizationId(), query));
        model.addAttribute("zone", user.zone());
        return "catalog/intake/inquiries";
    }
}
