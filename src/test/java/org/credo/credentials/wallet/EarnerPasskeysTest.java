package org.credo.credentials.wallet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import jakarta.servlet.http.Cookie;
import java.time.Duration;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.credo.CredoTest;
import org.credo.SoftwareAuthenticator;
import org.credo.credentials.CredentialFixtures;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * Earners register passkeys on their account page and sign in to the wallet with one alone. A software
 * authenticator answers the real WebAuthn JSON endpoints, so the relying party's checks run in full: a wrong origin,
 * a replayed answer or a passkey of another earner signs nobody in.
 */
@CredoTest
class EarnerPasskeysTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Earners earners;

    @Autowired
    EarnerLinks links;

    /** An earner signed in to the wallet; the account, and the session cookie. */
    record Earner(UUID accountId, String email, String name, Cookie session) {}

    @Test
    void anEarnerRegistersAPasskeyAndSignsInWithItAlone() throws Exception {
        var earner = newEarner("Pip Passkey");
        var authenticator = new SoftwareAuthenticator();

        var registered = register(earner, authenticator, "Phone");
        assertThat(registered.getStatus()).isEqualTo(200);
        assertThat(registered.getContentAsString()).contains("\"success\":true");
        var page = perform(get("/wallet/account"), earner.session()).getContentAsString();
        assertThat(page)
                .contains("Phone")
                .contains("passkey-last-used\">never<")
                .contains("data-confirm=\"Remove the passkey Phone?");
        assertThat(authenticator.userHandle()).isEqualTo(EarnerPasskeys.handle(earner.accountId()));
        awaitAudit(earner.accountId(), "earner.passkey-registered", 1);

        // A new browser: nothing but the passkey.
        var options = perform(post("/wallet/sign-in/passkey/options").with(csrf()), null);
        assertThat(options.getStatus()).isEqualTo(200);
        assertThat(options.getContentAsString())
                .contains("\"rpId\":\"localhost\"")
                .contains("challenge");
        var visitor = options.getCookie("CREDO_SESSION");
        var signedIn =
                signIn(authenticator.assertion(options.getContentAsString(), SoftwareAuthenticator.ORIGIN), visitor);
        assertThat(signedIn.getStatus()).isEqualTo(200);
        assertThat(signedIn.getContentAsString())
                .contains("\"authenticated\":true")
                .contains("/wallet");
        var wallet = session(signedIn, visitor);
        assertThat(wallet.getValue()).as("a new session id after signing in").isNotEqualTo(visitor.getValue());
        var walletPage = perform(get("/wallet"), wallet);
        assertThat(walletPage.getStatus()).isEqualTo(200);
        assertThat(walletPage.getContentAsString()).contains(earner.email());
        assertThat(perform(get("/wallet/account"), wallet).getContentAsString())
                .contains("passkey-last-used")
                .doesNotContain("passkey-last-used\">never<");
        awaitAudit(earner.accountId(), "earner.signed-in-with-passkey", 1);
    }

    @Test
    void aReplayedAssertionIsRefused() throws Exception {
        var earner = newEarner("Rex Replay");
        var authenticator = new SoftwareAuthenticator();
        register(earner, authenticator, "Laptop");

        var options = perform(post("/wallet/sign-in/passkey/options").with(csrf()), null);
        var visitor = options.getCookie("CREDO_SESSION");
        var assertion = authenticator.assertion(options.getContentAsString(), SoftwareAuthenticator.ORIGIN);
        var first = signIn(assertion, visitor);
        assertThat(first.getStatus()).isEqualTo(200);

        // The same answer again, in the same session: its challenge was used up.
        var again = signIn(assertion, session(first, visitor));
        assertThat(again.getStatus()).isEqualTo(401);
        assertThat(again.getContentAsString()).contains("expired");

        // The same answer to a new challenge, in a new session: the signature is over the old one.
        var fresh = perform(post("/wallet/sign-in/passkey/options").with(csrf()), null);
        var replayed = signIn(assertion, fresh.getCookie("CREDO_SESSION"));
        assertThat(replayed.getStatus()).isEqualTo(401);
        assertThat(replayed.getContentAsString()).contains("not accepted");
        assertThat(perform(get("/wallet"), fresh.getCookie("CREDO_SESSION")).getRedirectedUrl())
                .isEqualTo("/wallet/sign-in");
        awaitAudit(earner.accountId(), "earner.signed-in-with-passkey", 1);
    }

    @Test
    void anAssertionForAnotherOriginIsRefused() throws Exception {
        var earner = newEarner("Oda Origin");
        var authenticator = new SoftwareAuthenticator();
        register(earner, authenticator, "Security key");

        var options = perform(post("/wallet/sign-in/passkey/options").with(csrf()), null);
        var visitor = options.getCookie("CREDO_SESSION");
        var phished =
                signIn(authenticator.assertion(options.getContentAsString(), "https://credo.evil.example"), visitor);
        assertThat(phished.getStatus()).isEqualTo(401);
        assertThat(phished.getContentAsString()).contains("not accepted");
        assertThat(perform(get("/wallet"), visitor).getRedirectedUrl()).isEqualTo("/wallet/sign-in");

        // A registration answered for another origin is refused too, and nothing is kept.
        var other = new SoftwareAuthenticator();
        var registration = perform(post("/wallet/account/passkeys/options").with(csrf()), earner.session());
        var refused = perform(
                post("/wallet/account/passkeys")
                        .with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(other.register(
                                registration.getContentAsString(), "Elsewhere", "https://credo.evil.example")),
                earner.session());
        assertThat(refused.getStatus()).isEqualTo(400);
        assertThat(passkeys(earner.accountId())).isEqualTo(1);
    }

    @Test
    void aPasskeyOfOneEarnerCannotSignInAnother() throws Exception {
        var alice = newEarner("Alice Owner");
        var bob = newEarner("Bob Other");
        var alicesKey = new SoftwareAuthenticator();
        register(alice, alicesKey, "Alice's phone");

        // Alice's passkey, claiming to be Bob's: refused.
        var options = perform(post("/wallet/sign-in/passkey/options").with(csrf()), null);
        var visitor = options.getCookie("CREDO_SESSION");
        var claimed = signIn(
                alicesKey.assertion(
                        options.getContentAsString(),
                        SoftwareAuthenticator.ORIGIN,
                        EarnerPasskeys.handle(bob.accountId())),
                visitor);
        assertThat(claimed.getStatus()).isEqualTo(401);
        assertThat(perform(get("/wallet"), visitor).getRedirectedUrl()).isEqualTo("/wallet/sign-in");

        // Without a claim it signs in Alice, and only Alice.
        var again = perform(post("/wallet/sign-in/passkey/options").with(csrf()), null);
        var asAlice = signIn(
                alicesKey.assertion(again.getContentAsString(), SoftwareAuthenticator.ORIGIN, null),
                again.getCookie("CREDO_SESSION"));
        assertThat(asAlice.getStatus()).isEqualTo(200);
        assertThat(perform(get("/wallet"), session(asAlice, again.getCookie("CREDO_SESSION")))
                        .getContentAsString())
                .contains(alice.email())
                .doesNotContain(bob.email());

        // Bob cannot register Alice's authenticator again, nor remove her passkey.
        var bobsOptions = perform(post("/wallet/account/passkeys/options").with(csrf()), bob.session());
        var duplicate = perform(
                post("/wallet/account/passkeys")
                        .with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(alicesKey.register(
                                bobsOptions.getContentAsString(), "Stolen", SoftwareAuthenticator.ORIGIN)),
                bob.session());
        assertThat(duplicate.getStatus()).isEqualTo(400);
        // Options started for Alice, then Bob signs in in the same browser: they do not register a passkey for Bob.
        var shared = newEarner("Cara Shared");
        var started = perform(post("/wallet/account/passkeys/options").with(csrf()), shared.session());
        var token = links.issue(EarnerLinks.Purpose.SIGN_IN, bob.email(), null);
        var switched = perform(post("/wallet/sign-in/" + token).with(csrf()), shared.session());
        assertThat(switched.getRedirectedUrl()).isEqualTo("/wallet");
        var crossed = perform(
                post("/wallet/account/passkeys")
                        .with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(new SoftwareAuthenticator()
                                .register(started.getContentAsString(), "Crossed", SoftwareAuthenticator.ORIGIN)),
                session(switched, shared.session()));
        assertThat(crossed.getStatus()).isEqualTo(400);
        assertThat(crossed.getContentAsString()).contains("started elsewhere");
        assertThat(passkeys(shared.accountId())).isZero();
        var removal = perform(
                post("/wallet/account/passkeys/" + alicesKey.credentialId() + "/delete")
                        .with(csrf()),
                bob.session());
        assertThat(removal.getRedirectedUrl()).isEqualTo("/wallet/account");
        assertThat(perform(get("/wallet/account"), bob.session()).getContentAsString())
                .contains("That passkey is not yours");
        assertThat(passkeys(alice.accountId())).isEqualTo(1);
        assertThat(passkeys(bob.accountId())).isZero();
    }

    @Test
    void aRemovedPasskeyNoLongerSignsIn() throws Exception {
        var earner = newEarner("Rui Removed");
        var authenticator = new SoftwareAuthenticator();
        register(earner, authenticator, "Old phone");

        var removed = perform(
                post("/wallet/account/passkeys/" + authenticator.credentialId() + "/delete")
                        .with(csrf()),
                earner.session());
        assertThat(removed.getRedirectedUrl()).isEqualTo("/wallet/account");
        assertThat(perform(get("/wallet/account"), earner.session()).getContentAsString())
                .contains("Passkey &#39;Old phone&#39; removed")
                .contains("You have no passkeys yet");
        awaitAudit(earner.accountId(), "earner.passkey-removed", 1);

        var options = perform(post("/wallet/sign-in/passkey/options").with(csrf()), null);
        var refused = signIn(
                authenticator.assertion(options.getContentAsString(), SoftwareAuthenticator.ORIGIN),
                options.getCookie("CREDO_SESSION"));
        assertThat(refused.getStatus()).isEqualTo(401);
        assertThat(refused.getContentAsString()).contains("not registered");
    }

    @Test
    void aRegistrationNeedsItsOwnChallengeAndAName() throws Exception {
        var earner = newEarner("Nia Named");
        var authenticator = new SoftwareAuthenticator();
        var options = perform(post("/wallet/account/passkeys/options").with(csrf()), earner.session());
        assertThat(options.getContentAsString())
                .contains("\"residentKey\":\"required\"")
                .contains("\"name\":\"" + earner.email() + "\"");
        var nameless = perform(
                post("/wallet/account/passkeys")
                        .with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(authenticator.register(
                                options.getContentAsString(), " ", SoftwareAuthenticator.ORIGIN)),
                earner.session());
        assertThat(nameless.getStatus()).isEqualTo(400);
        assertThat(nameless.getContentAsString()).contains("Give the passkey a name");
        // The challenge was used up by the refused answer.
        var reused = perform(
                post("/wallet/account/passkeys")
                        .with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(authenticator.register(
                                options.getContentAsString(), "Tablet", SoftwareAuthenticator.ORIGIN)),
                earner.session());
        assertThat(reused.getStatus()).isEqualTo(400);
        assertThat(reused.getContentAsString()).contains("start it again");
        assertThat(perform(post("/wallet/account/passkeys/options").with(csrf()), null)
                        .getStatus())
                .isEqualTo(401);
        assertThat(passkeys(earner.accountId())).isZero();
    }

    @Test
    void anEarnerPasskeyDoesNotSignInToCredoAndTheSignInPageOffersIt() throws Exception {
        var earner = newEarner("Sol Separate");
        var authenticator = new SoftwareAuthenticator();
        register(earner, authenticator, "Phone");
        var options = perform(post("/webauthn/authenticate/options").with(csrf()), null);
        var staff = perform(
                post("/login/webauthn")
                        .with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(authenticator.assertion(options.getContentAsString(), SoftwareAuthenticator.ORIGIN)),
                options.getCookie("CREDO_SESSION"));
        assertThat(staff.getStatus()).isEqualTo(401);

        assertThat(perform(get("/wallet/sign-in"), null).getContentAsString())
                .contains("Sign in with a passkey")
                .contains("data-sign-in-url=\"/wallet/sign-in/passkey\"")
                .contains("/js/passkeys.js");
    }

    private Earner newEarner(String name) throws Exception {
        var email = "passkey-earner-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
        var account = earners.openByClaim(email, name, CredentialFixtures.northfield(jdbc));
        var token = links.issue(EarnerLinks.Purpose.SIGN_IN, email, null);
        var response = perform(post("/wallet/sign-in/" + token).with(csrf()), null);
        assertThat(response.getRedirectedUrl()).isEqualTo("/wallet");
        return new Earner(account.id(), email, name, response.getCookie("CREDO_SESSION"));
    }

    private MockHttpServletResponse register(Earner earner, SoftwareAuthenticator authenticator, String label)
            throws Exception {
        var options = perform(post("/wallet/account/passkeys/options").with(csrf()), earner.session());
        assertThat(options.getStatus()).isEqualTo(200);
        return perform(
                post("/wallet/account/passkeys")
                        .with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(authenticator.register(
                                options.getContentAsString(), label, SoftwareAuthenticator.ORIGIN)),
                earner.session());
    }

    private MockHttpServletResponse signIn(String assertion, @Nullable Cookie session) throws Exception {
        return perform(
                post("/wallet/sign-in/passkey")
                        .with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(assertion),
                session);
    }

    /** The session after a request: a new cookie when the id changed, else the one sent. */
    private static Cookie session(MockHttpServletResponse response, Cookie sent) {
        var renewed = response.getCookie("CREDO_SESSION");
        return renewed == null ? sent : renewed;
    }

    private long passkeys(UUID accountId) {
        return jdbc.sql("SELECT count(*) FROM earner_passkey WHERE account_id = ?")
                .param(accountId)
                .query(Long.class)
                .single();
    }

    private void awaitAudit(UUID accountId, String action, long count) {
        Awaitility.await()
                .atMost(Duration.ofSeconds(15))
                .until(() -> jdbc.sql("SELECT count(*) FROM audit_entry WHERE subject_id = ? AND action = ?")
                                .params(accountId.toString(), action)
                                .query(Long.class)
                                .single()
                        == count);
    }

    private MockHttpServletResponse perform(MockHttpServletRequestBuilder request, @Nullable Cookie session)
            throws Exception {
        if (session != null) {
            request.cookie(session);
        }
        return mvc.perform(request).andReturn().getResponse();
    }
}
