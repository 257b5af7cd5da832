package org.credo.admissions.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import jakarta.servlet.http.Cookie;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.awaitility.Awaitility;
import org.credo.CredoTest;
import org.credo.Mailbox;
import org.credo.WebSessions;
import org.credo.catalog.CatalogFixtures;
import org.credo.catalog.CatalogFixtures.ProgramContent;
import org.credo.platform.Role;
import org.credo.platform.SelfServiceAccounts;
import org.credo.platform.config.CredoProperties;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * An applicant signs up, confirms by the emailed link and is signed in with the APPLICANT role only; the link works
 * once and expires; a known address, a robot and a throttled request get the same answer as a new address. Every test
 * signs up from networks and addresses of its own, so tests do not count against each other.
 */
@CredoTest
class ApplicantAccountsTest {

    static final String PASSWORD = "three unrelated words";

    @RegisterExtension
    static GreenMailExtension mail = Mailbox.server();

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    SelfServiceAccounts accounts;

    @Autowired
    CredoProperties properties;

    @Test
    void signUpConfirmAndArriveSignedInAsApplicantOnly() throws Exception {
        var fixtures = new CatalogFixtures(jdbc);
        var code = "APP-" + CatalogFixtures.suffix();
        var program = fixtures.program(fixtures.northfield(), code);
        fixtures.programVersion(
                program,
                1,
                LocalDate.now().minusDays(5),
                ProgramContent.certificate("Applied Studies " + code, "{\"type\":\"credits\",\"minimum\":3}"));

        var catalogPage = mvc.perform(get("/catalog/programs/" + code).accept(MediaType.TEXT_HTML))
                .andReturn()
                .getResponse()
                .getContentAsString();
        var applyOnline = Jsoup.parse(catalogPage).getElementById("apply-online");
        assertThat(applyOnline.attr("href")).isEqualTo("/apply/sign-up?program=" + code + "&org=northfield");

        var form = mvc.perform(get(applyOnline.attr("href")).accept(MediaType.TEXT_HTML))
                .andReturn()
                .getResponse();
        assertThat(form.getStatus()).isEqualTo(200);
        assertThat(Jsoup.parse(form.getContentAsString()).text())
                .contains("Apply to Northfield")
                .contains("Applied Studies " + code);

        var email = address();
        var sent = signUp("Ada Applicant", email, PASSWORD, code, null, newSource());
        assertThat(sent.getStatus()).isEqualTo(200);
        assertThat(Jsoup.parse(sent.getContentAsString()).getElementById("sign-up-sent"))
                .isNotNull();
        var stored = jdbc.sql("SELECT token_hash, password_hash, program_code FROM applicant_sign_up WHERE email = ?")
                .param(email)
                .query((rs, n) -> new String[] {rs.getString(1), rs.getString(2), rs.getString(3)})
                .single();
        assertThat(stored[1]).startsWith("$argon2").doesNotContain(PASSWORD);
        assertThat(stored[2]).isEqualTo(code);
        assertThat(accounts.exists(email))
                .as("no account before the link is followed")
                .isFalse();

        var message = Mailbox.awaitMessageTo(mail, email);
        assertThat(message.getSubject()).isEqualTo("Confirm your email to apply to Northfield College");
        var link = Mailbox.link(message, "/apply/sign-up/verify");
        var token = token(link);
        assertThat(stored[0]).as(link).isEqualTo(ApplicantSignUps.digest(token)).isNotEqualTo(token);

        // Opening the link (as a mail scanner would) uses nothing up: the button does.
        var confirm =
                mvc.perform(get(link).accept(MediaType.TEXT_HTML)).andReturn().getResponse();
        assertThat(Jsoup.parse(confirm.getContentAsString())
                        .getElementById("confirm")
                        .text())
                .contains(email);

        var verified = verify(token);
        assertThat(verified.getRedirectedUrl()).isEqualTo("/apply");
        var session = verified.getCookie("CREDO_SESSION");
        assertThat(session).isNotNull();
        var personId = jdbc.sql("SELECT id FROM person WHERE email = ?")
                .param(email)
                .query(UUID.class)
                .single();
        assertThat(jdbc.sql("""
                SELECT r.role FROM membership m JOIN membership_role r ON r.membership_id = m.id
                WHERE m.person_id = ? AND m.active""").param(personId).query(String.class).list()).containsExactly("APPLICANT");
        assertThat(home(session).getStatus()).isEqualTo(200);
        assertThat(home(session).getContentAsString()).contains("Ada Applicant");
        assertThat(mvc.perform(get("/manage/learners").cookie(session).accept(MediaType.TEXT_HTML))
                        .andReturn()
                        .getResponse()
                        .getStatus())
                .isEqualTo(403);
        Awaitility.await()
                .atMost(Duration.ofSeconds(10))
                .until(() -> jdbc.sql("SELECT count(*) FROM audit_entry WHERE action = 'applicant.account-created'"
                                        + " AND subject_id = ?")
                                .param(personId.toString())
                                .query(Long.class)
                                .single()
                        == 1);

        // The link works once.
        var again = verify(token);
        assertThat(again.getRedirectedUrl()).isNull();
        assertThat(Jsoup.parse(again.getContentAsString())
                        .getElementById("link-error")
                        .text())
                .contains("already used");
    }

