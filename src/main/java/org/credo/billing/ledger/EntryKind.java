package org.credo.billing.ledger;

/** What a journal entry records. */
public enum EntryKind {
    TUITION_CHARGE,
    DROP_REFUND,
    MANUAL_CHARGE,
    CREDIT_ADJUSTMENT,
    PAYMENT,
    CREDIT_REFUND,
    REVERSAL
}
