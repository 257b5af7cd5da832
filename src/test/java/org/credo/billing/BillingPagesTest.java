package org.credo.billing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import org.awaitility.Awaitility;
import org.credo.CredoTest;
import org.credo.WebSessions;
import org.credo.billing.ledger.Ledger;
import org.credo.learners.Learners;
import org.credo.platform.Role;
import org.credo.platform.demo.DemoData;
import org.credo.platform.tokens.ApiTokenRequest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

/** The bursar's and the learner's billing pages and the billing API, on the demo data. */
@CredoTest
class BillingPagesTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    BillingFixture fixture;

    @Autowired
    Learners learners;

    @Autowired
    Ledger ledger;

    @Autowired
    org.credo.platform.tokens.ApiTokenService tokens;

    @Autowired
    org.credo.platform.people.Accounts accounts;

    String token(Role role) {
        return "Bearer "
                + tokens.create(
                                accounts.loadUserByUsername(DemoData.email(role)),
                                new ApiTokenRequest("billing " + role, null, 1))
                        .token();
    }

    @Test
    void theDemoLearnerSeesTheirChargesAndTheCardPaymentOnTheirAccount() throws Exception {
        var session = WebSessions.signIn(mvc, Role.LEARNER);
        Awaitility.await()
                .atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> mvc.perform(get("/account").cookie(session))
                        .andExpect(status().isOk())
                        .andExpect(content().string(containsString("My account")))
                        .andExpect(content().string(containsString("Card terminal payment DEMO-TERMINAL-0001")))
                        .andExpect(content().string(containsString("Tuition for DATA 101-01 FA26"))));
        var statement = mvc.perform(get("/account/statement.pdf").cookie(session))
                .andExpect(status().isOk())
                .andExpect(content().contentType(MediaType.APPLICATION_PDF))
                .andReturn()
                .getResponse()
                .getContentAsByteArray();
        try (var pdf = org.apache.pdfbox.Loader.loadPDF(statement)) {
            assertThat(new org.apache.pdfbox.text.PDFTextStripper().getText(pdf))
                    .contains("statement of account")
                    .contains("Card terminal payment DEMO-TERMINAL-0001")
                    .contains("Tuition for DATA 101-01 FA26");
        }
        mvc.perform(get("/api/v1/me/billing/entries").header("Authorization", token(Role.LEARNER)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items").isArray())
                .andExpect(jsonPath("$.totalItems").isNumber())
                .andExpect(jsonPath("$.sort").value("postedAt,desc"));
    }

    @Test
    void theBursarFindsAccountsAndARefusedPaymentKeepsWhatWasTypedAndMarksTheField() throws Exception {
        var session = WebSessions.signIn(mvc, Role.BURSAR);
        mvc.perform(get("/manage/billing").cookie(session))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Billing · Accounts")));
        var learner = fixture.learnerAt(fixture.northfield(), "Cashier");
        var refused = mvc.perform(post("/manage/billing/learners/" + learner + "/payments")
                        .cookie(session)
                        .with(csrf())
                        .param("method", "CHECK")
                        .param("amount", "12.345")
                        .param("reference", "chk 7"))
                .andExpect(status().is3xxRedirection())
                .andExpect(flash().attributeExists("paymentErrors"))
                .andExpect(flash().attribute("flashErrorField", "payment-amount"))
                .andReturn();
        var page = mvc.perform(get("/manage/billing/learners/" + learner)
                        .cookie(session)
                        .flashAttrs(refused.getFlashMap()))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(page).contains("value=\"12.345\"").contains("is-invalid").contains("use at most two decimals");
        mvc.perform(post("/manage/billing/learners/" + learner + "/payments")
                        .cookie(session)
                        .with(csrf())
                        .param("method", "CASH")
                        .param("amount", "40.00"))
                .andExpect(status().is3xxRedirection())
                .andExpect(flash().attribute("flash", "Payment recorded."));
        assertThat(ledger.balance(fixture.northfield(), learner)).isEqualByComparingTo("-40.00");
    }

    @Test
    void theApiPagesAccountsRefusesChangesToPostedEntriesAndExportsTheJournal() throws Exception {
        var bursar = token(Role.BURSAR);
        mvc.perform(get("/api/v1/billing/accounts").header("Authorization", bursar))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items").isArray())
                .andExpect(jsonPath("$.page").value(0))
                .andExpect(jsonPath("$.size").value(20))
                .andExpect(jsonPath("$.totalPages").isNumber())
                .andExpect(jsonPath("$.sort").value("balance,desc"));
        var learner = fixture.learnerAt(fixture.northfield(), "Api");
        var created = mvc.perform(post("/api/v1/billing/accounts/" + learner + "/payments")
                        .header("Authorization", bursar)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"method\":\"CASH\",\"amount\":25.00}"))
                .andExpect(status().isCreated())
                .andReturn()
                .getResponse()
                .getContentAsString();
        var id = created.replaceAll(".*\"id\":\"([^\"]+)\".*", "$1");
        mvc.perform(put("/api/v1/billing/entries/" + id)
                        .header("Authorization", bursar)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{}"))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.title").value("Posted entries never change"));
        mvc.perform(post("/api/v1/billing/accounts/" + learner + "/payments")
                        .header("Authorization", bursar)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"method\":\"CASH\",\"amount\":-3}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("amount"));
        mvc.perform(post("/api/v1/billing/accounts/" + learner + "/payments")
                        .header("Authorization", token(Role.AUDITOR))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"method\":\"CASH\",\"amount\":3}"))
                .andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/billing/reports/trial-balance").header("Authorization", token(Role.AUDITOR)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.net").value(0.0));
        mvc.perform(get("/api/v1/billing/reports/gl.csv").header("Authorization", bursar))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("entry_number,entry_id,posted_at")))
                .andExpect(content().string(containsString(",1010,")));
    }
}
