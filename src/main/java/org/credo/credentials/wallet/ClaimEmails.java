package org.credo.credentials.wallet;

import org.credo.credentials.CredentialIssued;
import org.credo.credentials.issuance.IssuedCredentials;
import org.credo.notifications.Notifications;
import org.credo.platform.OrganizationSummary;
import org.credo.platform.Organizations;
import org.credo.platform.config.CredoProperties;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;

/**
 * Emails the earner a claim link when a credential is issued. It listens synchronously, inside the
 * issuing transaction, so the email is enqueued if and only if the credential is stored.
 */
@Component
class ClaimEmails {

    private final IssuedCredentials credentials;
    private final ClaimLinks claims;
    private final Notifications notifications;
    private final Organizations organizations;
    private final CredoProperties properties;

    ClaimEmails(
            IssuedCredentials credentials,
            ClaimLinks claims,
            Notifications notifications,
            Organizations organizations,
            CredoProperties properties) {
        this.credentials = credentials;
        this.claims = claims;
        this.notifications = notifications;
        this.organizations = organizations;
        this.properties = properties;
    }

    @EventListener
    void on(CredentialIssued event) {
        var credential = credentials.findAnywhere(event.credentialId()).orElseThrow();
        var organization = organizations
                .find(credential.organizationId())
                .map(OrganizationSummary::name)
                .orElse("Credo");
        var token = claims.issue(credential.organizationId(), credential.id(), credential.recipientEmail());
        var link = properties.link("/wallet/claim/" + token);
        var subject = organization + " issued you a credential: " + credential.achievementName();
        var text = """
                Hello %s,

                %s issued you a credential: %s.

                Open it in your Credo wallet to download it (PDF or JSON), add it to LinkedIn or share it:
                %s

                The link signs you in once and expires in %d days. Anyone can check the credential at:
                %s
                """.formatted(
                        credential.recipientName(),
                        organization,
                        credential.achievementName(),
                        link,
                        ClaimLinks.VALIDITY.toDays(),
                        properties.link("/verify/" + credential.id()));
        var html = """
                <p>Hello %s,</p>
                <p>%s issued you a credential: <strong>%s</strong>.</p>
                <p><a href="%s">Open it in your Credo wallet</a> to download it (PDF or JSON), add it to LinkedIn or share it.</p>
                <p>The link signs you in once and expires in %d days.</p>
                """.formatted(
                        HtmlUtils.htmlEscape(credential.recipientName()),
                        HtmlUtils.htmlEscape(organization),
                        HtmlUtils.htmlEscape(credential.achievementName()),
                        HtmlUtils.htmlEscape(link),
                        ClaimLinks.VALIDITY.toDays());
        notifications.enqueue(
                credential.organizationId(),
                credential.recipientEmail(),
                subject,
                text,
                html,
                "credential-claim:" + credential.id());
    }
}
