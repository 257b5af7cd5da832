package org.credo.billing;

import java.math.BigDecimal;
import java.util.UUID;
import org.credo.billing.ledger.BillingSettings;
import org.credo.billing.ledger.Ledger;
import org.springframework.stereotype.Service;

/** The billing facade for later modules (graduation clearance, reporting): what a learner owes. */
@Service
public class Billing {

    /** A learner's balance in the organization's currency; negative is a credit balance. */
    public record Balance(BigDecimal amount, String currency) {

        /** Whether the learner owes nothing. */
        public boolean settled() {
            return amount.signum() <= 0;
        }
    }

    private final Ledger ledger;
    private final BillingSettings settings;

    Billing(Ledger ledger, BillingSettings settings) {
        this.ledger = ledger;
        this.settings = settings;
    }

    /** What the learner owes now: the sum of the postings on their receivable. */
    public Balance balance(UUID organizationId, UUID learnerId) {
        return new Balance(
                ledger.balance(organizationId, learnerId),
                settings.of(organizationId).currency());
    }
}
