package org.credo.billing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.credo.Browser;
import org.credo.CredoTest;
import org.credo.Mailbox;
import org.credo.billing.charges.Adjustment;
import org.credo.billing.charges.Adjustments;
import org.credo.billing.charges.RegistrationCharges;
import org.credo.billing.holds.BillingHolds;
import org.credo.billing.ledger.Ledger;
import org.credo.billing.payments.ProviderWebhooks;
import org.credo.learners.record.LearnerContacts;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * A Harbor learner of the test's own, signed in through the login page, is charged for a registration, falls past due
 * over the hold threshold and is put on the billing hold, sees it all on My account, pays through the provider's signed
 * webhook (a forged delivery is refused and changes nothing), sees the payment and no hold, and downloads a statement
 * that shows the payment. Screenshots at 1366 and 390 px in target/screenshots/billing-*.
 */
@CredoTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BillingBrowserTest {

    static final Path SCREENSHOTS = Path.of("target/screenshots");
    static final String PASSWORD = "billing-browser-Passw0rd!";

    @RegisterExtension
    static GreenMailExtension mail = Mailbox.server();

    @LocalServerPort
    int port;

    @Autowired
    org.credo.LearnerAccounts accounts;

    @Autowired
    BillingFixture fixture;

    @Autowired
    RegistrationCharges charges;

    @Autowired
    Adjustments adjustments;

    @Autowired
    BillingHolds holds;

    @Autowired
    Ledger ledger;

    @Autowired
    LearnerContacts records;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PasswordEncoder encoder;

    ChromeDriver browser;
    final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    void start() {
        browser = Browser.start();
    }

    @AfterAll
    void stop() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void aLearnerOnHoldPaysThroughTheSignedWebhookAndTheHoldLifts() throws Exception {
        fixture.settings();
        var org = fixture.organization();
        var today = LocalDate.now();
        var email = "billing-browser-" + UUID.randomUUID() + "@example.test";
        var learner = learnerWithSignIn(org, email);
        var term = fixture.term();

        // Registration's event, as registration publishes it: 3 credits at 300.00.
        charges.registered(fixture.registered(learner, term, UUID.randomUUID(), "DATA 101", "3", today));
        // A past-due charge over Harbor's 500.00 threshold, as the bursar (and the demo data) post one.
        adjustments.request(
                fixture.stamp(),
                learner,
                Adjustment.Kind.CHARGE,
                new BigDecimal("600.00"),
                "Residence hall, past due",
                today.minusDays(10));
        holds.review(org, learner, today);
        assertThat(holds.holding(org, learner)).isTrue();

        signIn(email);
        browser.get(url("/account"));
        assertThat(text("billing-hold")).contains("past-due balance holds your registration");
        assertThat(text("balance")).isEqualTo("1,500.00 USD");
        assertThat(text("past-due")).isEqualTo("600.00 USD");
        assertThat(text("due")).contains("Tuition for").contains("900.00 USD").contains("Residence hall, past due");
        shoot("on-hold");

        var reference = "pi_" + UUID.randomUUID().toString().substring(0, 12);
        var body = event("evt_" + UUID.randomUUID(), reference, learner, 150_000);
        var now = Instant.now().getEpochSecond();

        var forged = deliver(body, "t=" + now + ",v1=" + ProviderWebhooks.sign("whsec_wrong", now, body));
        assertThat(forged.statusCode()).isEqualTo(400);
        assertThat(forged.body()).contains("does not match");
        assertThat(ledger.balance(org, learner)).isEqualByComparingTo("1500.00");
        assertThat(holds.holding(org, learner)).isTrue();
        browser.navigate().refresh();
        assertThat(text("balance")).isEqualTo("1,500.00 USD");
        assertThat(browser.findElements(By.id("billing-hold"))).hasSize(1);

        var paid = deliver(body, "t=" + now + ",v1=" + ProviderWebhooks.sign(BillingFixture.WEBHOOK_SECRET, now, body));
        assertThat(paid.statusCode()).isEqualTo(200);
        assertThat(paid.body()).contains("applied");

        browser.get(url("/account"));
        assertThat(text("balance")).isEqualTo("0.00 USD");
        assertThat(text("past-due")).isEqualTo("0.00 USD");
        assertThat(text("nothing-due")).contains("Nothing is due");
        assertThat(browser.findElements(By.id("billing-hold"))).isEmpty();
        assertThat(browser.findElement(By.tagName("main")).getText())
                .contains("Online (payment provider) payment " + reference);
        assertThat(holds.holding(org, learner)).isFalse();
        shoot("paid");

        var session = browser.manage().getCookieNamed("CREDO_SESSION");
        assertThat(session).isNotNull();
        var statement = http.send(
                HttpRequest.newBuilder(URI.create(url("/account/statement.pdf")))
                        .header("Cookie", "CREDO_SESSION=" + session.getValue())
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(statement.statusCode()).isEqualTo(200);
        assertThat(statement.headers().firstValue("Content-Type"))
                .hasValueSatisfying(t -> assertThat(t).contains("application/pdf"));
        try (var pdf = Loader.loadPDF(statement.body())) {
            var text = new PDFTextStripper().getText(pdf).replaceAll("\\s+", " ");
            assertThat(text)
                    .contains("statement of account")
                    .contains("Balance: 0.00 USD")
                    .contains("Online (payment provider) payment " + reference)
                    .contains("-1,500.00 USD");
        }
    }

    /** A person of the test's own with a password, a learner in Harbor only, with a learner record of their own. */
    private UUID learnerWithSignIn(UUID org, String email) {
        return accounts.create(org, "Bea", "Billing", email, PASSWORD, null);
    }

    private HttpResponse<String> deliver(String body, String signature) throws Exception {
        return http.send(
                HttpRequest.newBuilder(
                                URI.create(url("/api/v1/billing/webhooks/" + fixture.organization() + "/stripe")))
                        .header("Content-Type", "application/json")
                        .header("Stripe-Signature", signature)
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static String event(String id, String paymentIntent, UUID learner, long amount) {
        return """
                {"id":"%s","object":"event","type":"payment_intent.succeeded","data":{"object":{"id":"%s",\
                "object":"payment_intent","amount":%d,"currency":"usd","metadata":{"learner_id":"%s"}}}}""".formatted(id, paymentIntent, amount, learner);
    }

    private String text(String id) {
        return await().atMost(Duration.ofSeconds(10))
                .ignoreExceptions()
                .until(() -> browser.findElement(By.id(id)).getText(), t -> !t.isBlank());
    }

    private void signIn(String email) {
        Browser.signIn(browser, port, email, PASSWORD);
    }

    private void shoot(String name) throws IOException {
        Browser.shoot(browser, "billing", name);
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
