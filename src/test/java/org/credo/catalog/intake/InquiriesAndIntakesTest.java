package org.credo.catalog.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.time.Duration;
import java.time.LocalDate;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.credo.CredoTest;
import org.credo.WebSessions;
import org.credo.catalog.CatalogFixtures;
import org.credo.catalog.CatalogFixtures.ProgramContent;
import org.credo.platform.Role;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/** "Apply" and "Request information" from a program page, and the staff pages that keep starts and read inquiries. */
@CredoTest
class InquiriesAndIntakesTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    CatalogFixtures fixtures;
    UUID northfield;
    String code;
    UUID program;

    @BeforeEach
    void program() {
        fixtures = new CatalogFixtures(jdbc);
        northfield = fixtures.northfield();
        code = "INQ-" + CatalogFixtures.suffix();
        program = fixtures.program(northfield, code);
        fixtures.programVersion(
                program,
                1,
                LocalDate.now().minusDays(5),
                ProgramContent.certificate("Inquiry Studies " + code, "{\"type\":\"credits\",\"minimum\":3}"));
    }

    @Test
    void anInquiryIsValidatedStoredConfirmedAndAudited() throws Exception {
        var invalid = mvc.perform(post("/catalog/programs/" + code + "/inquiries")
                        .with(csrf())
                        .accept(MediaType.TEXT_HTML)
                        .param("kind", "APPLY")
                        .param("name", "")
                        .param("email", "not-an-email")
                        .param("phone", "call me maybe")
                        .param("message", "Hello <b>there</b>"))
                .andReturn()
                .getResponse();
        assertThat(invalid.getStatus()).isEqualTo(200);
        var page = Jsoup.parse(invalid.getContentAsString());
        assertThat(page.getElementById("error-summary").text())
                .contains("tell us your name")
                .contains("this does not look like an email address")
                .contains("use digits");
        assertThat(page.getElementById("email").val()).isEqualTo("not-an-email");
        assertThat(page.getElementById("message").text()).isEqualTo("Hello <b>there</b>");
        assertThat(count()).isZero();

        var sent = mvc.perform(post("/catalog/programs/" + code + "/inquiries")
                        .with(csrf())
                        .param("kind", "APPLY")
                        .param("name", "Ada Applicant")
                        .param("email", "ada@example.test")
                        .param("phone", "+1 555 0100")
                        .param("message", "When can I start?"))
                .andReturn()
                .getResponse();
        assertThat(sent.getRedirectedUrl()).isEqualTo("/catalog/programs/" + code + "/inquiry-sent?kind=APPLY");
        var confirmation = mvc.perform(get(sent.getRedirectedUrl()).accept(MediaType.TEXT_HTML))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(Jsoup.parse(confirmation).text()).contains("interest in applying to Inquiry Studies " + code);
        var stored = jdbc.sql("SELECT kind, name, email, phone, message FROM catalog_inquiry WHERE program_id = ?")
                .param(program)
                .query()
                .singleRow();
        assertThat(stored)
                .containsEntry("kind", "APPLY")
                .containsEntry("name", "Ada Applicant")
                .containsEntry("email", "ada@example.test")
                .containsEntry("phone", "+1 555 0100")
                .containsEntry("message", "When can I start?");
        Awaitility.await()
                .atMost(Duration.ofSeconds(10))
                .until(() -> jdbc.sql(
                                        "SELECT count(*) FROM audit_entry WHERE action = 'catalog.inquiry.received' AND summary = ?")
                                .param("Application interest for " + code)
                                .query(Long.class)
                                .single()
                        == 1);
    }

    @Test
    void robotsAndFloodsAreTurnedAway() throws Exception {
        var robot = mvc.perform(post("/catalog/programs/" + code + "/inquiries")
                        .with(csrf())
                        .param("kind", "INFORMATION")
                        .param("name", "Bot")
                        .param("email", "bot@example.test")
                        .param("website", "http://spam.example"))
                .andReturn()
                .getResponse();
        assertThat(robot.getRedirectedUrl()).endsWith("/inquiry-sent?kind=INFORMATION");
        assertThat(count()).isZero();

        // The form acts for nobody in particular and its readers have no session (ADR 29): it needs no CSRF token,
        // and the honeypot and the limits below are what keep robots out.
        var withoutToken = mvc.perform(post("/catalog/programs/" + code + "/inquiries")
                        .param("kind", "INFORMATION")
                        .param("name", "No Token")
                        .param("email", "nt-" + code + "@example.test"))
                .andReturn()
                .getResponse();
        assertThat(withoutToken.getRedirectedUrl()).endsWith("/inquiry-sent?kind=INFORMATION");

        for (int i = 0; i < Inquiries.PER_EMAIL_PER_HOUR; i++) {
            assertThat(inquire("eager-" + code + "@example.test").getRedirectedUrl())
                    .endsWith("/inquiry-sent?kind=INFORMATION");
        }
        var refused = inquire("Eager-" + code + "@Example.TEST");
        assertThat(refused.getStatus()).isEqualTo(200);
        assertThat(Jsoup.parse(refused.getContentAsString())
                        .getElementById("error-summary")
                        .text())
                .contains("several requests from this address");
        assertThat(count()).isEqualTo(Inquiries.PER_EMAIL_PER_HOUR + 1);
    }

    @Test
    void admissionsReadInquiriesPageByPage() throws Exception {
        for (int i = 0; i < 3; i++) {
            inquire("reader" + i + "-" + code + "@example.test");
        }
        var session = WebSessions.signIn(mvc, Role.ADMISSIONS_OFFICER);
        var page =
                Jsoup.parse(mvc.perform(get("/manage/catalog/inquiries?size=2").cookie(session))
                        .andReturn()
                        .getResponse()
                        .getContentAsString());
        assertThat(page.select("#inquiry-list tbody tr")).hasSize(2);
        assertThat(page.text()).contains("reader2-" + code).contains("Page 1 of");
    }

    @Test
    void theCatalogEditorSchedulesAndRemovesStarts() throws Exception {
        var session = WebSessions.signIn(mvc, Role.CATALOG_EDITOR);
        var term = jdbc.sql("SELECT id, name, starts_on FROM scheduling_term WHERE code = 'SP27'")
                .query((rs, n) ->
                        new Object[] {rs.getObject(1, UUID.class), rs.getString(2), rs.getObject(3, LocalDate.class)})
                .single();
        var starts = (LocalDate) term[2];
        var untied = mvc.perform(post("/manage/catalog/intakes")
                        .with(csrf())
                        .cookie(session)
                        .param("programId", program.toString())
                        .param("termName", "Fall " + code)
                        .param("startsOn", starts.toString()))
                .andReturn()
                .getResponse();
        assertThat(Jsoup.parse(untied.getContentAsString())
                        .getElementById("error-summary")
                        .text())
                .contains("choose the term this start belongs to");
        var wrong = mvc.perform(post("/manage/catalog/intakes")
                        .with(csrf())
                        .cookie(session)
                        .param("programId", program.toString())
                        .param("termId", term[0].toString())
                        .param("applicationDeadline", starts.plusDays(1).toString()))
                .andReturn()
                .getResponse();
        assertThat(wrong.getStatus()).isEqualTo(200);
        assertThat(Jsoup.parse(wrong.getContentAsString())
                        .getElementById("error-summary")
                        .text())
                .contains("on or before the start date");

        var added = mvc.perform(post("/manage/catalog/intakes")
                        .with(csrf())
                        .cookie(session)
                        .param("programId", program.toString())
                        .param("termId", term[0].toString())
                        .param("applicationDeadline", starts.minusDays(30).toString()))
                .andReturn()
                .getResponse();
        assertThat(added.getRedirectedUrl()).isEqualTo("/manage/catalog/intakes");
        assertThat(jdbc.sql("SELECT term_id FROM catalog_program_intake WHERE program_id = ?")
                        .param(program)
                        .query(UUID.class)
                        .single())
                .isEqualTo(term[0]);
        var publicPage =
                Jsoup.parse(mvc.perform(get("/catalog/programs/" + code).accept(MediaType.TEXT_HTML))
                        .andReturn()
                        .getResponse()
                        .getContentAsString());
        assertThat(publicPage.getElementById("intakes").text()).contains((String) term[1]);

        var id = jdbc.sql("SELECT id FROM catalog_program_intake WHERE program_id = ?")
                .param(program)
                .query(UUID.class)
                .single();
        mvc.perform(
                post("/manage/catalog/intakes/" + id + "/delete").with(csrf()).cookie(session));
        assertThat(jdbc.sql("SELECT count(*) FROM catalog_program_intake WHERE program_id = ?")
                        .param(program)
                        .query(Long.class)
                        .single())
                .isZero();
        Awaitility.await()
                .atMost(Duration.ofSeconds(10))
                .until(() -> jdbc.sql("SELECT count(*) FROM audit_entry WHERE action IN ('catalog.intake.scheduled',"
                                        + " 'catalog.intake.removed') AND subject_id = ?")
                                .param(id.toString())
                                .query(Long.class)
                                .single()
                        == 2);
    }

    private org.springframework.mock.web.MockHttpServletResponse inquire(String email) throws Exception {
        return mvc.perform(post("/catalog/programs/" + code + "/inquiries")
                        .with(csrf())
                        .accept(MediaType.TEXT_HTML)
                        .param("kind", "INFORMATION")
                        .param("name", "Curious Person")
                        .param("email", email))
                .andReturn()
                .getResponse();
    }

    private long count() {
        return jdbc.sql("SELECT count(*) FROM catalog_inquiry WHERE program_id = ?")
                .param(program)
                .query(Long.class)
                .single();
    }
}
