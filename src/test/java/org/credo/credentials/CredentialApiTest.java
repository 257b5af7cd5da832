package org.credo.credentials;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.UUID;
import org.credo.CredoTest;
import org.credo.credentials.achievement.Achievements;
import org.credo.platform.Role;
import org.credo.platform.demo.DemoData;
import org.credo.platform.people.Accounts;
import org.credo.platform.tokens.ApiTokenRequest;
import org.credo.platform.tokens.ApiTokenService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/** The credentials REST API and the VC-API issue endpoint, with a real token. */
@CredoTest
class CredentialApiTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    Accounts accounts;

    @Autowired
    ApiTokenService tokens;

    @Autowired
    Achievements achievements;

    @Autowired
    JdbcClient jdbc;

    String token;
    UUID achievementId;

    @BeforeEach
    void setUp() {
        token = tokens.create(
                        accounts.loadUserByUsername(DemoData.email(Role.INTEGRATOR)),
                        new ApiTokenRequest("api test", null, 1))
                .token();
        achievementId = CredentialFixtures.publishedAchievement(achievements, CredentialFixtures.northfield(jdbc))
                .id();
    }

    String issueBody(String email) {
        return """
                {"achievementId":"%s","recipient":{"name":"Nia Nakamura","email":"%s","identifier":"S-77"},
                 "results":[{"resultDescription":"Final grade","value":"B"}],"cryptosuite":"JCS"}""".formatted(achievementId, email);
    }

    @Test
    void issuingWithAnIdempotencyKeyCreatesOnceThenReturnsTheSame() throws Exception {
        var key = UUID.randomUUID().toString();
        var first = mvc.perform(post("/api/v1/credentials")
                        .header("Authorization", "Bearer " + token)
                        .header("Idempotency-Key", key)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(issueBody("nia@example.test")))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.status", is("ACTIVE")))
                .andExpect(jsonPath("$.verifiableCredential.proof[0].cryptosuite", is("eddsa-jcs-2022")))
                .andReturn()
                .getResponse()
                .getContentAsString();
        var id = first.replaceAll(".*?\"id\":\"([^\"]+)\".*", "$1");
        mvc.perform(post("/api/v1/credentials")
                        .header("Authorization", "Bearer " + token)
                        .header("Idempotency-Key", key)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(issueBody("nia@example.test")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.id", is(id)));
    }

    @Test
    void invalidRequestsNameTheFields() throws Exception {
        mvc.perform(post("/api/v1/credentials")
                        .header("Authorization", "Bearer " + token)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"achievementId\":\"" + achievementId
                                + "\",\"recipient\":{\"name\":\"\",\"email\":\"nope\"}}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field", hasItem("recipient.email")))
                .andExpect(jsonPath("$.errors[*].field", hasItem("recipient.name")));
        mvc.perform(post("/api/v1/credentials")
                        .header("Authorization", "Bearer " + token)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(issueBody("x@example.test").replace("\"B\"", "\"Z\"")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail", containsString("'Z' is not allowed")));
        mvc.perform(post("/api/v1/credentials")
                        .header("Authorization", "Bearer " + token)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(issueBody("x@example.test")
                                .replace(
                                        achievementId.toString(),
                                        UUID.randomUUID().toString())))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field", is("achievementId")));
    }

    @Test
    void lifecycleOverTheApiNeedsReasons() throws Exception {
        var body = mvc.perform(post("/api/v1/credentials")
                        .header("Authorization", "Bearer " + token)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(issueBody("life@example.test")))
                .andReturn()
                .getResponse()
                .getContentAsString();
        var id = body.replaceAll(".*?\"id\":\"([^\"]+)\".*", "$1");
        mvc.perform(post("/api/v1/credentials/" + id + "/revoke")
                        .header("Authorization", "Bearer " + token)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"reason\":\"\"}"))
                .andExpect(status().isBadRequest());
        mvc.perform(post("/api/v1/credentials/" + id + "/suspend")
                        .header("Authorization", "Bearer " + token)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"reason\":\"Audit\"}"))
                .andExpect(jsonPath("$.status", is("SUSPENDED")));
        mvc.perform(post("/api/v1/credentials/" + id + "/revoke")
                        .header("Authorization", "Bearer " + token)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"reason\":\"Fraud\"}"))
                .andExpect(jsonPath("$.status", is("REVOKED")))
                .andExpect(jsonPath("$.statusReason", is("Fraud")));
        mvc.perform(post("/api/v1/credentials/" + id + "/reinstate")
                        .header("Authorization", "Bearer " + token)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"reason\":\"oops\"}"))
                .andExpect(status().isConflict());
        mvc.perform(get("/api/v1/credentials?status=REVOKED&q=life@example.test")
                        .header("Authorization", "Bearer " + token))
                .andExpect(jsonPath("$.totalItems", is(1)));
    }

    String vcApiCredential(String context) {
        return """
                {"credential":{"@context":["https://www.w3.org/ns/credentials/v2",%s],
                 "type":["VerifiableCredential","OpenBadgeCredential"],"name":"Data Analysis",
                 "credentialSubject":{"type":["AchievementSubject"],
                   "identifier":[{"type":"IdentityObject","hashed":false,"identityHash":"Omar Okafor","identityType":"name"}],
                   "achievement":{"id":"http://localhost:8080/achievements/%s"}}},
                 "options":{"cryptosuite":"eddsa-jcs-2022"}}""".formatted(context, achievementId);
    }

    @Test
    void vcApiRefusesAchievementContentThatDiffersFromThePublishedAchievement() throws Exception {
        var body = vcApiCredential("\"https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json\"")
                .replace(
                        "\"achievement\":{\"id\":\"http://localhost:8080/achievements/" + achievementId + "\"}",
                        "\"achievement\":{\"id\":\"http://localhost:8080/achievements/" + achievementId
                                + "\",\"type\":[\"Achievement\"],\"name\":\"Doctor of Medicine\","
                                + "\"criteria\":{\"narrative\":\"None\"}}");
        mvc.perform(post("/credentials/issue")
                        .header("Authorization", "Bearer " + token)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(body))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail", containsString("name, criteria")));
    }

    @Test
    void vcApiIssueSignsTheCallersCredential() throws Exception {
        mvc.perform(post("/credentials/issue")
                        .header("Authorization", "Bearer " + token)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(vcApiCredential("\"https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json\"")))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.verifiableCredential.proof[0].type", is("DataIntegrityProof")))
                .andExpect(jsonPath("$.verifiableCredential.issuer.id", startsWith("did:")))
                .andExpect(jsonPath(
                        "$.verifiableCredential.credentialSubject.achievement.name",
                        startsWith("Data Analysis Certificate")))
                .andExpect(jsonPath("$.verifiableCredential.credentialStatus.type", is("BitstringStatusListEntry")))
                .andExpect(jsonPath("$.verifiableCredential.credentialStatus.statusPurpose", is("revocation")));
    }

    @Test
    void vcApiRefusesUnknownContextsWithoutFetchingThem() throws Exception {
        mvc.perform(post("/credentials/issue")
                        .header("Authorization", "Bearer " + token)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(vcApiCredential("\"https://evil.example/context.json\"")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail", containsString("never fetches contexts")));
    }

    @Test
    void vcApiIssueNeedsAToken() throws Exception {
        mvc.perform(post("/credentials/issue")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{}"))
                .andExpect(status().isUnauthorized());
    }
}
