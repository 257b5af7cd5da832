package org.credo.learners.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import jakarta.servlet.http.Cookie;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.UUID;
import org.credo.CredoTest;
import org.credo.WebSessions;
import org.credo.catalog.CatalogFixtures;
import org.credo.catalog.CatalogFixtures.ProgramContent;
import org.credo.learners.LearnerStatus;
import org.credo.learners.record.LearnerContacts;
import org.credo.learners.record.LearnerDetails;
import org.credo.platform.Role;
import org.credo.platform.demo.DemoData;
import org.credo.platform.people.Accounts;
import org.credo.platform.tokens.ApiTokenRequest;
import org.credo.platform.tokens.ApiTokenService;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.json.JsonMapper;

/**
 * A people import reports every bad row with its row, column and what to fix, and imports nothing until the file is
 * clean; confirming creates every record through the learners service in one go; the same file is never applied
 * twice, on the page or through the API.
 */
@CredoTest
class LearnerImportsTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    LearnerContacts contacts;

    @Autowired
    ApiTokenService tokens;

    @Autowired
    Accounts accounts;

    @Autowired
    JsonMapper json;

    String suffix;
    String code;
    UUID northfield;

    @BeforeEach
    void program() {
        var fixtures = new CatalogFixtures(jdbc);
        northfield = fixtures.northfield();
        suffix = CatalogFixtures.suffix().toLowerCase();
        code = "IMP-" + suffix.toUpperCase();
        var program = fixtures.program(northfield, code);
        fixtures.programVersion(
                program,
                1,
                LocalDate.now().minusDays(5),
                ProgramContent.certificate("Import Studies " + code, "{\"type\":\"credits\",\"minimum\":3}"));
    }

    @Test
    void everyBadRowIsReportedAndNothingIsImported() throws Exception {
        var taken = "taken-" + suffix + "@example.org";
        contacts.create(
                northfield,
                new LearnerDetails("Tara", "Taken" + suffix, null, null, null, null, null, false),
                LearnerStatus.PROSPECT,
                null,
                taken);
        contacts.create(
                northfield,
                new LearnerDetails("Gil", "Known" + suffix, null, LocalDate.of(1999, 9, 9), null, null, null, false),
                LearnerStatus.PROSPECT,
                null,
                null);
        var family = "Bad" + suffix;
        var csv = """
                given_name,family_name,date_of_birth,email,program_code,status
                Ann,%1$s,2001-02-30,ann-%2$s@example.org,%3$s,ACTIVE
                Ben,%1$s,2001-02-03,not-an-email,%3$s,
                Cy,%1$s,,cy-%2$s@example.org,NOPE-101,
                Di,%1$s,,dup-%2$s@example.org,,
                Ed,%1$s,,DUP-%2$s@example.org,,
                Flo,%1$s,,%4$s,,
                ,%1$s,,,,sleeping
                Gil,Known%2$s,1999-09-09,gil-%2$s@example.org,,
                """.formatted(family, suffix, code, taken);
        var page = Jsoup.parse(upload(WebSessions.signIn(mvc, Role.REGISTRAR), "bad.csv", csv));
        var problems = page.select("#import-errors tbody tr").stream()
                .map(tr -> tr.child(0).text() + "|" + tr.child(1).text() + "|"
                        + tr.child(2).text())
                .toList();
        assertThat(problems)
                .anyMatch(p -> p.startsWith("2|date_of_birth|") && p.contains("not a date"))
                .anyMatch(p -> p.startsWith("3|email|") && p.contains("not an email address"))
                .anyMatch(p -> p.startsWith("4|program_code|") && p.contains("NOPE-101"))
                .anyMatch(p -> p.startsWith("6|email|") && p.contains("Row 5 has the same email"))
                .anyMatch(p -> p.startsWith("7|email|") && p.contains("already exists"))
                .anyMatch(p -> p.startsWith("8|given_name|"))
                .anyMatch(p -> p.startsWith("8|status|") && p.contains("PROSPECT"))
                .anyMatch(p -> p.startsWith("9||Possibly the same person as Gil Known" + suffix)
                        && p.contains("same legal name and date of birth"));
        assertThat(page.getElementById("confirm-import")).isNull();
        assertThat(learnersNamed(family)).isZero();
    }

    @Test
    void aCleanFileIsImportedOnConfirmAndTheSameFileNeverTwice() throws Exception {
        var family = "Good" + suffix;
        var csv = """
                given_name,family_name,preferred_name,date_of_birth,email,phone,program_code,status,external_id
                Grace,%1$s,Gracie,2003-05-06,grace-%2$s@example.org,+1 312 555 0100,%3$s,ADMITTED,SIS-%2$s-1
                "Hopper, Jr.",%1$s,,,hopper-%2$s@example.org,,,,SIS-%2$s-2
                """.formatted(family, suffix, code);
        var registrar = WebSessions.signIn(mvc, Role.REGISTRAR);
        var page = Jsoup.parse(upload(registrar, "good.csv", csv));
        assertThat(page.select("#import-preview tbody tr")).hasSize(2);
        assertThat(learnersNamed(family)).as("nothing before confirming").isZero();
        var action = page.select("#import-preview form").attr("action");

        var confirmed = mvc.perform(post(action).with(csrf()).cookie(registrar))
                .andReturn()
                .getResponse();
        assertThat(confirmed.getRedirectedUrl()).isEqualTo("/manage/learners");
        assertThat(learnersNamed(family)).isEqualTo(2);
        var grace = jdbc.sql(
                        "SELECT id, learner_number, status, program_code, preferred_name, date_of_birth FROM learner"
                                + " WHERE legal_family_name = ? AND legal_given_name = 'Grace'")
                .param(family)
                .query((rs, n) -> new Object[] {
                    rs.getObject(1, UUID.class),
                    rs.getString(2),
                    rs.getString(3),
                    rs.getString(4),
                    rs.getString(5),
                    rs.getObject(6, LocalDate.class)
                })
                .single();
        assertThat((String) grace[1]).isNotBlank();
        assertThat(grace[2]).isEqualTo("ADMITTED");
        assertThat(grace[3]).isEqualTo(code);
        assertThat(grace[4]).isEqualTo("Gracie");
        assertThat(grace[5]).isEqualTo(LocalDate.of(2003, 5, 6));
        assertThat(jdbc.sql("SELECT kind || ':' || contact_value FROM learner_contact WHERE learner_id = ?")
                        .param(grace[0])
                        .query(String.class)
                        .list())
                .containsExactlyInAnyOrder("EMAIL:grace-" + suffix + "@example.org", "PHONE:+1 312 555 0100");
        assertThat(jdbc.sql("SELECT identifier_value FROM learner_identifier WHERE learner_id = ?")
                        .param(grace[0])
                        .query(String.class)
                        .single())
                .isEqualTo("SIS-" + suffix + "-1");
        assertThat(jdbc.sql("SELECT legal_given_name FROM learner WHERE legal_family_name = ? ORDER BY 1")
                        .param(family)
                        .query(String.class)
                        .list())
                .containsExactly("Grace", "Hopper, Jr.");

        // The same file again, on the page or twice confirmed: nothing more happens.
        var again = Jsoup.parse(upload(registrar, "good-copy.csv", csv));
        assertThat(again.getElementById("import-already").text()).contains("already imported");
        assertThat(again.getElementById("confirm-import")).isNull();
        var twice = mvc.perform(post(action).with(csrf()).cookie(registrar))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(twice).contains("already imported");
        assertThat(learnersNamed(family)).isEqualTo(2);
    }

    @Test
    void theApiPreviewsConfirmsAndRefusesTheSameFileTwice() throws Exception {
        var auth = "Bearer "
                + tokens.create(
                                accounts.loadUserByUsername(DemoData.email(Role.ADMISSIONS_OFFICER)),
                                new ApiTokenRequest("imports", null, 1))
                        .token();
        var family = "Api" + suffix;
        var bad = "given_name,family_name,date_of_birth\nAl,%s,17/03/2004\n".formatted(family);
        var badAnswer = json.readTree(apiUpload(auth, bad));
        assertThat(badAnswer.get("confirmable").asBoolean()).isFalse();
        assertThat(badAnswer.get("problems").get(0).get("row").asInt()).isEqualTo(2);
        assertThat(badAnswer.get("problems").get(0).get("column").asString()).isEqualTo("date_of_birth");
        assertThat(badAnswer.get("problems").get(0).get("message").asString()).contains("YYYY-MM-DD");

        var good = "given_name,family_name,email\nAl,%1$s,al-%2$s@example.org\nBo,%1$s,\n".formatted(family, suffix);
        var preview = json.readTree(apiUpload(auth, good));
        assertThat(preview.get("confirmable").asBoolean()).isTrue();
        assertThat(preview.get("rows")).hasSize(2);
        var id = preview.get("id").asString();
        var applied = mvc.perform(
                        post("/api/v1/learners/imports/" + id + "/confirm").header("Authorization", auth))
                .andReturn()
                .getResponse();
        assertThat(applied.getStatus()).isEqualTo(200);
        assertThat(json.readTree(applied.getContentAsString()).get("created").asInt())
                .isEqualTo(2);

        var again = json.readTree(apiUpload(auth, good));
        assertThat(again.get("alreadyApplied").asBoolean()).isTrue();
        assertThat(again.get("confirmable").asBoolean()).isFalse();
        var twice = mvc.perform(
                        post("/api/v1/learners/imports/" + id + "/confirm").header("Authorization", auth))
                .andReturn()
                .getResponse();
        assertThat(twice.getStatus()).isEqualTo(409);
        assertThat(learnersNamed(family)).isEqualTo(2);
    }

    @Test
    void aFileThatIsNotUtf8OrHasWrongColumnsIsRefusedWithWhatToFix() throws Exception {
        var registrar = WebSessions.signIn(mvc, Role.REGISTRAR);
        var latin1 = "given_name,family_name\nJos\u00e9,Latin\n".getBytes(StandardCharsets.ISO_8859_1);
        var notUtf8 = Jsoup.parse(mvc.perform(multipart("/manage/learners/import")
                        .file(new MockMultipartFile("file", "latin1.csv", "text/csv", latin1))
                        .with(csrf())
                        .cookie(registrar)
                        .accept(MediaType.TEXT_HTML))
                .andReturn()
                .getResponse()
                .getContentAsString());
        assertThat(notUtf8.select("#import-errors tbody tr").first().text())
                .startsWith("2")
                .contains("CSV UTF-8");

        var columns = Jsoup.parse(upload(registrar, "columns.csv", "given_name,surname,email\nAda,Lovelace,a@b.org\n"));
        var problems = columns.select("#import-errors tbody tr").stream()
                .map(tr -> tr.child(0).text() + "|" + tr.child(1).text() + "|"
                        + tr.child(2).text())
                .toList();
        assertThat(problems)
                .anyMatch(p -> p.startsWith("1|surname|Unknown column"))
                .anyMatch(p -> p.startsWith("1|family_name|This column is missing"));
        assertThat(Jsoup.parse(upload(registrar, "header.csv", "given_name,family_name\n"))
                        .getElementById("import-errors")
                        .text())
                .contains("no learners");
    }

    private String upload(Cookie session, String name, String csv) throws Exception {
        return mvc.perform(multipart("/manage/learners/import")
                        .file(new MockMultipartFile("file", name, "text/csv", csv.getBytes(StandardCharsets.UTF_8)))
                        .with(csrf())
                        .cookie(session)
                        .accept(MediaType.TEXT_HTML))
                .andReturn()
                .getResponse()
                .getContentAsString();
    }

    private String apiUpload(String auth, String csv) throws Exception {
        return mvc.perform(multipart("/api/v1/learners/imports")
                        .file(new MockMultipartFile(
                                "file", "api.csv", "text/csv", csv.getBytes(StandardCharsets.UTF_8)))
                        .header("Authorization", auth))
                .andReturn()
                .getResponse()
                .getContentAsString();
    }

    private long learnersNamed(String family) {
        return jdbc.sql("SELECT count(*) FROM learner WHERE legal_family_name = ?")
                .param(family)
                .query(Long.class)
                .single();
    }
}
