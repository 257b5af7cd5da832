package org.credo.billing.payments;

import org.credo.billing.ledger.AccountCode;

/** How a payment arrived, and the cash clearing account it lands in. */
public enum PaymentMethod {
    CASH(AccountCode.CASH_CLEARING_CASH, "Cash"),
    CHECK(AccountCode.CASH_CLEARING_CHECK, "Check"),
    CARD(AccountCode.CASH_CLEARING_CARD, "Card terminal"),
    ONLINE(AccountCode.CASH_CLEARING_ONLINE, "Online (payment provider)");

    private final AccountCode clearing;
    private final String label;

    PaymentMethod(AccountCode clearing, String label) {
        this.clearing = clearing;
        this.label = label;
    }

    /** The cash clearing account of the method. */
    public AccountCode clearing() {
        return clearing;
    }

    /** The name people read. */
    public String label() {
        return label;
    }
}
