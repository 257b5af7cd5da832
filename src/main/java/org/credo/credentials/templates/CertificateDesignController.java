package org.credo.credentials.templates;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Base64;
import java.util.HashMap;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.credo.platform.CredoUser;
import org.credo.platform.ProblemException;
import org.credo.platform.UploadLimit;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The certificate designer: a form with a live preview; the raw template editor stays as the "Advanced" path. */
@Controller
@RequestMapping("/manage/templates/certificate/design")
@PreAuthorize("hasAnyRole('REGISTRAR', 'ADMINISTRATOR')")
class CertificateDesignController {

    static final String VIEW = "credentials/certificate-design";

    private final CertificateDesigner designer;
    private final OrganizationTemplates templates;
    private final CertificatePdf pdf;

    CertificateDesignController(CertificateDesigner designer, OrganizationTemplates templates, CertificatePdf pdf) {
        this.designer = designer;
        this.templates = templates;
        this.pdf = pdf;
    }

    @GetMapping
    String page(@AuthenticationPrincipal CredoUser user, Model model) {
        var form = CertificateDesignForm.of(designer.current(user.organizationId()));
        model.addAttribute("form", form);
        model.addAttribute("preview", preview(user, form.design()));
        return VIEW;
    }

    /** The preview of page one as a picture, for htmx to swap in as the form changes. */
    @PostMapping("/preview")
    String previewFragment(
            @AuthenticationPrincipal CredoUser user, @ModelAttribute("form") CertificateDesignForm form, Model model) {
        try {
            model.addAttribute("preview", preview(user, designer.checked(form.design())));
        } catch (ProblemException e) {
            model.addAttribute("previewError", e.getMessage().replaceFirst("^\\w+: ", ""));
        }
        return VIEW + " :: preview";
    }

    @PostMapping
    String save(
            @AuthenticationPrincipal CredoUser user,
            @ModelAttribute("form") CertificateDesignForm form,
            BindingResult binding,
            @RequestParam(value = "signature", required = false) MultipartFile signature,
            Model model,
            RedirectAttributes redirect) {
        try {
            if (signature != null && !signature.isEmpty()) {
                form.setSignatureImageId(designer.signature(user.organizationId(), UploadLimit.IMAGE.read(signature)));
            }
            designer.save(user.organizationId(), form.design());
            redirect.addFlashAttribute("flash", "Certificate design saved: certificates are laid out this way now.");
            return "redirect:/manage/templates/certificate/design";
        } catch (ProblemException e) {
            var field = e.field().orElse("signerName");
            binding.rejectValue(
                    field.equals("signature") ? "signatureImageId" : field,
                    "invalid",
                    e.getMessage().replaceFirst("^\\w+: ", ""));
        }
        model.addAttribute("preview", null);
        return VIEW;
    }

    private String preview(CredoUser user, CertificateDesigner.Design design) {
        var values = new HashMap<>(OrganizationTemplates.sample(TemplateKind.CERTIFICATE, "Your organization"));
        values.putAll(designer.pictures(user.organizationId()));
        if (design.signatureImageId() == null) {
            values.put("signatureImage", "");
        }
        var bytes = pdf.render(
                templates.previewCertificate(designer.template(design), values),
                values.get("achievementName"),
                values.get("recipientName"),
                values.get("issuerName"));
        try (var document = Loader.loadPDF(bytes)) {
            BufferedImage page = new PDFRenderer(document).renderImageWithDPI(0, 40);
            var out = new ByteArrayOutputStream();
            ImageIO.write(page, "png", out);
            return "data:image/png;base64," + Base64.getEncoder().encodeToString(out.toByteArray());
        } catch (IOException e) {
            throw new IllegalStateException("The preview PDF could not be drawn", e);
        }
    }
}
