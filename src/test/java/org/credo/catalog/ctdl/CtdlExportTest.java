package org.credo.catalog.ctdl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.time.LocalDate;
import java.util.UUID;
import org.credo.CredoTest;
import org.credo.catalog.CatalogFixtures;
import org.credo.catalog.CatalogFixtures.ProgramContent;
import org.credo.credentials.CredentialFixtures;
import org.credo.credentials.achievement.Achievements;
import org.credo.platform.Role;
import org.credo.platform.demo.DemoData;
import org.credo.platform.people.Accounts;
import org.credo.platform.tokens.ApiTokenRequest;
import org.credo.platform.tokens.ApiTokenService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** CTDL for programs, courses and credentials: publicly one at a time, in bulk through the API. */
@CredoTest
class CtdlExportTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    JsonMapper json;

    @Autowired
    CtdlValidator validator;

    @Autowired
    Achievements achievements;

    @Autowired
    Accounts accounts;

    @Autowired
    ApiTokenService tokens;

    CatalogFixtures fixtures;
    UUID northfield;
    String s;
    UUID program;
    UUID course;
    UUID retired;
    UUID lineage;

    @BeforeEach
    void catalog() {
        fixtures = new CatalogFixtures(jdbc);
        northfield = fixtures.northfield();
        s = CatalogFixtures.suffix();
        var past = LocalDate.now().minusDays(20);
        course = fixtures.course(northfield, "CT" + s, "101");
        fixtures.courseVersion(course, 1, past, "Foundations " + s, "Foundations of the field.", null, false);
        var second = fixtures.course(northfield, "CT" + s, "201");
        fixtures.courseVersion(
                second,
                1,
                past,
                "Further Study " + s,
                "Builds on the foundations.",
                "{\"type\":\"course\",\"course\":\"CT" + s + " 101\",\"minGrade\":\"C\"}",
                false);
        lineage = CredentialFixtures.publishedAchievement(achievements, northfield)
                .lineageId();
        program = fixtures.program(northfield, "CTDL-" + s);
        fixtures.programVersion(
                program,
                1,
                past,
                ProgramContent.certificate(
                                "Credential Studies " + s,
                                "{\"type\":\"all\",\"items\":[{\"type\":\"course\",\"course\":\"CT" + s
                                        + " 101\"},{\"type\":\"course\",\"course\":\"CT" + s + " 201\"}]}")
                        .awarding(lineage));
        retired = fixtures.program(northfield, "GONE-" + s);
        fixtures.programVersion(
                retired,
                1,
                past.minusDays(5),
                ProgramContent.certificate("Gone " + s, "{\"type\":\"credits\",\"minimum\":3}"));
        fixtures.programVersion(
                retired,
                2,
                past,
                ProgramContent.certificate("Gone " + s, "{\"type\":\"credits\",\"minimum\":3}")
                        .as("DEGREE", "Graduate", "ONLINE")
                        .retiredVersion());
    }

    @Test
    void aProgramIsALearningProgramWithItsRequirementsAsConditions() throws Exception {
        var doc = publicJson("/catalog/programs/CTDL-" + s + "/ctdl.json");
        assertThat(doc.path("@context").asString()).isEqualTo("https://credreg.net/ctdl/schema/context/json");
        assertThat(doc.path("@type").asString()).isEqualTo("ceterms:LearningProgram");
        assertThat(doc.path("@id").asString()).endsWith("/catalog/programs/CTDL-" + s + "/ctdl.json");
        assertThat(doc.path("ceterms:ctid").asString()).isEqualTo(CtdlIds.ctid("program", program));
        assertThat(doc.path("ceterms:name").path("en-US").asString()).isEqualTo("Credential Studies " + s);
        assertThat(doc.path("ceterms:subjectWebpage").asString()).endsWith("/catalog/programs/CTDL-" + s);
        assertThat(doc.path("ceterms:ownedBy").get(0).asString()).endsWith("/catalog/ctdl.json");
        assertThat(doc.path("ceterms:lifeCycleStatusType")
                        .path("ceterms:targetNode")
                        .asString())
                .isEqualTo("lifeCycle:Active");
        var requires = doc.path("ceterms:requires").get(0);
        assertThat(requires.path("@type").asString()).isEqualTo("ceterms:ConditionProfile");
        assertThat(requires.path("ceterms:description").path("en-US").asString())
                .contains("Complete all of:")
                .contains("CT" + s + " 201");
        assertThat(requires.path("ceterms:targetLearningOpportunity")).hasSize(2);
        assertThat(doc.path("ceterms:estimatedCost")
                        .get(0)
                        .path("ceterms:price")
                        .decimalValue())
                .isEqualByComparingTo("4500");
        assertThat(doc.path("ceterms:estimatedDuration")
                        .get(0)
                        .path("ceterms:exactDuration")
                        .asString())
                .isEqualTo("P16W");
        assertThat(validator.problems(doc)).isEmpty();
        assertThat(publicJson("/catalog/programs/CTDL-" + s + "/ctdl.json")
                        .path("ceterms:ctid")
                        .asString())
                .as("stable across exports")
                .isEqualTo(doc.path("ceterms:ctid").asString());
    }

    @Test
    void theAwardedCredentialIsACertificateNamedForItsAchievement() throws Exception {
        var doc = publicJson("/catalog/programs/CTDL-" + s + "/credential/ctdl.json");
        assertThat(doc.path("@type").asString()).isEqualTo("ceterms:Certificate");
        assertThat(doc.path("ceterms:ctid").asString()).isEqualTo(CtdlIds.ctid("achievement", lineage));
        assertThat(doc.path("ceterms:name").path("en-US").asString()).startsWith("Data Analysis Certificate");
        assertThat(doc.path("ceterms:credentialStatusType")
                        .path("ceterms:targetNode")
                        .asString())
                .isEqualTo("credentialStat:Active");
        assertThat(doc.path("ceterms:inLanguage").get(0).asString()).isEqualTo("en-US");
        assertThat(doc.path("ceterms:requires")
                        .get(0)
                        .path("ceterms:targetLearningOpportunity")
                        .get(0)
                        .asString())
                .endsWith("/catalog/programs/CTDL-" + s + "/ctdl.json");
        assertThat(validator.problems(doc)).isEmpty();
    }

    @Test
    void aCourseIsACourseWithItsPrerequisites() throws Exception {
        var doc = publicJson("/catalog/courses/CT" + s + "/201/ctdl.json");
        assertThat(doc.path("@type").asString()).isEqualTo("ceterms:Course");
        assertThat(doc.path("ceterms:codedNotation").asString()).isEqualTo("CT" + s + " 201");
        var requires = doc.path("ceterms:requires").get(0);
        assertThat(requires.path("ceterms:description").path("en-US").asString())
                .isEqualTo("CT" + s + " 101 (grade C or better)");
        assertThat(requires.path("ceterms:targetLearningOpportunity").get(0).asString())
                .endsWith("/catalog/courses/CT" + s + "/101/ctdl.json");
        assertThat(validator.problems(doc)).isEmpty();
    }

    @Test
    void theValidatorReportsWhatIsMissing() {
        var doc = (tools.jackson.databind.node.ObjectNode) json.readTree(
                "{\"@type\":\"ceterms:Certificate\",\"ceterms:ctid\":\"ce-NOT-A-UUID\",\"ceterms:name\":{\"en-US\":\" \"},"
                        + "\"ceterms:subjectWebpage\":\"ftp://x\"}");
        assertThat(validator.problems(doc))
                .contains(
                        "ceterms:ctid is not ce- followed by a lower-case UUID",
                        "ceterms:name is blank in en-US",
                        "ceterms:description is missing",
                        "ceterms:subjectWebpage must be an http(s) URL",
                        "ceterms:ownedBy or ceterms:offeredBy is missing",
                        "ceterms:inLanguage is missing",
                        "ceterms:credentialStatusType is missing");
    }

    @Test
    void theBulkGraphHoldsEverythingPublishedAndPassesTheValidator() throws Exception {
        var token = tokens.create(
                        accounts.loadUserByUsername(DemoData.email(Role.INTEGRATOR)),
                        new ApiTokenRequest("ctdl " + s, null, 1))
                .token();
        var response = mvc.perform(get("/api/v1/catalog/ctdl").header("Authorization", "Bearer " + token))
                .andReturn()
                .getResponse();
        assertThat(response.getStatus()).isEqualTo(200);
        assertThat(response.getContentType()).startsWith("application/ld+json");
        var graph = json.readTree(response.getContentAsString()).path("@graph");
        assertThat(find(graph, CtdlIds.ctid("program", program)).path("@type").asString())
                .isEqualTo("ceterms:LearningProgram");
        assertThat(find(graph, CtdlIds.ctid("course", course)).path("@type").asString())
                .isEqualTo("ceterms:Course");
        assertThat(find(graph, CtdlIds.ctid("achievement", lineage))
                        .path("@type")
                        .asString())
                .isEqualTo("ceterms:Certificate");
        var gone = find(graph, CtdlIds.ctid("credential", retired));
        assertThat(gone.path("@type").asString()).isEqualTo("ceterms:Degree");
        assertThat(gone.path("ceterms:credentialStatusType")
                        .path("ceterms:targetNode")
                        .asString())
                .isEqualTo("credentialStat:Deprecated");
        assertThat(find(graph, CtdlIds.ctid("organization", northfield))
                        .path("@type")
                        .asString())
                .isEqualTo("ceterms:CredentialOrganization");

        var report = json.readTree(
                mvc.perform(get("/api/v1/catalog/ctdl/validation").header("Authorization", "Bearer " + token))
                        .andReturn()
                        .getResponse()
                        .getContentAsString());
        assertThat(report.path("valid").asBoolean()).as(report.toString()).isTrue();

        var one = mvc.perform(
                        get("/api/v1/catalog/ctdl/programs/" + retired).header("Authorization", "Bearer " + token))
                .andReturn()
                .getResponse();
        assertThat(json.readTree(one.getContentAsString())
                        .path("ceterms:lifeCycleStatusType")
                        .path("ceterms:targetNode")
                        .asString())
                .isEqualTo("lifeCycle:Ceased");
        assertThat(mvc.perform(get("/catalog/programs/GONE-" + s + "/ctdl.json"))
                        .andReturn()
                        .getResponse()
                        .getStatus())
                .as("retired items are not public")
                .isEqualTo(404);
    }

    private JsonNode find(JsonNode graph, String ctid) {
        for (var entity : graph) {
            if (ctid.equals(entity.path("ceterms:ctid").asString(""))) {
                return entity;
            }
        }
        throw new AssertionError("No entity with CTID " + ctid);
    }

    private JsonNode publicJson(String url) throws Exception {
        var response = mvc.perform(get(url)).andReturn().getResponse();
        assertThat(response.getStatus()).as(url).isEqualTo(200);
        assertThat(response.getContentType()).startsWith("application/ld+json");
        return json.readTree(response.getContentAsString());
    }
}
