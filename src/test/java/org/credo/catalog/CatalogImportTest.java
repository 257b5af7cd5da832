package org.credo.catalog;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.ThreadLocalRandom;
import org.credo.CredoTest;
import org.credo.WebSessions;
import org.credo.platform.Role;
import org.credo.platform.demo.DemoData;
import org.credo.platform.people.Accounts;
import org.credo.platform.tokens.ApiTokenRequest;
import org.credo.platform.tokens.ApiTokenService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

/** CSV import of an existing catalog: every bad row named, nothing applied from a file with errors. */
@CredoTest
class CatalogImportTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    Accounts accounts;

    @Autowired
    ApiTokenService tokens;

    @Autowired
    JdbcClient jdbc;

    static final String HEADER =
            "kind,code,title,credits,description,outcomes,prerequisites,requirements,type,level,cip_code,time_to_complete,delivery_mode,achievement\n";

    String subject() {
        return "IM" + (char) ('A' + ThreadLocalRandom.current().nextInt(26))
                + (char) ('A' + ThreadLocalRandom.current().nextInt(26))
                + (char) ('A' + ThreadLocalRandom.current().nextInt(26));
    }

    String token() {
        return "Bearer "
                + tokens.create(
                                accounts.loadUserByUsername(DemoData.email(Role.REGISTRAR)),
                                new ApiTokenRequest("import", null, 1))
                        .token();
    }

    long versions() {
        return jdbc.sql("SELECT COUNT(*) FROM catalog_course_version")
                        .query(Long.class)
                        .single()
                + jdbc.sql("SELECT COUNT(*) FROM catalog_program_version")
                        .query(Long.class)
                        .single();
    }

    MockMultipartFile file(String csv) {
        return new MockMultipartFile("file", "catalog.csv", "text/csv", csv.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void aCleanFileLoadsCoursesAndProgramsThatReferenceEachOther() throws Exception {
        var s = subject();
        var csv = HEADER
                + "COURSE,%s 101,Basics,3,Start here.,Know things|Do things,,,,,,,,\n".formatted(s)
                + "COURSE,%s 201,More,3,Then this.,Go further,%s 101 min C,,,,,,,\n".formatted(s, s)
                + "PROGRAM,P-%s,\"Certificate, %s\",6,Two courses.,Finish,,\"%s 101, %s 201 min C\",CERTIFICATE,Undergraduate,11.0701,P1Y,ONLINE,Certificate in Data Analysis\n"
                        .formatted(s, s, s, s);
        mvc.perform(multipart("/api/v1/catalog/imports").file(file(csv)).header("Authorization", token()))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.courses", is(2)))
                .andExpect(jsonPath("$.programs", is(1)));
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get(
                                "/api/v1/catalog/programs/P-" + s)
                        .header("Authorization", token()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.content.name", is("Certificate, " + s)))
                .andExpect(jsonPath("$.content.requirements.items[1].minGrade", is("C")))
                .andExpect(jsonPath("$.content.achievementLineageId", not(is((Object) null))));
    }

    @Test
    void everyBadRowIsReportedAndNothingIsApplied() throws Exception {
        var s = subject();
        var before = versions();
        var csv = HEADER
                + "COURSE,%s 101,Fine,3,Good row.,One,,,,,,,,\n".formatted(s)
                + "COURSE,%s 102,Loop A,3,d,o,%s 103,,,,,,,\n".formatted(s, s)
                + "COURSE,%s 103,Loop B,3,d,o,%s 102,,,,,,,\n".formatted(s, s)
                + "COURSE,%s 101,Again,3,d,o,,,,,,,,\n".formatted(s)
                + "COURSE,not-a-code,Bad,3,d,o,,,,,,,,\n"
                + "PROGRAM,P-%s,Prog,6,d,o,,DATA 101,CERTIFICATE,Undergraduate,117.01,P1Y,ONLINE,\n".formatted(s)
                + "PROGRAM,Q-%s,Prog,6,d,o,,NOPE 999,CERTIFICATE,Undergraduate,11.0701,P1Y,ONLINE,\n".formatted(s)
                + "COURSE,%s 104,=HYPERLINK(\"http://evil\"),-3,d,o,,,,,,,,\n".formatted(s)
                + "WIDGET,X 1,?,1,d,o,,,,,,,,\n";
        mvc.perform(multipart("/api/v1/catalog/imports").file(file(csv)).header("Authorization", token()))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.detail", containsString("nothing was imported")))
                .andExpect(jsonPath("$.errors[*].row", hasItem(3)))
                .andExpect(jsonPath(
                        "$.errors[*].message",
                        hasItem("circular prerequisites: " + s + " 102 → " + s + " 103 → " + s + " 102")))
                .andExpect(jsonPath("$.errors[*].message", hasItem("duplicate: " + s + " 101 is also on row 2")))
                .andExpect(jsonPath(
                        "$.errors[*].message", hasItem("code: \"not-a-code\" is not a course code such as \"CS 101\"")))
                .andExpect(jsonPath("$.errors[*].message", hasItem(containsString("\"117.01\" is not a CIP code"))))
                .andExpect(
                        jsonPath(
                                "$.errors[*].message",
                                hasItem(
                                        "unknown course NOPE 999 in requirements: it is neither in the catalog nor in this file")))
                .andExpect(jsonPath("$.errors[*].message", hasItem("credits: cannot be negative")))
                .andExpect(jsonPath("$.errors[*].message", hasItem("kind must be COURSE or PROGRAM, not \"WIDGET\"")));
        org.assertj.core.api.Assertions.assertThat(versions()).isEqualTo(before);
    }

    @Test
    void theImportPageListsBadRowsWithoutEchoingFormulas() throws Exception {
        var csv = HEADER + "COURSE,=1+2,Bad,3,d,o,,,,,,,,\n";
        mvc.perform(
                        multipart("/manage/catalog/import")
                                .file(file(csv))
                                .cookie(WebSessions.signIn(mvc, Role.CATALOG_EDITOR))
                                .with(org.springframework.security.test.web.servlet.request
                                        .SecurityMockMvcRequestPostProcessors.csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Nothing was imported")))
                .andExpect(content().string(containsString("&quot;&#39;=1+2&quot; is not a course code")));
    }
}
