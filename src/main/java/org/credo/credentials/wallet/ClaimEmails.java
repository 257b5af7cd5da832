package org.credo.credentials.wallet;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.UUID;
import org.credo.credentials.CredentialIssued;
import org.credo.credentials.CredentialsIssued;
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
 * issuing transaction, so the email is enqueued if and only if the credential is stored; credentials
 * issued together get their links and emails stored together.
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
        send(List.of(event.credentialId()));
    }

    @EventListener
    void on(CredentialsIssued event) {
        send(event.credentials().stream().map(CredentialIssued::credentialId).toList());
    }

    /** One claim link and one email per credential, stored in batches (a bulk chunk is hundreds). */
    private void send(List<UUID> credentialIds) {
        var recipients = credentials.recipients(credentialIds);
        var organizationNames = new HashMap<UUID, String>();
        var tokens = claims.issueAll(recipients.stream()
                .map(r -> new ClaimLinks.Claimant(r.organizationId(), r.credentialId(), r.email()))
                .toList());
        var emails = new ArrayList<Notifications.Email>(recipients.size());
        for (int i = 0; i < recipients.size(); i++) {
            var recipient = recipients.get(i);
            var organization = organizationNames.computeIfAbsent(
                    recipient.organizationId(),
                    id -> organizations.find(id).map(OrganizationSummary::name).orElse("Credo"));
            emails.add(email(recipient, organization, properties.link("/wallet/claim/" + tokens.get(i))));
        }
        notifications.enqueueAll(emails);
    }

    private Notifications.Email email(IssuedCredentials.Recipient credential, String organization, String link) {
        var subject = organization + " issued you a credential: " + credential.achievementName();
        var text = """
                Hello %s,

                %s issued you a credential: %s.

                Open it in your Credo wallet to download it (PDF or JSON), add it to LinkedIn or share it:
                %s

                The link signs you in once and expires in %d days. Anyone can check the credential at:
                %s
                """.formatted(
                        credential.name(),
                        organization,
                        credential.achievementName(),
                        link,
                        ClaimLinks.VALIDITY.toDays(),
                        properties.link("/verify/" + credential.credentialId()));
        var html = """
                <p>Hello %s,</p>
                <p>%s issued you a credential: <strong>%s</strong>.</p>
                <p><a href="%s">Open it in your Credo wallet</a> to download it (PDF or JSON), add it to LinkedIn or share it.</p>
                <p>The link signs you in once and expires in %d days.</p>
                """.formatted(
                        HtmlUtils.htmlEscape(credential.name()),
                        HtmlUtils.htmlEscape(organization),
                        HtmlUtils.htmlEscape(credential.achievementName()),
                        HtmlUtils.htmlEscape(link),
                        ClaimLinks.VALIDITY.toDays());
        return new Notifications.Email(
                credential.organizationId(),
                credential.email(),
                subject,
                text,
                html,
                "credential-claim:" + credential.credentialId());
    }
}