    @Test
    void anExpiredLinkIsRefusedAndOpensNothing() throws Exception {
        var email = address();
        signUp("Eve Expired", email, PASSWORD, null, null, newSource());
        var link = Mailbox.link(Mailbox.awaitMessageTo(mail, email), "/apply/sign-up/verify");
        jdbc.sql("UPDATE applicant_sign_up SET expires_at = created_at - INTERVAL '1' MINUTE WHERE email = ?")
                .param(email)
                .update();

        var refused = verify(token(link));
        assertThat(refused.getRedirectedUrl()).isNull();
        assertThat(Jsoup.parse(refused.getContentAsString())
                        .getElementById("link-error")
                        .text())
                .contains("expired");
        assertThat(verify("not-a-token").getContentAsString()).contains("not valid");
        assertThat(accounts.exists(email)).isFalse();
    }

    @Test
    void aKnownAddressGetsTheSameAnswerAndAnEmailToSignInInstead() throws Exception {
        var known = address();
        accounts.open(northfield(), known, "Kim Known", accounts.hashPassword(PASSWORD), Role.APPLICANT);
        var stranger = address();

        var knownAnswer = signUp("Someone", known, PASSWORD, null, null, newSource());
        var strangerAnswer = signUp("Someone", stranger, PASSWORD, null, null, newSource());
        assertThat(knownAnswer.getStatus()).isEqualTo(strangerAnswer.getStatus());
        assertThat(main(knownAnswer, known)).isEqualTo(main(strangerAnswer, stranger));

        var note = Mailbox.awaitMessageTo(mail, known);
        assertThat(note.getSubject()).isEqualTo("You already have an account with Northfield College");
        var body = GreenMailUtil.getBody(note);
        assertThat(body).contains("/login").contains("/password/forgot").doesNotContain("/apply/sign-up/verify");
        assertThat(jdbc.sql("SELECT count(*) FROM person WHERE email = ?")
                        .param(known)
                        .query(Long.class)
                        .single())
                .isEqualTo(1);

        // The REST twin answers alike, too.
        var api = apiSignUp(known, PASSWORD);
        assertThat(api.getStatus()).isEqualTo(202);
        assertThat(api.getContentAsString())
                .isEqualTo(apiSignUp(address(), PASSWORD).getContentAsString());
    }

