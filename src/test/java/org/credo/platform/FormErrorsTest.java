package org.credo.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import jakarta.servlet.http.Cookie;
import java.util.Arrays;
import org.credo.CredoTest;
import org.credo.WebSessions;
import org.credo.credentials.CredentialFixtures;
import org.credo.credentials.achievement.Achievements;
import org.credo.credentials.issuance.Issuance;
import org.credo.credentials.signing.Cryptosuite;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder;

/**
 * A failed submit of any form, staff or public, answers the same way: an error summary at the top of the form whose
 * items link to the fields, and on each of those fields aria-invalid and aria-describedby naming its message.
 */
@CredoTest
class FormErrorsTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Issuance issuance;

    @Autowired
    Achievements achievements;

    @Test
    void theWalletSignInFormsLinkTheirProblemToTheEmailField() throws Exception {
        var link = submit(post("/wallet/sign-in/link").param("email", "not an address"), null);
        assertAccessibleErrors(link, "link-email");
        var password = submit(
                post("/wallet/sign-in/password")
                        .param("email", "nobody@example.org")
                        .param("password", "wrong"),
                null);
        assertAccessibleErrors(password, "password-email");
    }

    @Test
    void aFailedStaffSignInLinksToTheEmailField() throws Exception {
        var failed = mvc.perform(post("/login")
                        .param("email", "administrator@northfield.test")
                        .param("password", "not the password")
                        .with(csrf()))
                .andReturn()
                .getResponse();
        assertThat(failed.getRedirectedUrl()).startsWith("/login?error");
        var page = mvc.perform(get(failed.getRedirectedUrl())).andReturn().getResponse();
        assertAccessibleErrors(Jsoup.parse(page.getContentAsString()), "email");
    }

    @Test
    void aPageWithoutAProblemHasNoSummaryAndNoInvalidField() throws Exception {
        var page = Jsoup.parse(
                mvc.perform(get("/wallet/sign-in")).andReturn().getResponse().getContentAsString());
        assertThat(page.getElementById("error-summary")).isNull();
        assertThat(page.select("[aria-invalid=true]")).isEmpty();
    }

    @Test
    void publicFormsLinkTheirProblemsToTheFields() throws Exception {
        assertAccessibleErrors(
                submit(post("/catalog/programs/CERT-DA/inquiries").param("kind", "APPLY"), null), "name", "email");
        assertAccessibleErrors(submit(post("/password/forgot").param("email", ""), null), "email");
        assertAccessibleErrors(submit(post("/verify").param("credential", ""), null), "credential");
    }

    @Test
    void staffFormsOfCredentialsLinkTheirProblemsToTheFields() throws Exception {
        var registrar = signIn(Role.REGISTRAR);
        var issue = submit(post("/manage/credentials").param("recipientEmail", "not an address"), registrar);
        assertAccessibleErrors(issue, "achievementId", "recipientName", "recipientEmail");
        // Each item names its field: "must not be blank" alone would not say which.
        assertThat(issue.select("#error-summary a[href=#recipientName]").text()).startsWith("Recipient name: ");
        assertThat(issue.select("#error-summary a[href=#achievementId]").text())
                .isEqualTo("Achievement: choose the achievement to issue");
        assertAccessibleErrors(submit(post("/manage/achievements"), registrar), "name");
        assertAccessibleErrors(submit(multipart("/manage/bulk"), registrar), "file");
        assertAccessibleErrors(submit(multipart("/manage/credentials/bulk-actions"), registrar), "file");
        assertAccessibleErrors(
                submit(
                        post("/manage/credentials/reminders")
                                .param("enabled", "true")
                                .param("days", "0"),
                        registrar),
                "days");
        assertAccessibleErrors(
                submit(get("/manage/credentials/dashboard").param("from", "yesterday"), registrar), "from");
        assertAccessibleErrors(
                submit(
                        post("/manage/templates/claim-email")
                                .param("subject", "Hello")
                                .param("html", "<p>unclosed {{claimUrl}}")
                                .param("text", "{{claimUrl}}"),
                        registrar),
                "html");
        assertAccessibleErrors(
                submit(
                        post("/manage/templates/certificate/design")
                                .param("primaryColour", "red")
                                .param("accentColour", "#b45309"),
                        registrar),
                "primaryColour");
    }

    @Test
    void staffFormsOfThePlatformLinkTheirProblemsToTheFields() throws Exception {
        var administrator = signIn(Role.ADMINISTRATOR);
        assertAccessibleErrors(submit(post("/admin/users").param("email", "nobody"), administrator), "email");
        assertAccessibleErrors(submit(post("/admin/organization").param("name", ""), administrator), "name");
        assertAccessibleErrors(
                submit(post("/organizations").param("slug", "Not A Slug").param("name", "X"), administrator), "slug");
        assertAccessibleErrors(
                submit(
                        post("/admin/organization/branding")
                                .param("primaryColour", "#ffffff")
                                .param("accentColour", "#b45309"),
                        administrator),
                "primaryColour");
        assertAccessibleErrors(submit(multipart("/admin/organization/logo"), administrator), "logo");
        assertAccessibleErrors(submit(post("/account/tokens").param("name", ""), administrator), "name");
    }

    @Test
    void staffFormsOfTheCatalogLinkTheirProblemsToTheFields() throws Exception {
        var author = signIn(Role.CURRICULUM_AUTHOR);
        assertAccessibleErrors(
                submit(
                        post("/manage/catalog/proposals")
                                .param("kind", "COURSE")
                                .param("action", "CREATE")
                                .param("title", "")
                                .param("effectiveFrom", "2027-01-01"),
                        author),
                "title");
        assertAccessibleErrors(
                submit(
                        post("/manage/catalog/proposals")
                                .param("kind", "COURSE")
                                .param("action", "CREATE")
                                .param("title", "A new course")
                                .param("effectiveFrom", "2027-01-01")
                                .param("c.subject", "")
                                .param("c.number", "")
                                .param("c.title", "")
                                .param("c.credits", "lots"),
                        author),
                "c-subject");
        var editor = signIn(Role.CATALOG_EDITOR);
        assertAccessibleErrors(submit(post("/manage/catalog/intakes"), editor), "programId", "termId");
        assertAccessibleErrors(submit(multipart("/manage/catalog/import"), editor), "file");
    }

    @Test
    void theLearnerRecordFormLinksItsProblemsToTheFields() throws Exception {
        assertAccessibleErrors(
                submit(
                        post("/manage/learners")
                                .param("legalGivenName", "Ada")
                                .param("legalFamilyName", "")
                                .param("status", "PROSPECT"),
                        signIn(Role.REGISTRAR)),
                "legalFamilyName");
    }

    @Test
    void aRefusedRevocationLinksTheMessageToTheReasonAfterTheRedirect() throws Exception {
        var organization = CredentialFixtures.northfield(jdbc);
        var achievement = CredentialFixtures.publishedAchievement(achievements, organization);
        var credential = issuance.issue(
                organization,
                CredentialFixtures.request(achievement.id(), "revoke-form@example.org", Cryptosuite.JCS),
                "Test",
                null);
        var registrar = signIn(Role.REGISTRAR);
        var refused = mvc.perform(post("/manage/credentials/" + credential.id() + "/revoke")
                        .param("reason", "")
                        .cookie(registrar)
                        .with(csrf()))
                .andReturn();
        var page = mvc.perform(get(refused.getResponse().getRedirectedUrl())
                        .cookie(registrar)
                        .flashAttrs(refused.getFlashMap()))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertAccessibleErrors(Jsoup.parse(page), "revoke-reason");
    }

    Document submit(AbstractMockHttpServletRequestBuilder<?> request, Cookie session) throws Exception {
        if (session != null) {
            request.cookie(session);
        }
        var response = mvc.perform(request.with(csrf())).andReturn().getResponse();
        assertThat(response.getStatus())
                .as("a refused form answers with the page")
                .isLessThan(500);
        return Jsoup.parse(response.getContentAsString());
    }

    Cookie signIn(Role role) throws Exception {
        return WebSessions.signIn(mvc, role);
    }

    /**
     * The page has one error summary, focusable, announced and marked for credo.js, linking to at least the given field ids; every
     * linked field exists, and each form control among them is marked invalid and described by an element that holds
     * its message.
     */
    static void assertAccessibleErrors(Document page, String... fields) {
        var summaries = page.select("[data-error-summary]");
        assertThat(summaries)
                .as(
                        "one error summary on the page \"%s\": %s",
                        page.title(), page.select("main").text())
                .hasSize(1);
        var summary = summaries.first();
        assertThat(summary.attr("tabindex")).isEqualTo("-1");
        assertThat(summary.attr("role")).isEqualTo("alert");
        assertThat(summary.select("a[href^=#]"))
                .as("links in the summary")
                .extracting(a -> a.attr("href").substring(1))
                .contains(fields);
        for (var link : summary.select("a[href^=#]")) {
            var id = link.attr("href").substring(1);
            var field = page.getElementById(id);
            assertThat(field).as("the field #" + id + " the summary links to").isNotNull();
            // A group (radio buttons, check boxes) is marked as a whole when it may be (role radiogroup), else field
            // by field.
            var marked = field.is("input, select, textarea, [role=radiogroup]")
                    ? java.util.List.of(field)
                    : field.select("input:not([type=hidden]), select, textarea");
            assertThat(marked).as("fields at #" + id).isNotEmpty();
            for (var control : marked) {
                assertThat(control.attr("aria-invalid"))
                        .as("aria-invalid of #" + control.id())
                        .isEqualTo("true");
                var described = Arrays.stream(control.attr("aria-describedby").split("\\s+"))
                        .filter(ref -> !ref.isEmpty())
                        .map(page::getElementById)
                        .toList();
                assertThat(described)
                        .as("aria-describedby of #" + control.id())
                        .isNotEmpty()
                        .doesNotContainNull()
                        .anySatisfy(message -> assertThat(message.text()).isNotBlank());
            }
        }
    }
}
