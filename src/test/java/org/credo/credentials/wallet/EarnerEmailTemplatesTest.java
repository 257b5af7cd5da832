package org.credo.credentials.wallet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.credo.CredoTest;
import org.credo.WebSessions;
import org.credo.credentials.CredentialFixtures;
import org.credo.credentials.achievement.Achievements;
import org.credo.credentials.issuance.Issuance;
import org.credo.credentials.signing.Cryptosuite;
import org.credo.credentials.templates.OrganizationTemplates;
import org.credo.credentials.templates.TemplateKind;
import org.credo.credentials.templates.TemplateText;
import org.credo.platform.Role;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The wallet's sign-in and address confirmation emails are worded by the template of the organization they speak
 * for, as claim emails are; an earner whose credentials come from several organizations gets the built-in one.
 */
@CredoTest
class EarnerEmailTemplatesTest {

    static final TemplateText SIGN_IN = new TemplateText(
            "Northfield: your wallet link for {{email}}",
            "<p>{{issuerName}} keeps your badges. <a href=\"{{signInUrl}}\">Open them</a> within {{minutes}} minutes.</p>",
            "{{issuerName}} keeps your badges: {{signInUrl}} ({{minutes}} minutes)");

    static final TemplateText ADDRESS = new TemplateText(
            "Northfield: confirm {{email}}",
            "<p>Dear {{recipientName}}, <a href=\"{{confirmUrl}}\">confirm {{email}}</a>.</p>",
            "Dear {{recipientName}}, confirm {{email}}: {{confirmUrl}}");

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Issuance issuance;

    @Autowired
    Achievements achievements;

    @Autowired
    Earners earners;

    @Autowired
    EarnerLinks links;

    @Autowired
    OrganizationTemplates templates;

    @AfterEach
    void backToBuiltIn() {
        for (var kind : new TemplateKind[] {TemplateKind.EARNER_SIGN_IN, TemplateKind.EARNER_ADDRESS}) {
            if (!templates.current(northfield(), kind).builtIn()) {
                templates.reset(northfield(), kind);
            }
        }
    }

    @Test
    void aSignInLinkIsWordedByTheTemplateOfTheOrganizationThatIssued() throws Exception {
        assertThat(templates.save(northfield(), TemplateKind.EARNER_SIGN_IN, SIGN_IN))
                .isEmpty();
        var email = address();
        issue(northfield(), email);

        requestLink(email);

        var sent = outbox(email, "earner-sign-in:");
        assertThat(sent.subject()).isEqualTo("Northfield: your wallet link for " + email);
        assertThat(sent.text())
                .startsWith("Northfield College keeps your badges: http://localhost:8080/wallet/sign-in/");
        assertThat(sent.html()).contains("Northfield College keeps your badges").contains("within 15 minutes");
        assertThat(sent.organizationId()).isEqualTo(northfield());
    }

    @Test
    void anEarnerWithCredentialsFromSeveralOrganizationsGetsTheBuiltInSignInEmail() throws Exception {
        assertThat(templates.save(northfield(), TemplateKind.EARNER_SIGN_IN, SIGN_IN))
                .isEmpty();
        var email = address();
        issue(northfield(), email);
        issue(harbor(), email);

        requestLink(email);

        var sent = outbox(email, "earner-sign-in:");
        assertThat(sent.subject()).isEqualTo("Your sign-in link to your credentials");
        assertThat(sent.text())
                .contains("asked to sign in to the Credo wallet of " + email + ".")
                .contains("http://localhost:8080/wallet/sign-in/")
                .doesNotContain("Northfield")
                .doesNotContain("Harbor");
    }

    @Test
    void anUncustomizedOrganizationSendsTheBuiltInEmailInItsName() throws Exception {
        var email = address();
        issue(harbor(), email);

        requestLink(email);

        var sent = outbox(email, "earner-sign-in:");
        assertThat(sent.subject()).isEqualTo("Your sign-in link to your credentials");
        assertThat(sent.text()).contains("which keeps your credentials from Harbor Coding Bootcamp.");
        assertThat(sent.organizationId()).isEqualTo(harbor());
    }

