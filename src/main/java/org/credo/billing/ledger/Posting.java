package org.credo.billing.ledger;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * One line of a journal entry: an account, the learner's subledger key on receivables, and a signed amount (debit
 * positive, credit negative), with the day a receivable falls due.
 */
public record Posting(
        AccountCode account,
        @Nullable UUID learnerId,
        BigDecimal amount,
        @Nullable LocalDate dueOn) {

    /** A debit of a positive amount. */
    public static Posting debit(
            AccountCode account, @Nullable UUID learnerId, BigDecimal amount, @Nullable LocalDate dueOn) {
        return new Posting(account, learnerId, amount, dueOn);
    }

    /** A credit of a positive amount. */
    public static Posting credit(AccountCode account, @Nullable UUID learnerId, BigDecimal amount) {
        return new Posting(account, learnerId, amount.negate(), null);
    }
}
