package org.credo.catalog.publiccatalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.time.LocalDate;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.credo.CredoTest;
import org.credo.TaggedPdfs;
import org.credo.catalog.CatalogFixtures;
import org.credo.catalog.CatalogFixtures.ProgramContent;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/** The printable brochure of a program. */
@CredoTest
class BrochureTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Test
    void theBrochureCarriesNameRequirementsCostAndStarts() throws Exception {
        var fixtures = new CatalogFixtures(jdbc);
        var northfield = fixtures.northfield();
        var s = CatalogFixtures.suffix();
        var program = fixtures.program(northfield, "BRO-" + s);
        fixtures.programVersion(
                program,
                1,
                LocalDate.now().minusDays(3),
                ProgramContent.certificate(
                        "Brochure & <Print> Studies " + s,
                        "{\"type\":\"choose\",\"count\":2,\"items\":[{\"type\":\"course\",\"course\":\"BR 101\"},"
                                + "{\"type\":\"course\",\"course\":\"BR 102\"},{\"type\":\"course\",\"course\":\"BR 103\"}]}"));
        fixtures.intake(
                northfield,
                program,
                "Winter " + s,
                LocalDate.now().plusDays(40),
                LocalDate.now().plusDays(20));

        var response = mvc.perform(get("/catalog/programs/BRO-" + s + "/brochure.pdf"))
                .andReturn()
                .getResponse();
        assertThat(response.getStatus()).isEqualTo(200);
        assertThat(response.getContentType()).isEqualTo("application/pdf");
        try (var pdf = Loader.loadPDF(response.getContentAsByteArray())) {
            var text = new PDFTextStripper().getText(pdf).replaceAll("\\s+", " ");
            assertThat(text)
                    .contains("Brochure & <Print> Studies " + s)
                    .contains("Choose 2 of:")
                    .contains("BR 102")
                    .contains("4500.00 USD")
                    .contains("Winter " + s)
                    .contains("16 weeks");
            TaggedPdfs.assertTagged(pdf, "Brochure & <Print> Studies " + s + " \u2014 Northfield College", "en");
        }
    }
}
