package org.credo.credentials.wallet;

import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import org.credo.credentials.CredentialIssued;
import org.credo.credentials.CredentialsIssued;
import org.credo.credentials.issuance.IssuedCredentials;
import org.credo.credentials.templates.OrganizationTemplates;
import org.credo.notifications.Notifications;
import org.credo.platform.OrganizationSummary;
import org.credo.platform.Organizations;
import org.credo.platform.config.CredoProperties;
import org.jspecify.annotations.Nullable;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Emails the earner a claim link when a credential is issued, worded by the organization's claim
 * email template. It listens synchronously, inside the issuing transaction, so the email is
 * enqueued if and only if the credential is stored; credentials issued together get their links
 * and emails stored together.
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
        this.credentials = credentials;
        this.claims = claims;
        this.notifications = notifications;
        this.organizations = organizations;
        this.properties = properties;
        this.templates = templates;
    }

    @EventListener
    void on(CredentialIssued event) {
        send(List.of(event.credentialId()), null);
    }

    @EventListener
    void on(CredentialsIssued event) {
        send(event.credentials().stream().map(CredentialIssued::credentialId).toList(), null);
    }

    /**
     * One claim link and one email per credential, stored in batches (a bulk chunk is hundreds). A
     * resend names its request, so that the outbox keeps one email per credential and request.
     */
    void send(List<UUID> credentialIds, @Nullable String resendKey) {
        var recipients = credentials.recipients(credentialIds);
        var tokens = claims.issueAll(recipients.stream()
                .map(r -> new ClaimLinks.Claimant(r.organizationId(), r.credentialId(), r.email()))
                .toList());
        var issuerNames = new HashMap<UUID, String>();
        var renderers =
                new HashMap<UUID, Function<java.util.Map<String, String>, OrganizationTemplates.RenderedEmail>>();
        var emails = new ArrayList<Notifications.Email>(recipients.size());
        for (int i = 0; i < recipients.size(); i++) {
            var credential = recipients.get(i);
            var organizationId = credential.organizationId();
            var issuerName = issuerNames.computeIfAbsent(
                    organizationId,
                    id -> organizations.find(id).map(OrganizationSummary::name).orElse("Credo"));
            var values = new HashMap<String, String>();
            values.put("recipientName", credential.name());
            values.put("achievementName", credential.achievementName());
            values.put("issuerName", issuerName);
            values.put("claimUrl", properties.link("/wallet/claim/" + tokens.get(i)));
            values.put("claimDays", Long.toString(ClaimLinks.VALIDITY.toDays()));
            values.put("verificationUrl", properties.link("/verify/" + credential.credentialId()));
            values.put(
                    "issuedOn", Certificates.DATE.format(credential.issuedAt().atZone(ZoneOffset.UTC)));
            values.put(
                    "validUntil",
                    credential.validUntil() == null
                            ? ""
                            : Certificates.DATE.format(credential.validUntil().atZone(ZoneOffset.UTC)));
            var email = renderers
                    .computeIfAbsent(organizationId, templates::claimEmailRenderer)
                    .apply(values);
            emails.add(new Notifications.Email(
                    organizationId,
                    credential.email(),
                    email.subject(),
                    email.text(),
                    email.html(),
                    "credential-claim:" + credential.credentialId()
                            + (resendKey == null ? "" : ":resend:" + resendKey)));
        }
        notifications.enqueueAll(emails);
    }
}
