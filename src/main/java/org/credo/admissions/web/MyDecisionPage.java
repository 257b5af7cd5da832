package org.credo.admissions.web;

import java.util.UUID;
import org.credo.admissions.acceptance.Acceptances;
import org.credo.admissions.release.Releases;
import org.credo.platform.CredoUser;
import org.credo.platform.Organizations;
import org.credo.platform.ProblemException;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The applicant's decision: the letter (on the page and as a PDF download), and accepting or declining an offer. */
@Controller
@PreAuthorize("hasAnyRole('APPLICANT','LEARNER')")
class MyDecisionPage {

    private final Acceptances acceptances;
    private final Releases releases;
    private final Organizations organizations;

    MyDecisionPage(Acceptances acceptances, Releases releases, Organizations organizations) {
        this.acceptances = acceptances;
        this.releases = releases;
        this.organizations = organizations;
    }

    @GetMapping("/apply/applications/{id}/decision")
    String decision(@AuthenticationPrincipal CredoUser user, @PathVariable UUID id, Model model) {
        var offer = acceptances.offer(user, id);
        model.addAttribute("offer", offer);
        model.addAttribute(
                "paragraphs",
                offer.decision().letterText() == null
                        ? java.util.List.of()
                        : Releases.paragraphs(offer.decision().letterText()));
        return "admissions/review/my-decision";
    }

    @GetMapping("/apply/applications/{id}/decision/letter.pdf")
    ResponseEntity<byte[]> letter(@AuthenticationPrincipal CredoUser user, @PathVariable UUID id) {
        var offer = acceptances.offer(user, id);
        var text = offer.decision().letterText();
        if (text == null) {
            throw ProblemException.notFound("The decision letter");
        }
        var organization = organizations.find(user.organizationId()).orElseThrow();
        var pdf = releases.letterPdf(
                organization,
                offer.application().applicantName(),
                offer.application().number(),
                offer.decision().releasedAt(),
                text);
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_PDF)
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                                .filename("decision-" + offer.application().number() + ".pdf")
                                .build()
                                .toString())
                .body(pdf);
    }

    @PostMapping("/apply/applications/{id}/decision/accept")
    String accept(@AuthenticationPrincipal CredoUser user, @PathVariable UUID id, RedirectAttributes redirect) {
        try {
            acceptances.accept(user, id);
            redirect.addFlashAttribute("flash", "Welcome! You accepted your place and are now enrolled as a learner.");
            return "redirect:/me/record";
        } catch (ProblemException e) {
            if (e.status().value() == 404) {
                throw e;
            }
            redirect.addFlashAttribute("flashError", "Not accepted: " + ReviewPages.message(e));
            return "redirect:/apply/applications/" + id + "/decision";
        }
    }

    @PostMapping("/apply/applications/{id}/decision/decline")
    String decline(@AuthenticationPrincipal CredoUser user, @PathVariable UUID id, RedirectAttributes redirect) {
        return ReviewPages.act(redirect, "/apply/applications/" + id + "/decision", () -> {
            acceptances.decline(user, id);
            return "You declined the offer. Thank you for letting us know.";
        });
    }
}
