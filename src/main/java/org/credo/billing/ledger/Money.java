package org.credo.billing.ledger;

import java.math.BigDecimal;
import java.math.RoundingMode;
import org.credo.platform.ProblemException;
import org.jspecify.annotations.Nullable;

/** Amounts as billing accepts them: positive, at most two decimals, below a sanity ceiling. */
public final class Money {

    /** No single charge, payment or refund is a billion or more. */
    static final BigDecimal CEILING = new BigDecimal("1000000000");

    private Money() {}

    /** The amount at scale 2, or a field error naming what is wrong with it. */
    public static BigDecimal positive(String field, @Nullable BigDecimal amount) {
        if (amount == null) {
            throw ProblemException.invalidField(field, "enter an amount, such as 125.00.");
        }
        if (amount.signum() <= 0) {
            throw ProblemException.invalidField(field, "enter an amount greater than zero.");
        }
        if (amount.stripTrailingZeros().scale() > 2) {
            throw ProblemException.invalidField(field, "use at most two decimals (cents).");
        }
        if (amount.compareTo(CEILING) >= 0) {
            throw ProblemException.invalidField(field, "enter an amount below 1,000,000,000.");
        }
        return amount.setScale(2, RoundingMode.UNNECESSARY);
    }

    /** Parses an amount typed in a form, or a field error. */
    public static BigDecimal parse(String field, @Nullable String text) {
        if (text == null || text.isBlank()) {
            return positive(field, null);
        }
        try {
            return positive(field, new BigDecimal(text.trim().replace(",", "")));
        } catch (NumberFormatException e) {
            throw ProblemException.invalidField(field, "enter a number such as 125.00.");
        }
    }
}
