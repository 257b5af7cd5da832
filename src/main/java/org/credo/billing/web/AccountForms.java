package org.credo.billing.web;

import java.io.Serializable;
import org.jspecify.annotations.Nullable;

/** What the bursar typed in the account page's forms, kept as typed when a form is refused. */
final class AccountForms {

    private AccountForms() {}

    /** A manual charge or credit. */
    record ChargeForm(
            @Nullable String kind,
            @Nullable String amount,
            @Nullable String reason,
            @Nullable String dueOn) implements Serializable {}

    /** A cashier payment. */
    record PaymentForm(
            @Nullable String method,
            @Nullable String amount,
            @Nullable String reference) implements Serializable {}

    /** A refund of a credit balance. */
    record RefundForm(@Nullable String amount, @Nullable String reason) implements Serializable {}
}
