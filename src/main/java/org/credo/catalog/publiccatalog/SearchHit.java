package org.credo.catalog.publiccatalog;

import java.math.BigDecimal;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** One program or course in a catalog search result. */
public record SearchHit(
        String kind,
        UUID itemId,
        String code,
        String name,
        String summary,
        @Nullable String programType,
        @Nullable String level,
        @Nullable String deliveryMode,
        BigDecimal credits) {

    public boolean program() {
        return "PROGRAM".equals(kind);
    }
}
