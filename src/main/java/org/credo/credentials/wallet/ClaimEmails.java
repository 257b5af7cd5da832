package org.credo.credentials.wallet;

import java.time.ZoneOffset;
import java.util.HashMap;
import org.credo.credentials.CredentialIssued;
import org.credo.credentials.issuance.IssuedCredentials;
import org.credo.credentials.templates.OrganizationTemplates;
import org.credo.notifications.Notifications;
import org.credo.platform.OrganizationSummary;
import org.credo.platform.Organizations;
import org.credo.platform.config.CredoProperties;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Emails the earner a claim link when a credential is issued, worded by the organization's claim email template. It listens synchronously, inside the
 * issuing transaction, so the email is enqueued if and only if the credential is stored.
 */
@Component
class ClaimEmails {

    private final IssuedCredentials credentials;
    private final ClaimLinks claims;
    private final Notifications notifications;
    private final Organizations organizations;
    private final CredoProperties properties;
    private final OrganizationTemplates templates;

    ClaimEmails(
            IssuedCredentials credentials,
            ClaimLinks claims,
            Notifications notifications,
            Organizations organizations,
            CredoProperties properties,
            OrganizationTemplates templates) {
        this.templates = templates;
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
        var values = new HashMap<String, String>();
        values.put("recipientName", credential.recipientName());
        values.put("achievementName", credential.achievementName());
        values.put("issuerName", organization);
        values.put("claimUrl", link);
        values.put("claimDays", Long.toString(ClaimLinks.VALIDITY.toDays()));
        values.put("verificationUrl", properties.link("/verify/" + credential.id()));
        values.put("issuedOn", Certificates.DATE.format(credential.issuedAt().atZone(ZoneOffset.UTC)));
        values.put(
                "validUntil",
                credential.validUntil() == null
                        ? ""
                        : Certificates.DATE.format(credential.validUntil().atZone(ZoneOffset.UTC)));
        var email = templates.claimEmail(credential.organizationId(), values);
        notifications.enqueue(
                credential.organizationId(),
                credential.recipientEmail(),
                email.subject(),
                email.text(),
                email.html(),
                "credential-claim:" + credential.id());
    }
}