    @Test
    void aFilledHoneypotIsAcceptedSilentlyAndSendsNothing() throws Exception {
        var robot = address();
        var person = address();
        var robotAnswer = signUp("Robo", robot, PASSWORD, null, "http://spam.example", newSource());
        var personAnswer = signUp("Robo", person, PASSWORD, null, null, newSource());
        assertThat(main(robotAnswer, robot)).isEqualTo(main(personAnswer, person));
        assertThat(outboxTo(robot)).isZero();
        assertThat(outboxTo(person)).isEqualTo(1);
        assertThat(jdbc.sql("SELECT count(*) FROM applicant_sign_up WHERE email = ?")
                        .param(robot)
                        .query(Long.class)
                        .single())
                .isZero();
    }

    @Test
    void anAddressAndANetworkAreLimitedWithTheSameAnswer() throws Exception {
        var email = address();
        MockHttpServletResponse first = null;
        for (int i = 0; i < ApplicantSignUps.MAX_PER_ADDRESS; i++) {
            var answer = signUp("Pat Persistent", email, PASSWORD, null, null, newSource());
            first = first == null ? answer : first;
        }
        var over = signUp("Pat Persistent", email, PASSWORD, null, null, newSource());
        assertThat(main(over, email)).isEqualTo(main(first, email));
        assertThat(outboxTo(email)).isEqualTo(ApplicantSignUps.MAX_PER_ADDRESS);

        var network = newSource();
        int limit = properties.security().maxSignInLinksPerSource();
        for (int i = 0; i < limit; i++) {
            // Addresses of one /64: every one counts against the network.
            jdbcFreeSignUp(address(), network.replace("::1", "::" + Integer.toHexString(i + 2)));
        }
        var held = address();
        var heldAnswer = signUp("Held Back", held, PASSWORD, null, null, network);
        assertThat(heldAnswer.getStatus()).isEqualTo(200);
        assertThat(main(heldAnswer, held)).isEqualTo(main(first, email));
        assertThat(outboxTo(held)).isZero();
        // Another network is not held back.
        signUp("Held Back", held, PASSWORD, null, null, newSource());
        assertThat(outboxTo(held)).isEqualTo(1);
    }

