package org.credo.catalog.publiccatalog;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** The current published version of a program, as the catalog shows it. */
public record PublishedProgram(
        UUID programId,
        UUID versionId,
        UUID organizationId,
        String code,
        int version,
        LocalDate effectiveFrom,
        Instant publishedAt,
        String name,
        String programType,
        String level,
        BigDecimal credits,
        @Nullable String cipCode,
        @Nullable String timeToComplete,
        String deliveryMode,
        @Nullable BigDecimal tuitionAmount,
        @Nullable String tuitionCurrency,
        @Nullable String tuitionNote,
        String description,
        String learningOutcomes,
        String requirements,
        @Nullable UUID achievementLineageId,
        boolean retired) {

    public String programTypeLabel() {
        return Labels.programType(programType);
    }

    public String deliveryModeLabel() {
        return Labels.deliveryMode(deliveryMode);
    }

    public String timeToCompleteLabel() {
        return Labels.duration(timeToComplete);
    }

    /** The learning outcomes, one per line of the stored text, without list markers. */
    public java.util.List<String> outcomes() {
        return Lines.of(learningOutcomes);
    }

    /** Credits without trailing zeros ("30", "7.5"). */
    public String creditsText() {
        return credits.stripTrailingZeros().toPlainString();
    }
}
