package org.credo.billing.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.util.UUID;
import org.credo.billing.payments.ProviderWebhooks;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/** The payment provider's webhook: no sign-in, authenticated by the signature over the raw body. */
@RestController
@Tag(name = "Payment webhook", description = "Signed payment events from the payment provider")
class ProviderWebhookApi {

    private final ProviderWebhooks webhooks;

    ProviderWebhookApi(ProviderWebhooks webhooks) {
        this.webhooks = webhooks;
    }

    @PostMapping(value = "/api/v1/billing/webhooks/{organizationId}/stripe", consumes = "application/json")
    @Operation(
            summary = "A payment event signed as Stripe signs them (Stripe-Signature: t=..,v1=..), idempotent per id")
    ProviderWebhooks.Outcome receive(
            @PathVariable UUID organizationId,
            @RequestHeader(name = "Stripe-Signature", required = false) @Nullable String signature,
            @RequestBody String body) {
        return webhooks.receive(organizationId, signature, body, Instant.now());
    }
}
