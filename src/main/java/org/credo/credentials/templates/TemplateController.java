package org.credo.credentials.templates;

import jakarta.servlet.http.HttpServletResponse;
import java.util.Arrays;
import java.util.List;
import org.credo.platform.CredoUser;
import org.credo.platform.OrganizationSummary;
import org.credo.platform.Organizations;
import org.credo.platform.ProblemException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Staff pages to word the earner emails and lay out the certificate: edit, preview, save, reset. */
@Controller
@RequestMapping("/manage/templates")
@PreAuthorize("hasAnyRole('REGISTRAR', 'ADMINISTRATOR')")
class TemplateController {

    static final String LIST = "credentials/templates";
    static final String EDIT = "credentials/template";
    static final String PREVIEW = "credentials/template-preview";

    /** The form as staff typed it; kept on errors. */
    record TemplateForm(String subject, String html, String text) {

        TemplateForm {
            subject = subject == null ? "" : subject;
            html = html == null ? "" : html;
            text = text == null ? "" : text;
        }

        static TemplateForm of(TemplateText text) {
            return new TemplateForm(text.subject(), text.html(), text.text());
        }

        TemplateText toText() {
            return new TemplateText(subject.strip(), html, text);
        }
    }

    private final OrganizationTemplates templates;
    private final CertificatePdf pdf;
    private final Organizations organizations;

    TemplateController(OrganizationTemplates templates, CertificatePdf pdf, Organizations organizations) {
        this.templates = templates;
        this.pdf = pdf;
        this.organizations = organizations;
    }

    @GetMapping
    String list(@AuthenticationPrincipal CredoUser user, Model model) {
        model.addAttribute(
                "templates",
                Arrays.stream(TemplateKind.values())
                        .map(kind -> templates.current(user.organizationId(), kind))
                        .toList());
        model.addAttribute("zone", user.zone());
        return LIST;
    }

    @GetMapping("/{slug}")
    String edit(@AuthenticationPrincipal CredoUser user, @PathVariable String slug, Model model) {
        var kind = kind(slug);
        var current = templates.current(user.organizationId(), kind);
        return form(user, kind, TemplateForm.of(current.text()), List.of(), model);
    }

    @PostMapping("/{slug}")
    String save(
            @AuthenticationPrincipal CredoUser user,
            @PathVariable String slug,
            @ModelAttribute("form") TemplateForm form,
            HttpServletResponse response,
            Model model,
            RedirectAttributes redirect) {
        var kind = kind(slug);
        var problems = templates.save(user.organizationId(), kind, form.toText());
        if (!problems.isEmpty()) {
            response.setStatus(422);
            return form(user, kind, form, problems, model);
        }
        redirect.addFlashAttribute("flash", kind.label() + " saved: it is used from now on.");
        return "redirect:/manage/templates/" + kind.slug();
    }

    /** Renders what was typed (saved or not) with sample values: an email as a page, the certificate as a PDF. */
    @PostMapping("/{slug}/preview")
    Object preview(
            @AuthenticationPrincipal CredoUser user,
            @PathVariable String slug,
            @ModelAttribute("form") TemplateForm form,
            HttpServletResponse response,
            Model model) {
        var kind = kind(slug);
        var text = form.toText();
        var problems = templates.validate(kind, text);
        if (!problems.isEmpty()) {
            response.setStatus(422);
            return form(user, kind, form, problems, model);
        }
        var sample = OrganizationTemplates.sample(kind, organizationName(user));
        if (kind == TemplateKind.CERTIFICATE) {
            return ResponseEntity.ok()
                    .contentType(MediaType.APPLICATION_PDF)
                    .header(HttpHeaders.CONTENT_DISPOSITION, "inline; filename=\"certificate-preview.pdf\"")
                    .body(pdf.render(
                            templates.previewCertificate(text, sample),
                            sample.get("achievementName"),
                            sample.get("recipientName"),
                            sample.get("issuerName")));
        }
        model.addAttribute("kind", kind);
        model.addAttribute("email", templates.previewEmail(text, sample));
        return PREVIEW;
    }

    @PostMapping("/{slug}/reset")
    String reset(@AuthenticationPrincipal CredoUser user, @PathVariable String slug, RedirectAttributes redirect) {
        var kind = kind(slug);
        templates.reset(user.organizationId(), kind);
        redirect.addFlashAttribute("flash", kind.label() + " is back to the built-in template.");
        return "redirect:/manage/templates/" + kind.slug();
    }

    private static String label(TemplateKind kind, String field) {
        return switch (field) {
            case "html" -> kind.isEmail() ? "HTML body" : "Certificate";
            case "text" -> "Plain-text body";
            default -> "Subject";
        };
    }

    private String form(
            CredoUser user, TemplateKind kind, TemplateForm form, List<TemplateProblem> problems, Model model) {
        model.addAttribute("kind", kind);
        model.addAttribute("form", form);
        model.addAttribute("problems", problems);
        model.addAttribute(
                "problemFields",
                problems.stream().map(TemplateProblem::field).distinct().toList());
        // For the error summary: each problem linked to its field and named by the field's label.
        model.addAttribute(
                "summary",
                problems.stream()
                        .map(p -> java.util.Map.of(
                                "field", p.field(), "message", label(kind, p.field()) + ": " + p.message()))
                        .toList());
        model.addAttribute("current", templates.current(user.organizationId(), kind));
        model.addAttribute("history", templates.history(user.organizationId(), kind));
        model.addAttribute("zone", user.zone());
        return EDIT;
    }

    private String organizationName(CredoUser user) {
        return organizations
                .find(user.organizationId())
                .map(OrganizationSummary::name)
                .orElse("Your organization");
    }

    private static TemplateKind kind(String slug) {
        try {
            return TemplateKind.ofSlug(slug);
        } catch (IllegalArgumentException e) {
            throw ProblemException.notFound("That template");
        }
    }
}
