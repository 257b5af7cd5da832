package org.credo.billing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.time.Instant;
import java.util.UUID;
import org.credo.CredoTest;
import org.credo.billing.ledger.Ledger;
import org.credo.billing.payments.ProviderWebhooks;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/** The payment provider's webhook over HTTP: signed as the provider signs, and refused when it is not. */
@CredoTest
class BillingWebhookTest {

    @Autowired
    BillingFixture fixture;

    @Autowired
    MockMvc mvc;

    @Autowired
    Ledger ledger;

    @BeforeEach
    void settings() {
        fixture.settings();
    }

    @Test
    void aSignedPaymentIsAppliedOnceAndAReplayedIdRecordsNothing() throws Exception {
        var learner = fixture.learner("Webhook");
        var body = event("evt_" + UUID.randomUUID(), learner, 12_550, "usd");
        var now = Instant.now().getEpochSecond();

        var first =
                deliver(body, "t=" + now + ",v1=" + ProviderWebhooks.sign(BillingFixture.WEBHOOK_SECRET, now, body));
        assertThat(first.getResponse().getStatus()).isEqualTo(200);
        assertThat(first.getResponse().getContentAsString()).contains("applied");
        var again =
                deliver(body, "t=" + now + ",v1=" + ProviderWebhooks.sign(BillingFixture.WEBHOOK_SECRET, now, body));
        assertThat(again.getResponse().getStatus()).isEqualTo(200);
        assertThat(again.getResponse().getContentAsString()).contains("duplicate");
        assertThat(ledger.balance(fixture.organization(), learner)).isEqualByComparingTo("-125.50");
    }

    @Test
    void aWrongSignatureAnOldTimestampOrAnotherCurrencyIsRefusedAndNothingPosted() throws Exception {
        var learner = fixture.learner("Forged");
        var body = event("evt_" + UUID.randomUUID(), learner, 10_000, "usd");
        var now = Instant.now().getEpochSecond();

        var forged = deliver(body, "t=" + now + ",v1=" + ProviderWebhooks.sign("whsec_wrong", now, body));
        assertThat(forged.getResponse().getStatus()).isEqualTo(400);
        assertThat(forged.getResponse().getContentType()).contains("application/problem+json");
        assertThat(forged.getResponse().getContentAsString()).contains("does not match");

        var tampered = deliver(
                body.replace("10000", "1"),
                "t=" + now + ",v1=" + ProviderWebhooks.sign(BillingFixture.WEBHOOK_SECRET, now, body));
        assertThat(tampered.getResponse().getStatus()).isEqualTo(400);

        var old = now - 301;
        var stale =
                deliver(body, "t=" + old + ",v1=" + ProviderWebhooks.sign(BillingFixture.WEBHOOK_SECRET, old, body));
        assertThat(stale.getResponse().getStatus()).isEqualTo(400);
        assertThat(stale.getResponse().getContentAsString()).contains("five minutes");

        assertThat(deliver(body, null).getResponse().getStatus()).isEqualTo(400);

        var euros = event("evt_" + UUID.randomUUID(), learner, 10_000, "eur");
        var mismatch =
                deliver(euros, "t=" + now + ",v1=" + ProviderWebhooks.sign(BillingFixture.WEBHOOK_SECRET, now, euros));
        assertThat(mismatch.getResponse().getStatus()).isEqualTo(400);
        assertThat(mismatch.getResponse().getContentAsString()).contains("Currency mismatch");

        assertThat(ledger.balance(fixture.organization(), learner)).isEqualByComparingTo("0");
    }

    private MvcResult deliver(String body, String signature) throws Exception {
        var request = post("/api/v1/billing/webhooks/" + fixture.organization() + "/stripe")
                .contentType(MediaType.APPLICATION_JSON)
                .content(body);
        if (signature != null) {
            request = request.header("Stripe-Signature", signature);
        }
        return mvc.perform(request).andReturn();
    }

    private static String event(String id, UUID learner, long amount, String currency) {
        return """
                {"id":"%s","object":"event","type":"payment_intent.succeeded","data":{"object":{"id":"pi_%s",\
                "object":"payment_intent","amount":%d,"currency":"%s","metadata":{"learner_id":"%s"}}}}""".formatted(id, id.substring(4, 12), amount, currency, learner);
    }
}