    @Test
    void badInputIsNamedFieldByFieldAndKept() throws Exception {
        var answer = signUp("", "not-an-email", "short", "NO-SUCH-PROGRAM", null, newSource());
        var page = Jsoup.parse(answer.getContentAsString());
        assertThat(page.getElementById("error-summary").text())
                .contains("type your name")
                .contains("must be an email address");
        assertThat(page.getElementById("email").val()).isEqualTo("not-an-email");

        var weak = signUp("Wes Weak", address(), "short", null, null, newSource());
        assertThat(Jsoup.parse(weak.getContentAsString())
                        .getElementById("error-summary")
                        .text())
                .contains("at least 12 characters");
        var unknownProgram = signUp("Una Known", address(), PASSWORD, "NO-SUCH-PROGRAM", null, newSource());
        assertThat(Jsoup.parse(unknownProgram.getContentAsString())
                        .getElementById("error-summary")
                        .text())
                .contains("NO-SUCH-PROGRAM");

        var api = mvc.perform(post("/api/v1/applicant-accounts")
                        .with(from(newSource()))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\":\"Api\",\"email\":\"" + address() + "\",\"password\":\"short\"}"))
                .andReturn()
                .getResponse();
        assertThat(api.getStatus()).isEqualTo(400);
        assertThat(api.getContentType()).contains("application/problem+json");
        assertThat(api.getContentAsString()).contains("password").contains("at least 12 characters");
    }

    @Test
    void theOfficeRewordsTheSignUpEmailAndTheApplicantReceivesItsWording() throws Exception {
        var officer = WebSessions.signIn(mvc, Role.ADMISSIONS_OFFICER);
        try {
            var page = mvc.perform(get("/manage/admissions/emails/sign-up").cookie(officer))
                    .andReturn()
                    .getResponse();
            assertThat(page.getStatus()).isEqualTo(200);
            assertThat(Jsoup.parse(page.getContentAsString()).text())
                    .contains("{{link}}")
                    .contains("Confirm your email to apply to Northfield College")
                    .contains("This is Credo's wording");

            // Without the link nobody could confirm: refused, the text kept and the field marked, nothing stored.
            var refused = mvc.perform(post("/manage/admissions/emails/sign-up")
                            .cookie(officer)
                            .with(csrf())
                            .param("subject", "Welcome to {{organization}}")
                            .param("body", "Hello {{name}}, <b>welcome</b>. No link here."))
                    .andReturn()
                    .getResponse();
            assertThat(refused.getStatus()).isEqualTo(200);
            var form = Jsoup.parse(refused.getContentAsString());
            assertThat(form.getElementById("body").hasClass("is-invalid")).isTrue();
            assertThat(form.getElementById("body").text()).isEqualTo("Hello {{name}}, <b>welcome</b>. No link here.");
            assertThat(form.getElementById("body-error").text()).contains("{{link}}");
            assertThat(form.getElementById("subject").val()).isEqualTo("Welcome to {{organization}}");
            assertThat(customTemplates()).isZero();

            var preview = mvc.perform(post("/manage/admissions/emails/sign-up/preview")
                            .cookie(officer)
                            .with(csrf())
                            .header("HX-Request", "true")
                            .param("subject", "Welcome to {{organization}}")
                            .param("body", "Hello {{name}} <script>, confirm: {{link}}"))
                    .andReturn()
                    .getResponse()
                    .getContentAsString();
            assertThat(preview)
                    .contains("Welcome to Northfield College")
                    .contains("Hello Ada Applicant &lt;script&gt;, confirm: https://")
                    .doesNotContain("<script>");

            var saved = mvc.perform(
                            post("/manage/admissions/emails/sign-up")
                                    .cookie(officer)
                                    .with(csrf())
                                    .param(
                                            "subject",
                                            "{{name}}, one click to start your application at {{organization}}")
                                    .param(
                                            "body",
                                            "Dear {{name}},\n\nPlease confirm within {{hours}} hours:\n{{link}}\n\nNorthfield Admissions"))
                    .andReturn()
                    .getResponse();
            assertThat(saved.getRedirectedUrl()).isEqualTo("/manage/admissions/emails/sign-up");
            assertThat(customTemplates()).isEqualTo(1);

            var email = address();
            signUp("Carla Custom", email, PASSWORD, null, null, newSource());
            var message = Mailbox.awaitMessageTo(mail, email);
            assertThat(message.getSubject())
                    .isEqualTo("Carla Custom, one click to start your application at Northfield College");
            assertThat(GreenMailUtil.getBody(message)).contains("Please confirm within 24 hours");
            assertThat(Mailbox.link(message, "/apply/sign-up/verify")).contains("token=");
            Awaitility.await()
                    .atMost(Duration.ofSeconds(10))
                    .until(() ->
                            jdbc.sql("SELECT count(*) FROM audit_entry WHERE action = 'admissions.sign-up-email.saved'"
                                                    + " AND organization_id = ?")
                                            .param(northfield())
                                            .query(Long.class)
                                            .single()
                                    >= 1);
        } finally {
            var reset = mvc.perform(post("/manage/admissions/emails/sign-up/reset")
                            .cookie(officer)
                            .with(csrf()))
                    .andReturn()
                    .getResponse();
            assertThat(reset.getStatus()).isEqualTo(302);
        }
        assertThat(customTemplates()).isZero();
        var email = address();
        signUp("Dora Default", email, PASSWORD, null, null, newSource());
        assertThat(Mailbox.awaitMessageTo(mail, email).getSubject())
                .isEqualTo("Confirm your email to apply to Northfield College");
    }

    private long customTemplates() {
        return jdbc.sql("SELECT count(*) FROM applicant_email_template WHERE organization_id = ? AND kind = 'VERIFY'")
                .param(northfield())
                .query(Long.class)
                .single();
    }

    @Test
    void newAndKnownAddressesTakeAboutTheSameTime() throws Exception {
        var known = new ArrayList<String>();
        for (int i = 0; i < 5; i++) {
            var email = address();
            accounts.open(northfield(), email, "Tim Timing", "not-a-hash", Role.APPLICANT);
            known.add(email);
        }
        // Warm up, then alternate so that load on the machine falls on both alike.
        signUp("Tim Timing", address(), PASSWORD, null, null, newSource());
        var newTimes = new ArrayList<Long>();
        var knownTimes = new ArrayList<Long>();
        for (int i = 0; i < 5; i++) {
            newTimes.add(timed(address()));
            knownTimes.add(timed(known.get(i)));
        }
        long newMedian = median(newTimes);
        long knownMedian = median(knownTimes);
        System.out.printf("applicant sign-up median: new address %d ms, known address %d ms%n", newMedian, knownMedian);
        assertThat((double) Math.max(newMedian, knownMedian) / Math.max(1, Math.min(newMedian, knownMedian)))
                .isLessThan(3.0);
    }

    private long timed(String email) throws Exception {
        long start = System.nanoTime();
        signUp("Tim Timing", email, PASSWORD, null, null, newSource());
        return (System.nanoTime() - start) / 1_000_000;
    }

    private static String token(String link) {
        var matcher = java.util.regex.Pattern.compile("token=([A-Za-z0-9_-]+)").matcher(link);
        assertThat(matcher.find()).as(link).isTrue();
        return matcher.group(1);
    }

    private static long median(List<Long> times) {
        var sorted = times.stream().sorted().toList();
        return sorted.get(sorted.size() / 2);
    }

    private void jdbcFreeSignUp(String email, String source) throws Exception {
        signUp("Net Worker", email, PASSWORD, null, null, source);
    }

    private MockHttpServletResponse signUp(
            String name, String email, String password, String program, String website, String source)
            throws Exception {
        var request = post("/apply/sign-up")
                .with(csrf())
                .with(from(source))
                .accept(MediaType.TEXT_HTML)
                .param("name", name)
                .param("email", email)
                .param("password", password);
        if (program != null) {
            request.param("program", program);
        }
        if (website != null) {
            request.param("website", website);
        }
        return mvc.perform(request).andReturn().getResponse();
    }

    private MockHttpServletResponse apiSignUp(String email, String password) throws Exception {
        return mvc.perform(post("/api/v1/applicant-accounts")
                        .with(from(newSource()))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\":\"Api Applicant\",\"email\":\"" + email + "\",\"password\":\"" + password
                                + "\"}"))
                .andReturn()
                .getResponse();
    }

    private MockHttpServletResponse verify(String token) throws Exception {
        return mvc.perform(post("/apply/sign-up/verify")
                        .with(csrf())
                        .accept(MediaType.TEXT_HTML)
                        .param("token", token))
                .andReturn()
                .getResponse();
    }

    private MockHttpServletResponse home(Cookie session) throws Exception {
        return mvc.perform(get("/").cookie(session).accept(MediaType.TEXT_HTML))
                .andReturn()
                .getResponse();
    }

    private UUID northfield() {
        return new CatalogFixtures(jdbc).northfield();
    }

    private long outboxTo(String email) {
        return jdbc.sql("SELECT count(*) FROM email_outbox WHERE recipient = ?")
                .param(email)
                .query(Long.class)
                .single();
    }

    /** What the page says, without the session's CSRF token and with the typed address blanked. */
    private static String main(MockHttpServletResponse response, String email) throws Exception {
        var page = response.getContentAsString();
        var main = page.substring(page.indexOf("<main"), page.indexOf("</main>"));
        return main.replaceAll("value=\"[^\"]*\"", "value=\"\"").replace(email, "ADDRESS");
    }

    private static RequestPostProcessor from(String address) {
        return request -> {
            request.setRemoteAddr(address);
            return request;
        };
    }

    private static String address() {
        return "applicant-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
    }

    /** An address in a /64 of its own. */
    private static String newSource() {
        var random = ThreadLocalRandom.current();
        return "2001:db8:%x:%x::1".formatted(random.nextInt(0x10000), random.nextInt(0x10000));
    }
}
