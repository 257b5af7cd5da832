package org.credo.billing;

import java.math.BigDecimal;
import java.util.UUID;
import org.credo.platform.Audited;
import org.credo.platform.ChangeStamp;
import org.jspecify.annotations.Nullable;

/**
 * A balanced journal entry was posted: a charge, a refund, a payment, an adjustment or the reversal of another entry.
 * {@code amount} is what the entry moved on the learner's receivable (positive owes more, negative owes less).
 */
public record LedgerEntryPosted(
        ChangeStamp stamp,
        UUID entryId,
        long entryNumber,
        String kind,
        String description,
        @Nullable UUID learnerId,
        BigDecimal amount,
        String currency)
        implements Audited {

    @Override
    public String action() {
        return "billing.entry-posted";
    }

    @Override
    public String subjectType() {
        return "JournalEntry";
    }

    @Override
    public String subjectId() {
        return entryId.toString();
    }

    @Override
    public String subjectName() {
        return "Journal entry " + entryNumber;
    }

    @Override
    public String summary() {
        return kind.toLowerCase().replace('_', ' ') + " posted: " + description + " (" + amount.toPlainString() + " "
                + currency + " on the learner's account)";
    }
}
