package org.credo.credentials.verification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import org.credo.Cost;
import org.credo.CredoTest;
import org.credo.platform.Role;
import org.credo.platform.demo.DemoData;
import org.credo.platform.people.Accounts;
import org.credo.platform.tokens.ApiTokenRequest;
import org.credo.platform.tokens.ApiTokenService;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/**
 * JSON nested 100,000 levels deep, sent everywhere Credo reads JSON, is refused with a 400 that names the limit of 64
 * levels (a form error on the page), never a 500 from a StackOverflowError.
 */
@CredoTest
class NestingBombTest {

    static final int DEPTH = 100_000;

    @Autowired
    MockMvc mvc;

    @Autowired
    Accounts accounts;

    @Autowired
    ApiTokenService tokens;

    static String bomb(String shape) {
        return shape.equals("arrays")
                ? "[".repeat(DEPTH) + "]".repeat(DEPTH)
                : "{\"a\":".repeat(DEPTH) + "1" + "}".repeat(DEPTH);
    }

    /** Runs a request once to warm the code path up, then again measured; prints what it cost and checks it. */
    void cheaply(String what, Cost.Call request) throws Exception {
        request.run();
        var cost = Cost.of(request);
        System.out.println(cost.describe(what));
        assertThat(cost.cpuMillis()).as(what).isLessThan(1000);
        assertThat(cost.heapAfterBytes() - cost.heapBeforeBytes()).as(what).isLessThan(20_000_000);
    }

    static void problemNamingTheDepthLimit(ResultActions result) throws Exception {
        result.andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.title").value("Nested too deeply"))
                .andExpect(jsonPath("$.detail").value(allOf(containsString("nested too deeply"), containsString("64"))))
                .andExpect(jsonPath("$.limit").value("depth"))
                .andExpect(jsonPath("$.maximum").value(64));
    }

    @ParameterizedTest
    @ValueSource(strings = {"arrays", "objects"})
    void pastedOnTheVerificationPageItIsAFormError(String shape) throws Exception {
        var bomb = bomb(shape);
        cheaply(
                "nesting bomb (" + shape + ") pasted on /verify",
                () -> mvc.perform(post("/verify").param("credential", bomb).with(csrf()))
                        .andExpect(status().isOk())
                        .andExpect(
                                content()
                                        .string(
                                                containsString(
                                                        "The credential is nested too deeply: 100000 levels of arrays and objects &gt; 64"))));
    }

    @ParameterizedTest
    @ValueSource(strings = {"arrays", "objects"})
    void uploadedOnTheVerificationPageItIsAFormError(String shape) throws Exception {
        var file = new MockMultipartFile(
                "file", "credential.json", "application/json", bomb(shape).getBytes(StandardCharsets.UTF_8));
        cheaply(
                "nesting bomb (" + shape + ") uploaded to /verify",
                () -> mvc.perform(multipart("/verify").file(file).with(csrf()))
                        .andExpect(status().isOk())
                        .andExpect(content().string(containsString("nested too deeply: 100000 levels"))));
    }

    @ParameterizedTest
    @ValueSource(strings = {"arrays", "objects"})
    void vcApiCredentialVerificationAnswers400(String shape) throws Exception {
        var body = "{\"verifiableCredential\": " + bomb(shape) + "}";
        cheaply(
                "nesting bomb (" + shape + ") to POST /credentials/verify",
                () -> problemNamingTheDepthLimit(mvc.perform(post("/credentials/verify")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(body))));
    }

    @ParameterizedTest
    @ValueSource(strings = {"arrays", "objects"})
    void vcApiPresentationVerificationAnswers400(String shape) throws Exception {
        var body = "{\"verifiablePresentation\": {\"type\": [\"VerifiablePresentation\"], \"verifiableCredential\": "
                + bomb(shape) + "}}";
        cheaply(
                "nesting bomb (" + shape + ") to POST /presentations/verify",
                () -> problemNamingTheDepthLimit(mvc.perform(post("/presentations/verify")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(body))));
    }

    @ParameterizedTest
    @ValueSource(strings = {"arrays", "objects"})
    void vcApiIssueAnswers400(String shape) throws Exception {
        var token = tokens.create(
                        accounts.loadUserByUsername(DemoData.email(Role.INTEGRATOR)),
                        new ApiTokenRequest("nesting bomb", null, 1))
                .token();
        var body = "{\"credential\": " + bomb(shape) + "}";
        cheaply(
                "nesting bomb (" + shape + ") to POST /credentials/issue",
                () -> mvc.perform(post("/credentials/issue")
                                .header("Authorization", "Bearer " + token)
                                .contentType(MediaType.APPLICATION_JSON)
                                .content(body))
                        .andExpect(status().isBadRequest())
                        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                        .andExpect(jsonPath("$.detail")
                                .value(
                                        "The request body is nested too deeply: 100001 levels of arrays and objects > 64,"
                                                + " the most Credo reads."))
                        .andExpect(jsonPath("$.limit").value("depth")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"arrays", "objects"})
    void anOrdinaryJacksonEndpointAnswers400(String shape) throws Exception {
        var token = tokens.create(
                        accounts.loadUserByUsername(DemoData.email(Role.CURRICULUM_AUTHOR)),
                        new ApiTokenRequest("nesting bomb", null, 1))
                .token();
        var body = "{\"kind\": \"COURSE\", \"action\": \"CREATE\", \"content\": " + bomb(shape) + "}";
        cheaply(
                "nesting bomb (" + shape + ") to POST /api/v1/catalog/proposals",
                () -> problemNamingTheDepthLimit(mvc.perform(post("/api/v1/catalog/proposals")
                        .header("Authorization", "Bearer " + token)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(body))));
    }
}
