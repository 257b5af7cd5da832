package org.credo.billing.ledger;

import java.math.BigDecimal;
import java.util.UUID;
import org.credo.platform.ProblemException;
import org.credo.platform.Timestamps;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * An organization's billing settings: its currency, the past-due balance above which a hold is placed, the manual
 * adjustment above which a second bursar approves, and the payment provider's webhook signing secret (never shown or
 * logged once saved).
 */
@Service
public class BillingSettings {

    /** The settings as billing reads them. */
    public record Settings(
            String currency,
            BigDecimal holdThreshold,
            BigDecimal approvalThreshold,
            @Nullable String webhookSecret) {

        /** Whether a webhook secret is set, for pages that must not show it. */
        public boolean hasWebhookSecret() {
            return webhookSecret != null && !webhookSecret.isBlank();
        }
    }

    static final Settings DEFAULTS = new Settings("USD", new BigDecimal("500.00"), new BigDecimal("1000.00"), null);

    private final JdbcClient jdbc;

    BillingSettings(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The organization's settings, or the defaults (USD, hold over 500.00, approval over 1,000.00). */
    @Transactional(readOnly = true)
    public Settings of(UUID organizationId) {
        return jdbc.sql("SELECT * FROM billing_settings WHERE organization_id = ?")
                .param(organizationId)
                .query((rs, n) -> new Settings(
                        rs.getString("currency"),
                        rs.getBigDecimal("hold_threshold"),
                        rs.getBigDecimal("approval_threshold"),
                        rs.getString("webhook_secret")))
                .optional()
                .orElse(DEFAULTS);
    }

    /** Saves the settings; a blank secret keeps the one saved before. */
    @Transactional
    public Settings save(
            UUID organizationId,
            String currency,
            BigDecimal holdThreshold,
            BigDecimal approvalThreshold,
            @Nullable String webhookSecret) {
        if (currency == null || !currency.matches("[A-Z]{3}")) {
            throw ProblemException.invalidField("currency", "use a three-letter ISO 4217 code such as USD.");
        }
        var hold = Money.positive("holdThreshold", holdThreshold);
        var approval = Money.positive("approvalThreshold", approvalThreshold);
        var secret = webhookSecret == null || webhookSecret.isBlank()
                ? of(organizationId).webhookSecret()
                : webhookSecret;
        var updated = jdbc.sql("UPDATE billing_settings SET currency = ?, hold_threshold = ?, approval_threshold = ?,"
                        + " webhook_secret = ?, changed_at = ? WHERE organization_id = ?")
                .params(currency, hold, approval, secret, Timestamps.sql(Timestamps.now()), organizationId)
                .update();
        if (updated == 0) {
            jdbc.sql("INSERT INTO billing_settings (organization_id, currency, hold_threshold, approval_threshold,"
                            + " webhook_secret, changed_at) VALUES (?, ?, ?, ?, ?, ?)")
                    .params(organizationId, currency, hold, approval, secret, Timestamps.sql(Timestamps.now()))
                    .update();
        }
        return of(organizationId);
    }
}
