package org.credo.credentials.templates;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.util.HashMap;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.credo.CredoTest;
import org.credo.WebSessions;
import org.credo.credentials.CredentialFixtures;
import org.credo.platform.ProblemException;
import org.credo.platform.Role;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/** The certificate designer turns a form into a template whose PDFs have the chosen paper and orientation. */
@CredoTest
class CertificateDesignerTest {

    @Autowired
    CertificateDesigner designer;

    @Autowired
    OrganizationTemplates templates;

    @Autowired
    CertificatePdf pdf;

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Test
    void theChosenPaperAndOrientationReachThePdfAndTextIsEscaped() throws Exception {
        var letterPortrait = new CertificateDesigner.Design(
                "Dr. <b>Ada</b> & {{recipientName}}",
                "Registrar",
                "#14532d",
                "#b45309",
                CertificateDesigner.Paper.LETTER,
                CertificateDesigner.Orientation.PORTRAIT,
                true,
                null);
        try (var document = Loader.loadPDF(render(letterPortrait))) {
            var box = document.getPage(0).getMediaBox();
            assertThat(Math.round(box.getWidth())).isEqualTo(612);
            assertThat(Math.round(box.getHeight())).isEqualTo(792);
            var text = new PDFTextStripper().getText(document);
            assertThat(text).contains("Dr. <b>Ada</b> & {{recipientName}}").contains("Alex Sample");
        }
        var a4Landscape = new CertificateDesigner.Design(
                "",
                "",
                "#14532d",
                "#b45309",
                CertificateDesigner.Paper.A4,
                CertificateDesigner.Orientation.LANDSCAPE,
                false,
                null);
        try (var document = Loader.loadPDF(render(a4Landscape))) {
            var box = document.getPage(0).getMediaBox();
            assertThat(Math.round(box.getWidth())).isEqualTo(842);
            assertThat(Math.round(box.getHeight())).isEqualTo(595);
        }
    }

    @Test
    void unreadableColoursAreRefusedNamingTheField() {
        var pale = new CertificateDesigner.Design(
                "",
                "",
                "#ffff00",
                "#b45309",
                CertificateDesigner.Paper.A4,
                CertificateDesigner.Orientation.LANDSCAPE,
                true,
                null);
        assertThatThrownBy(() -> designer.checked(pale))
                .isInstanceOf(ProblemException.class)
                .satisfies(e -> assertThat(((ProblemException) e).field()).contains("primaryColour"));
        var malformed = new CertificateDesigner.Design(
                "",
                "",
                "red",
                "#b45309",
                CertificateDesigner.Paper.A4,
                CertificateDesigner.Orientation.LANDSCAPE,
                true,
                null);
        assertThatThrownBy(() -> designer.checked(malformed)).hasMessageContaining("six hex digits");
    }

    @Test
    void theDesignerPageSavesANewCertificateTemplateVersionAndPreviewsIt() throws Exception {
        var session = WebSessions.signIn(mvc, Role.REGISTRAR);
        var page = mvc.perform(get("/manage/templates/certificate/design").cookie(session))
                .andReturn()
                .getResponse();
        assertThat(page.getStatus()).isEqualTo(200);
        assertThat(page.getContentAsString()).contains("data:image/png;base64,").contains("hx-post");

        var preview = mvc.perform(post("/manage/templates/certificate/design/preview")
                        .with(csrf())
                        .cookie(session)
                        .header("HX-Request", "true")
                        .param("paper", "LETTER")
                        .param("orientation", "PORTRAIT")
                        .param("primaryColour", "#14532d")
                        .param("accentColour", "#b45309")
                        .param("signerName", "Rosa Registrar"))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(preview)
                .contains("id=\"preview\"")
                .contains("data:image/png;base64,")
                .doesNotContain("<html");

        var organization = CredentialFixtures.northfield(jdbc);
        int before = templates.history(organization, TemplateKind.CERTIFICATE).size();
        var saved = mvc.perform(post("/manage/templates/certificate/design")
                        .with(csrf())
                        .cookie(session)
                        .param("paper", "A4")
                        .param("orientation", "LANDSCAPE")
                        .param("primaryColour", "#14532d")
                        .param("accentColour", "#b45309")
                        .param("showLogo", "true")
                        .param("signerName", "Rosa Registrar")
                        .param("signerTitle", "Registrar"))
                .andReturn()
                .getResponse();
        assertThat(saved.getStatus()).isEqualTo(302);
        assertThat(templates.history(organization, TemplateKind.CERTIFICATE)).hasSize(before + 1);
        assertThat(templates
                        .current(organization, TemplateKind.CERTIFICATE)
                        .text()
                        .html())
                .contains("size: A4 landscape")
                .contains("Rosa Registrar")
                .contains("{{organizationLogo}}");

        var refused = mvc.perform(post("/manage/templates/certificate/design")
                        .with(csrf())
                        .cookie(session)
                        .param("paper", "A4")
                        .param("orientation", "LANDSCAPE")
                        .param("primaryColour", "#eeeeee")
                        .param("accentColour", "#b45309"))
                .andReturn()
                .getResponse();
        assertThat(refused.getStatus()).isEqualTo(200);
        assertThat(refused.getContentAsString())
                .contains("aria-invalid=\"true\"")
                .contains("#eeeeee");
    }

    private byte[] render(CertificateDesigner.Design design) {
        var values = new HashMap<>(OrganizationTemplates.sample(TemplateKind.CERTIFICATE, "Northfield College"));
        values.put("signatureImage", "");
        return pdf.render(
                templates.previewCertificate(designer.template(designer.checked(design)), values),
                "Sample Achievement",
                "Alex Sample",
                "Northfield College");
    }
}
