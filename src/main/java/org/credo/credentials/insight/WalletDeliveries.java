package org.credo.credentials.insight;

import org.credo.credentials.CredentialDeliveredToWallet;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Puts a delivery to a wallet (OpenID4VCI) on the credential's timeline, in the delivering transaction. */
@Component
class WalletDeliveries {

    private final CredentialTimeline timeline;

    WalletDeliveries(CredentialTimeline timeline) {
        this.timeline = timeline;
    }

    @EventListener
    void on(CredentialDeliveredToWallet event) {
        timeline.record(event.credentialId(), Step.ADDED_TO_WALLET, "OpenID4VCI, as " + event.format());
    }
}