    @Test
    void anAddressConfirmationIsWordedByTheTemplateOfTheHomeOrganization() throws Exception {
        assertThat(templates.save(northfield(), TemplateKind.EARNER_ADDRESS, ADDRESS))
                .isEmpty();
        var first = address();
        var account = earners.openByClaim(first, "Ada Address", northfield());
        var wallet = mvc.perform(post("/wallet/sign-in/" + links.issue(EarnerLinks.Purpose.SIGN_IN, first, null))
                        .with(csrf()))
                .andReturn()
                .getResponse()
                .getCookie("CREDO_SESSION");
        var added = address();

        var response = mvc.perform(post("/wallet/account/emails")
                        .with(csrf())
                        .cookie(wallet)
                        .param("email", added))
                .andReturn()
                .getResponse();
        assertThat(response.getRedirectedUrl()).isEqualTo("/wallet/account");

        var sent = outbox(added, "earner-verify:");
        assertThat(sent.subject()).isEqualTo("Northfield: confirm " + added);
        assertThat(sent.text())
                .startsWith(
                        "Dear Ada Address, confirm " + added + ": http://localhost:8080/wallet/account/emails/verify/");
        assertThat(account.homeOrganizationId()).isEqualTo(northfield());
    }

    @Test
    void staffFindTheWalletEmailsAmongTheirTemplates() throws Exception {
        var registrar = WebSessions.signIn(mvc, Role.REGISTRAR);
        assertThat(mvc.perform(get("/manage/templates").cookie(registrar))
                        .andReturn()
                        .getResponse()
                        .getContentAsString())
                .contains("Wallet sign-in email")
                .contains("Address confirmation email")
                .contains("several organizations");
        var preview = mvc.perform(post("/manage/templates/earner-sign-in/preview")
                        .with(csrf())
                        .cookie(registrar)
                        .param("subject", SIGN_IN.subject())
                        .param("html", SIGN_IN.html())
                        .param("text", SIGN_IN.text()))
                .andReturn()
                .getResponse();
        assertThat(preview.getStatus()).isEqualTo(200);
        assertThat(preview.getContentAsString()).contains("Northfield: your wallet link for alex.sample@example.org");
        var missingLink = mvc.perform(post("/manage/templates/earner-sign-in")
                        .with(csrf())
                        .cookie(registrar)
                        .param("subject", "Hello")
                        .param("html", "<p>No link</p>")
                        .param("text", "No link"))
                .andReturn()
                .getResponse();
        assertThat(missingLink.getStatus()).isEqualTo(422);
        assertThat(missingLink.getContentAsString()).contains("It must use {{signInUrl}}.");
    }

    record Sent(UUID organizationId, String subject, String text, String html) {}

    private Sent outbox(String email, String dedupPrefix) {
        return jdbc.sql("""
                        SELECT organization_id, subject, text_body, html_body FROM email_outbox
                        WHERE recipient = ? AND dedup_key LIKE ?""")
                .params(email, dedupPrefix + "%")
                .query((rs, n) ->
                        new Sent(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), rs.getString(4)))
                .single();
    }

    private void requestLink(String email) throws Exception {
        // From a network of its own, so that other tests' requests do not count against this one.
        var random = ThreadLocalRandom.current();
        var source = "2001:db8:%x:%x::1".formatted(random.nextInt(0x10000), random.nextInt(0x10000));
        var response = mvc.perform(post("/wallet/sign-in/link")
                        .with(csrf())
                        .with(request -> {
                            request.setRemoteAddr(source);
                            return request;
                        })
                        .param("email", email))
                .andReturn()
                .getResponse();
        assertThat(response.getStatus()).isEqualTo(200);
    }

    private void issue(UUID organization, String email) {
        var achievement = CredentialFixtures.publishedAchievement(achievements, organization);
        issuance.issue(
                organization,
                CredentialFixtures.request(achievement.id(), email, Cryptosuite.JCS),
                "Template test",
                null);
    }

    private UUID northfield() {
        return CredentialFixtures.northfield(jdbc);
    }

    private UUID harbor() {
        return jdbc.sql("SELECT id FROM organization WHERE slug = 'harbor'")
                .query(UUID.class)
                .single();
    }

    private static String address() {
        return "earner-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
    }
}
