package org.credo.billing.ledger;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A journal entry to post: what it is, the day it takes effect, its lines, and a key that makes posting idempotent. */
public record EntryDraft(
        EntryKind kind,
        String description,
        LocalDate effectiveOn,
        @Nullable UUID learnerId,
        @Nullable String sourceKey,
        List<Posting> postings) {}
