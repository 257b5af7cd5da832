package org.credo.admissions.form;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** One version of a cycle's application form; a published one never changes. */
public record ApplicationForm(
        UUID id,
        UUID cycleId,
        int version,
        FormDefinition definition,
        @Nullable Instant publishedAt) {

    public boolean published() {
        return publishedAt != null;
    }
}
