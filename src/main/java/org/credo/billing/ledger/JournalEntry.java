package org.credo.billing.ledger;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A posted journal entry with its lines; never changed once posted. */
public record JournalEntry(
        UUID id,
        long number,
        EntryKind kind,
        String description,
        String currency,
        LocalDate effectiveOn,
        Instant postedAt,
        String postedBy,
        @Nullable UUID learnerId,
        @Nullable UUID reversesId,
        @Nullable UUID reversedById,
        List<Line> lines) {

    /** A posted line: account code and name, subledger key, signed amount, due day. */
    public record Line(
            String accountCode,
            String accountName,
            @Nullable UUID learnerId,
            BigDecimal amount,
            @Nullable LocalDate dueOn) {}

    /** What the entry moved on the learner's receivable. */
    public BigDecimal receivable() {
        return lines.stream()
                .filter(l -> l.accountCode().equals(AccountCode.RECEIVABLES.code()))
                .map(Line::amount)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
    }
}
