package org.credo.platform;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.credo.CredoTest;
import org.credo.platform.demo.DemoData;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.json.JsonMapper;

/** The API's conventions: bearer tokens, Problem Details for every error, one paging shape. */
@CredoTest
class ApiConventionsTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    JsonMapper json;

    String adminToken;

    @BeforeEach
    void signIn() throws Exception {
        adminToken = token(DemoData.email(Role.ADMINISTRATOR), "{}");
    }

    String token(String email, String extra) throws Exception {
        var body = "{\"email\":\"" + email + "\",\"password\":\"" + DemoData.PASSWORD + "\",\"name\":\"test\""
                + ",\"organization\":\"" + DemoData.ORGANIZATION + "\"" + (extra.equals("{}") ? "" : "," + extra) + "}";
        var response = mvc.perform(post("/api/v1/auth/tokens")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(body))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.token", startsWith("credo_pat_")))
                .andReturn()
                .getResponse()
                .getContentAsString();
        return json.readTree(response).get("token").asString();
    }

    @Test
    void tokenFromPasswordActsAsItsOwner() throws Exception {
        mvc.perform(get("/api/v1/me").header("Authorization", "Bearer " + adminToken))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.email", is(DemoData.email(Role.ADMINISTRATOR))))
                .andExpect(jsonPath("$.organizationName", startsWith("Northfield College")))
                .andExpect(jsonPath("$.roles", hasItem("ADMINISTRATOR")));
    }

    @Test
    void wrongPasswordGetsProblemDetailsAndNoToken() throws Exception {
        mvc.perform(post("/api/v1/auth/tokens")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"email\":\"" + DemoData.email(Role.BURSAR)
                                + "\",\"password\":\"nope nope nope\",\"name\":\"x\"}"))
                .andExpect(status().isUnauthorized())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.title", is("Sign-in failed")))
                .andExpect(jsonPath("$.status", is(401)));
    }

    @Test
    void tokenCannotCarryRolesItsOwnerLacks() throws Exception {
        mvc.perform(post("/api/v1/auth/tokens")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"email\":\"" + DemoData.email(Role.LEARNER) + "\",\"password\":\""
                                + DemoData.PASSWORD
                                + "\",\"name\":\"x\",\"organization\":\"northfield\",\"roles\":[\"REGISTRAR\"]}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field", is("roles")));
    }

    @Test
    void revokedTokenStopsWorkingAtOnce() throws Exception {
        var token = token(DemoData.email(Role.INTEGRATOR), "{}");
        var tokens = json.readTree(mvc.perform(get("/api/v1/tokens").header("Authorization", "Bearer " + token))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString());
        var id = tokens.get(0).get("id").asString();
        mvc.perform(delete("/api/v1/tokens/" + id).header("Authorization", "Bearer " + token))
                .andExpect(status().isNoContent());
        mvc.perform(get("/api/v1/me").header("Authorization", "Bearer " + token))
                .andExpect(status().isUnauthorized())
                .andExpect(header().string("WWW-Authenticate", containsString("invalid_token")))
                .andExpect(jsonPath("$.title", is("Invalid token")));
    }

    @Test
    void missingTokenIs401WithProblemDetails() throws Exception {
        mvc.perform(get("/api/v1/me"))
                .andExpect(status().isUnauthorized())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.detail", containsString("Bearer")));
    }

    @Test
    void wrongRoleIs403WithProblemDetails() throws Exception {
        var learner = token(DemoData.email(Role.LEARNER), "{}");
        mvc.perform(get("/api/v1/users").header("Authorization", "Bearer " + learner))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.title", is("Forbidden")));
    }

    @Test
    void unknownPathIs404WithProblemDetails() throws Exception {
        mvc.perform(get("/api/v1/no-such-thing")
                        .header("Authorization", "Bearer " + adminToken)
                        .accept(MediaType.APPLICATION_JSON))
                .andExpect(status().isNotFound());
    }

    @Test
    void malformedJsonSaysWhereItBreaks() throws Exception {
        mvc.perform(post("/api/v1/users")
                        .header("Authorization", "Bearer " + adminToken)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"email\": "))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail", containsString("not valid JSON")))
                .andExpect(jsonPath("$.requestId", notNullValue()));
    }

    @Test
    void unknownFieldIsNamed() throws Exception {
        mvc.perform(
                        post("/api/v1/users")
                                .header("Authorization", "Bearer " + adminToken)
                                .contentType(MediaType.APPLICATION_JSON)
                                .content(
                                        "{\"email\":\"a@b.test\",\"displayName\":\"A\",\"roles\":[\"LEARNER\"],\"colour\":\"red\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail", containsString("Unknown field 'colour'")));
    }

    @Test
    void wrongEnumValueListsTheValidOnes() throws Exception {
        mvc.perform(post("/api/v1/users")
                        .header("Authorization", "Bearer " + adminToken)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"email\":\"a@b.test\",\"displayName\":\"A\",\"roles\":[\"WIZARD\"]}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail", containsString("WIZARD")))
                .andExpect(jsonPath("$.detail", containsString("REGISTRAR")));
    }

    @Test
    void invalidFieldsAreListed() throws Exception {
        mvc.perform(post("/api/v1/users")
                        .header("Authorization", "Bearer " + adminToken)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"email\":\"not-an-email\",\"displayName\":\"\",\"roles\":[]}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field", hasItem("email")))
                .andExpect(jsonPath("$.errors[*].field", hasItem("displayName")))
                .andExpect(jsonPath("$.errors[*].field", hasItem("roles")));
    }

    @Test
    void bodyOverTheLimitIs413() throws Exception {
        var big = "{\"name\":\"" + "x".repeat(1_100_000) + "\"}";
        mvc.perform(put("/api/v1/organization")
                        .header("Authorization", "Bearer " + adminToken)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(big))
                .andExpect(status().is(413))
                .andExpect(jsonPath("$.title", is("Request too large")));
    }

    @Test
    void wrongContentTypeIs415() throws Exception {
        mvc.perform(put("/api/v1/organization")
                        .header("Authorization", "Bearer " + adminToken)
                        .contentType(MediaType.TEXT_PLAIN)
                        .content("name=x"))
                .andExpect(status().isUnsupportedMediaType())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    }

    @Test
    void listsArePagedTheSameWayAndRejectBadPaging() throws Exception {
        mvc.perform(get("/api/v1/users?size=2&sort=email,desc").header("Authorization", "Bearer " + adminToken))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items.length()", is(2)))
                .andExpect(jsonPath("$.page", is(0)))
                .andExpect(jsonPath("$.size", is(2)))
                .andExpect(jsonPath("$.totalItems", notNullValue()))
                .andExpect(jsonPath("$.sort", is("email,desc")));
        mvc.perform(get("/api/v1/users?size=1000").header("Authorization", "Bearer " + adminToken))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail", containsString("between 1 and 200")));
        mvc.perform(get("/api/v1/users?sort=password").header("Authorization", "Bearer " + adminToken))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail", containsString("'password' is not one of")));
    }

    @Test
    void requestIdIsReturnedAndCanBeChosenByTheCaller() throws Exception {
        mvc.perform(get("/api/v1/me")
                        .header("Authorization", "Bearer " + adminToken)
                        .header("X-Request-Id", "client-req-12345"))
                .andExpect(header().string("X-Request-Id", "client-req-12345"));
    }

    @Test
    void openApiDescribesTheApi() throws Exception {
        mvc.perform(get("/v3/api-docs"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.openapi", startsWith("3.1")))
                .andExpect(jsonPath("$.paths['/api/v1/users']", notNullValue()))
                .andExpect(jsonPath("$.paths['/api/v1/audit/entries']", notNullValue()));
    }
}
